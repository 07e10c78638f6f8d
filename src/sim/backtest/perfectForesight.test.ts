import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDailyPrices } from '../calibration/parseDailyPrices.ts';
import type { BacktestMetric } from './backtestMetrics.ts';
import type { BacktestMetricInput } from './backtestSummary.ts';
import { parseAlphaPricePanel } from './parseAlphaPricePanel.ts';
import { RECORDED_PANEL_METRICS, recordedPanelMetrics } from './recordedPanelMetrics.ts';
import { summarizeBacktest } from './summarizeBacktest.ts';

// The commands' default data folder (src/cli is above this layer, so the path is resolved here).
const DATA =
  process.env.TENSORMARKET_DATA_DIR ?? resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data');
const FROM = '2025-03-10';
const TO = '2025-03-30';
const RUNS = 7;

/** Every run equal to the record (NaN where there is none): the fan collapses onto the recorded path. */
function foresight(metric: BacktestMetric, recorded: readonly (number | null)[]): BacktestMetricInput {
  const simulated = Float64Array.from(
    { length: RUNS * recorded.length },
    (_, i) => recorded[i % recorded.length] ?? Number.NaN,
  );
  return { metric, simulated, recorded };
}

describe('a backtest fed the record as every run (perfect foresight)', () => {
  const panelText = readFileSync(resolve(DATA, 'alpha_prices_daily_2025H1.csv'), 'utf8');
  const days = recordedPanelMetrics(
    parseAlphaPricePanel({ file: 'alpha_prices_daily_2025H1.csv', text: panelText }),
  ).filter((d) => d.date >= FROM && d.date <= TO);
  const dates = days.map((d) => d.date);
  const tao = parseDailyPrices(readFileSync(resolve(DATA, 'tao_usd_daily.csv'), 'utf8'));
  const taoOn = new Map(tao.dates.map((d, i) => [d, tao.prices[i]!]));
  const metrics = [
    ...RECORDED_PANEL_METRICS.map((m) =>
      foresight(
        m,
        days.map((d) => d[m]),
      ),
    ),
    foresight(
      'taoPriceUsd',
      dates.map((d) => taoOn.get(d) ?? null),
    ),
  ];
  const { rows, errors } = summarizeBacktest({
    dates,
    runs: RUNS,
    metrics,
    windows: [
      { name: 'three weeks', from: FROM, to: TO },
      { name: 'last week', from: '2025-03-24', to: TO },
    ],
  });

  it('reads three weeks of five recorded metrics', () => {
    expect([dates.length, dates[0], dates.at(-1)]).toEqual([21, FROM, TO]);
    expect(rows.filter((r) => r.recorded !== null).length).toBe(21 * 5);
  });

  it('covers every recorded value and has no error', () => {
    expect(errors.length).toBe(10);
    for (const e of errors) {
      const figures = { metric: e.metric, window: e.window, coverage: e.coverage, mdape: e.mdape };
      expect(figures).toEqual({ metric: e.metric, window: e.window, coverage: 1, mdape: 0 });
      expect([e.dates, e.lastDate, e.lastError, e.missingRuns]).toEqual([
        e.window === 'last week' ? 7 : 21,
        TO,
        0,
        0,
      ]);
    }
  });
});
