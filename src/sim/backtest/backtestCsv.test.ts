import { describe, expect, it } from 'vitest';
import { backtestCsv } from './backtestCsv.ts';
import type { BacktestRow } from './backtestSummary.ts';

const row = (over: Partial<BacktestRow>): BacktestRow => ({
  date: '2025-03-01',
  metric: 'sumAlphaPrices',
  p5: 1,
  p25: 2,
  p50: 3,
  p75: 4,
  p95: 5,
  recorded: 3,
  ...over,
});

describe('backtest.csv', () => {
  it('writes the header, then one row per record in full precision, an absent value as an empty field', () => {
    const third = 1 / 3;
    const text = backtestCsv([
      row({}),
      row({ metric: 'top10PriceShare', p5: 0.1, p50: third, p95: 2.5e-7, recorded: null }),
      row({
        date: '2025-03-02',
        metric: 'chainBuyShare',
        p5: null,
        p25: null,
        p50: null,
        p75: null,
        p95: null,
      }),
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toBe('date,metric,p5,p25,p50,p75,p95,recorded');
    expect(lines[1]).toBe('2025-03-01,sumAlphaPrices,1,2,3,4,5,3');
    expect(lines[2]).toBe('2025-03-01,top10PriceShare,0.1,2,0.3333333333333333,4,2.5e-7,');
    expect(lines[3]).toBe('2025-03-02,chainBuyShare,,,,,,3');
    expect(Number(lines[2]!.split(',')[4])).toBe(third);
    expect(lines.length).toBe(5);
    expect(lines[4]).toBe('');
  });
});
