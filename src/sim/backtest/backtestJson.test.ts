import { describe, expect, it } from 'vitest';
import { backtestDocument, backtestJson } from './backtestJson.ts';
import { BACKTEST_METRIC_INFO, BACKTEST_METRICS } from './backtestMetrics.ts';
import type { BacktestError } from './backtestSummary.ts';

const error: BacktestError = {
  metric: 'activeSubnets',
  window: 'all',
  from: '2025-03-01',
  to: '2025-03-02',
  dates: 1,
  missingRuns: 0,
  coverage: 0,
  mdape: Number.POSITIVE_INFINITY,
  lastDate: '2025-03-01',
  lastError: Number.POSITIVE_INFINITY,
};

describe('backtest.json', () => {
  const document = backtestDocument({
    scenario: 'replay',
    from: '2025-03-01',
    to: '2025-03-02',
    runs: 3,
    seed: 11,
    dataFiles: [{ name: 'alpha_prices_daily_2025H1.csv', sha256: 'a'.repeat(64), rows: 12_757 }],
    summary: { rows: [], errors: [error] },
    facts: [],
  });

  it('names its format and describes every metric from the one metric record', () => {
    expect([document.format, document.version]).toEqual(['tensormarket/backtest', 1]);
    expect(Object.keys(document.metrics)).toEqual([...BACKTEST_METRICS]);
    expect(document.metrics.taoPriceUsd).toEqual({
      description: BACKTEST_METRIC_INFO.taoPriceUsd.description,
      unit: 'USD',
    });
  });

  it('writes figures that are not finite as null', () => {
    const parsed = JSON.parse(backtestJson(document));
    expect(parsed.errors[0]).toMatchObject({ coverage: 0, mdape: null, lastError: null });
    expect(parsed).toMatchObject({ scenario: 'replay', runs: 3, seed: 11, facts: [], rows: [] });
    expect(parsed.dataFiles).toEqual(document.dataFiles);
  });
});
