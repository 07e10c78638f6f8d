import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSnapshotProblem } from '../start/snapshotError.ts';
import { parseAlphaPricePanel } from './parseAlphaPricePanel.ts';
import { PriceDataError } from './priceDataError.ts';
import { recordedPanelMetrics } from './recordedPanelMetrics.ts';

const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data');
const HEADER = 'date,block,netuid,price_first,price_median,samples,glitch';

/** A small window: three subnets over two days, one not yet emitting, one absent at the first sample. */
const WINDOW = [
  HEADER,
  '2025-03-01,5000000,1,0.04,0.041,720,0',
  '2025-03-01,5000000,2,0.01,0.012,720,0',
  '2025-03-01,5000000,3,1.0,1.2,720,1',
  '2025-03-02,5007200,2,,0.011,300,0',
  '2025-03-02,5007200,1,0.05,0.05,720,0',
  '2025-03-02,5007200,3,0.002,0.002,720,0',
].join('\n');

const problemsOf = (text: string): string[] => {
  try {
    parseAlphaPricePanel({ file: 'p.csv', text });
  } catch (e) {
    if (e instanceof PriceDataError) return e.problems.map(formatSnapshotProblem);
    throw e;
  }
  return [];
};

describe('the recorded alpha price panel', () => {
  it('reads days in date order, rows in netuid order, an absent first price as null', () => {
    const panel = parseAlphaPricePanel({ file: 'p.csv', text: WINDOW });
    expect(panel.days.map((d) => [d.date, d.block, d.rows.map((r) => r.netuid)])).toEqual([
      ['2025-03-01', 5_000_000, [1, 2, 3]],
      ['2025-03-02', 5_007_200, [1, 2, 3]],
    ]);
    expect(panel.days[1]!.rows[1]).toMatchObject({ netuid: 2, priceFirst: null, priceMedian: 0.011 });
  });

  it('computes the recorded metrics over emitting subnets only (glitch rows left out)', () => {
    const [a, b] = recordedPanelMetrics(parseAlphaPricePanel({ file: 'p.csv', text: WINDOW }));
    expect(a).toMatchObject({ activeSubnets: 2, top10PriceShare: 1, medianAlphaPrice: 0.025 });
    expect(a!.sumAlphaPrices).toBeCloseTo(0.05, 12);
    // Day 2: subnet 3 now emits; subnet 2 is active but has no first-sample price.
    expect(b!.activeSubnets).toBe(3);
    expect(b!.medianAlphaPrice).toBeCloseTo(0.026, 12);
    expect(b!.sumAlphaPrices).toBeCloseTo(0.052, 12);
  });

  it('refuses a bad file whole, with one line-numbered problem each', () => {
    const bad = [
      HEADER,
      '2025-02-30,5000000,1,0.04,0.041,720,0',
      '2025-03-01,5000000,1,x,0.041,720,0',
      '2025-03-01,5000001,2,0.01,0.012,720,0',
      '2025-03-01,5000000,1,0.04,0.041,720,0',
      '2025-03-01,5000000,4,0.01,0.012,720,2',
    ].join('\n');
    expect(problemsOf(bad)).toEqual([
      'p.csv:2: date: expected a date written YYYY-MM-DD, got "2025-02-30"',
      'p.csv:3: price_first: expected a number, got "x"; write digits only (no units or separators)',
      'p.csv:4: block: 5000001 differs from 5000000 on line 3; every row of a date has the block of its first sample',
      'p.csv:5: netuid: netuid 1 appears again on 2025-03-01 (first on line 3); keep one row per subnet and day',
      'p.csv:6: glitch: expected 0 or 1, got "2"; write 0 or 1',
    ]);
    expect(problemsOf('date,block\n2025-03-01,1\n')[0]).toMatch(/^p\.csv:1: netuid: missing column/);
  });

  it('reads the recorded file: 131 days, 1,235 flagged rows, and 2025-02-20 as the data README gives it', () => {
    const text = readFileSync(resolve(DATA, 'alpha_prices_daily_2025H1.csv'), 'utf8');
    const panel = parseAlphaPricePanel({ file: 'alpha_prices_daily_2025H1.csv', text });
    expect([panel.days.length, panel.days[0]!.date, panel.days.at(-1)!.date]).toEqual([
      131,
      '2025-02-20',
      '2025-06-30',
    ]);
    expect(panel.days.flatMap((d) => d.rows).filter((r) => r.glitch).length).toBe(1235);
    const first = recordedPanelMetrics(panel)[0]!;
    // 67 netuids emit; one is absent from the first sample, so 66 prices make the sum.
    expect(first.activeSubnets).toBe(67);
    expect(panel.days[0]!.rows.filter((r) => !r.glitch && r.priceFirst !== null).length).toBe(66);
    expect(first.sumAlphaPrices).toBeCloseTo(2.318, 3);
    expect(first.top10PriceShare).toBeCloseTo(0.57, 2);
  });
});
