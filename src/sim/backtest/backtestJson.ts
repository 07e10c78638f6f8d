/**
 * `backtest.json`: the settings of a backtest, the data files it read, what each metric means, the error
 * figures, the stylized facts and every quantile row, in one document.
 */
import type { Unit } from '../report/formatValue.ts';
import { BACKTEST_METRIC_INFO, BACKTEST_METRICS, type BacktestMetric } from './backtestMetrics.ts';
import type { BacktestError, BacktestRow, BacktestSummary } from './backtestSummary.ts';
import type { StylizedFactRow } from './stylizedFact.ts';

/** Format name and version of the document; the version changes when a field changes meaning. */
export const BACKTEST_FORMAT = 'tensormarket/backtest';
export const BACKTEST_VERSION = 1;

/** A recorded data file the backtest read, identified by name and content hash (the path is not kept). */
export interface BacktestDataFile {
  readonly name: string;
  /** SHA-256 of the file's bytes, lowercase hex. */
  readonly sha256: string;
  /** Data rows read (header excluded). */
  readonly rows: number;
}

/** The backtest document. Figures that are not finite (an ∞ MdAPE) become null in the JSON text. */
export interface BacktestDocument {
  readonly format: typeof BACKTEST_FORMAT;
  readonly version: typeof BACKTEST_VERSION;
  /** Name of the scenario the futures were run with. */
  readonly scenario: string;
  /** First and last date replayed, UTC YYYY-MM-DD. */
  readonly from: string;
  readonly to: string;
  readonly runs: number;
  readonly seed: number;
  readonly dataFiles: readonly BacktestDataFile[];
  readonly metrics: { readonly [M in BacktestMetric]: { readonly description: string; readonly unit: Unit } };
  readonly errors: readonly BacktestError[];
  readonly facts: readonly StylizedFactRow[];
  readonly rows: readonly BacktestRow[];
}

/**
 * The document of a backtest from its settings, summary and facts; the metric descriptions and units
 * come from BACKTEST_METRIC_INFO.
 * @example backtestDocument({ scenario: 'replay', from: '2025-02-20', to: '2025-10-29', runs: 100, seed: 1, dataFiles, summary, facts: [] })
 */
export function backtestDocument(args: {
  scenario: string;
  from: string;
  to: string;
  runs: number;
  seed: number;
  dataFiles: readonly BacktestDataFile[];
  summary: BacktestSummary;
  facts: readonly StylizedFactRow[];
}): BacktestDocument {
  const { scenario, from, to, runs, seed, dataFiles, summary, facts } = args;
  const metrics = Object.fromEntries(
    BACKTEST_METRICS.map((m) => [
      m,
      { description: BACKTEST_METRIC_INFO[m].description, unit: BACKTEST_METRIC_INFO[m].unit },
    ]),
  ) as BacktestDocument['metrics'];
  return {
    format: BACKTEST_FORMAT,
    version: BACKTEST_VERSION,
    scenario,
    from,
    to,
    runs,
    seed,
    dataFiles,
    metrics,
    errors: summary.errors,
    facts,
    rows: summary.rows,
  };
}

/** The document as JSON text (two-space indent, a final newline). */
export function backtestJson(document: BacktestDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
