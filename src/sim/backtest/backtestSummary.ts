/**
 * What a backtest compares: per date and metric, the quantiles of the simulated futures beside the
 * recorded value, and per metric and window, how well the fan matched the record.
 */
import type { FanRow } from '../report/fanChartSpec.ts';
import type { BacktestMetric } from './backtestMetrics.ts';

/** A named span of dates over which error figures are computed; `from` and `to` are UTC dates, inclusive. */
export interface BacktestWindow {
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

/** One metric's values: the simulated futures and the record. */
export interface BacktestMetricInput {
  readonly metric: BacktestMetric;
  /** runs × dates, run-major: `simulated[r * dates.length + d]`; NaN where a run has no value. */
  readonly simulated: Float64Array;
  /** One per date; null (or NaN) where the data have no value. */
  readonly recorded: readonly (number | null)[];
}

/** Inputs of {@link summarizeBacktest}. */
export interface BacktestInput {
  /** UTC dates YYYY-MM-DD, strictly increasing. */
  readonly dates: readonly string[];
  readonly runs: number;
  readonly metrics: readonly BacktestMetricInput[];
  readonly windows: readonly BacktestWindow[];
}

/**
 * One date and metric: the exact quantiles of the runs' finite values (null when no run has one) and
 * the recorded value (null when the data have none).
 */
export interface BacktestRow extends Omit<FanRow, 'day'> {
  readonly date: string;
  readonly metric: BacktestMetric;
  readonly recorded: number | null;
}

/**
 * How the fan matched the record for one metric over one window, counted over the window's dates that
 * have both a recorded value and at least one run's value. The figures are null when there is no such date.
 */
export interface BacktestError {
  readonly metric: BacktestMetric;
  readonly window: string;
  readonly from: string;
  readonly to: string;
  /** Dates compared. */
  readonly dates: number;
  /** Run values left out as not finite, over every date of the window (recorded or not). */
  readonly missingRuns: number;
  /** Share of the dates compared whose recorded value lies in [p5, p95], bounds included. */
  readonly coverage: number | null;
  /** Median over the dates compared of |p50 − recorded| / |recorded| (∞ where recorded is 0 and p50 is not). */
  readonly mdape: number | null;
  /** The last date compared, and (p50 − recorded) / recorded on it. */
  readonly lastDate: string | null;
  readonly lastError: number | null;
}

/** The result of {@link summarizeBacktest}. */
export interface BacktestSummary {
  /** Date-major; the metrics of each date in `BACKTEST_METRICS` order. */
  readonly rows: readonly BacktestRow[];
  /** Metric-major in `BACKTEST_METRICS` order; the windows of each metric in input order. */
  readonly errors: readonly BacktestError[];
}
