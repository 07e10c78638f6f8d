/**
 * The backtest's figures: for every date and metric the exact quantiles of the runs (the R-7 definition
 * the simulate report's bands approximate) beside the recorded value, and for every metric and window
 * how often the record fell inside the fan and how far the median was from it.
 */
import { FAN_BANDS } from '../report/fanChartSpec.ts';
import { finiteOrNull } from '../report/finiteOrNull.ts';
import { quantileSorted } from '../stats/quantileSorted.ts';
import { BacktestInputError } from './backtestInputError.ts';
import { BACKTEST_METRICS, type BacktestMetric } from './backtestMetrics.ts';
import type {
  BacktestError,
  BacktestInput,
  BacktestMetricInput,
  BacktestRow,
  BacktestSummary,
  BacktestWindow,
} from './backtestSummary.ts';
import { isCalendarDate } from './isCalendarDate.ts';

type Bands = Omit<BacktestRow, 'date' | 'metric' | 'recorded'>;

/** One metric's quantiles and missing-run count per date, and its recorded values (null where none). */
interface MetricDays {
  readonly metric: BacktestMetric;
  readonly bands: readonly Bands[];
  readonly missing: readonly number[];
  readonly recorded: readonly (number | null)[];
}

/** Throws a {@link BacktestInputError} naming the first field that does not fit. */
function check({ dates, runs, metrics, windows }: BacktestInput): void {
  dates.forEach((date, d) => {
    if (!isCalendarDate(date))
      throw new BacktestInputError(
        'BACKTEST_DATES',
        `dates[${d}]`,
        `expected a date YYYY-MM-DD, got "${date}"`,
      );
    const before = dates[d - 1];
    if (before !== undefined && before >= date)
      throw new BacktestInputError(
        'BACKTEST_DATES',
        `dates[${d}]`,
        `${date} does not follow ${before}; give each date once, in increasing order`,
      );
  });
  if (!Number.isInteger(runs) || runs < 1)
    throw new BacktestInputError(
      'BACKTEST_SHAPE',
      'runs',
      `expected a whole number of at least 1, got ${runs}`,
    );
  const seen = new Set<BacktestMetric>();
  metrics.forEach(({ metric, simulated, recorded }, m) => {
    if (!BACKTEST_METRICS.includes(metric))
      throw new BacktestInputError(
        'BACKTEST_METRIC',
        `metrics[${m}].metric`,
        `"${metric}" is not a backtest metric; use one of ${BACKTEST_METRICS.join(', ')}`,
      );
    if (seen.has(metric))
      throw new BacktestInputError(
        'BACKTEST_METRIC',
        `metrics[${m}].metric`,
        `${metric} is given twice; give it once`,
      );
    seen.add(metric);
    if (simulated.length !== runs * dates.length)
      throw new BacktestInputError(
        'BACKTEST_SHAPE',
        `metrics[${m}].simulated`,
        `has ${simulated.length} values, expected runs × dates = ${runs} × ${dates.length}; lay them out run-major, simulated[r * dates.length + d]`,
      );
    if (recorded.length !== dates.length)
      throw new BacktestInputError(
        'BACKTEST_SHAPE',
        `metrics[${m}].recorded`,
        `has ${recorded.length} values, expected one per date (${dates.length}); write null where there is none`,
      );
  });
  windows.forEach(({ name, from, to }, w) => {
    for (const [field, date] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (!isCalendarDate(date))
        throw new BacktestInputError(
          'BACKTEST_WINDOW',
          `windows[${w}].${field}`,
          `expected a date YYYY-MM-DD, got "${date}"`,
        );
    }
    if (from > to)
      throw new BacktestInputError(
        'BACKTEST_WINDOW',
        `windows[${w}]`,
        `window "${name}" runs from ${from} to the earlier ${to}; swap the dates`,
      );
  });
}

/** Quantiles of one date's finite run values, null when no run has one. */
function bandsOf(sorted: Float64Array): Bands {
  const entries = FAN_BANDS.map(([field, level]) => [field, finiteOrNull(quantileSorted(sorted, level))]);
  return Object.fromEntries(entries) as Bands;
}

/** Per date: the quantiles over runs and how many runs had no finite value. */
function metricDays(input: BacktestMetricInput, dateCount: number, runs: number): MetricDays {
  const bands: Bands[] = [];
  const missing: number[] = [];
  const values = new Float64Array(runs);
  for (let d = 0; d < dateCount; d++) {
    let n = 0;
    for (let r = 0; r < runs; r++) {
      const x = input.simulated[r * dateCount + d]!;
      if (Number.isFinite(x)) values[n++] = x;
    }
    bands.push(bandsOf(values.slice(0, n).sort()));
    missing.push(runs - n);
  }
  return { metric: input.metric, bands, missing, recorded: input.recorded.map((v) => finiteOrNull(v)) };
}

/** (p50 − recorded) / recorded; 0 when both are 0, ±∞ when only the record is. */
function relativeError(p50: number, recorded: number): number {
  if (recorded === 0) return p50 === 0 ? 0 : Math.sign(p50) * Number.POSITIVE_INFINITY;
  return (p50 - recorded) / recorded;
}

/** Error figures of one metric over one window. */
function windowError(days: MetricDays, dates: readonly string[], window: BacktestWindow): BacktestError {
  let missingRuns = 0;
  let covered = 0;
  const absErrors: number[] = [];
  let lastDate: string | null = null;
  let lastError: number | null = null;
  for (let d = 0; d < dates.length; d++) {
    const date = dates[d]!;
    if (date < window.from || date > window.to) continue;
    missingRuns += days.missing[d]!;
    const recorded = days.recorded[d]!;
    const { p5, p50, p95 } = days.bands[d]!;
    if (recorded === null || p5 === null || p50 === null || p95 === null) continue;
    if (p5 <= recorded && recorded <= p95) covered += 1;
    lastDate = date;
    lastError = relativeError(p50, recorded);
    absErrors.push(Math.abs(lastError));
  }
  const n = absErrors.length;
  return {
    metric: days.metric,
    window: window.name,
    from: window.from,
    to: window.to,
    dates: n,
    missingRuns,
    coverage: n === 0 ? null : covered / n,
    mdape:
      n === 0
        ? null
        : quantileSorted(
            absErrors.sort((a, b) => a - b),
            0.5,
          ),
    lastDate,
    lastError,
  };
}

/**
 * Quantile rows and error figures of a backtest. Runs whose value on a date is not finite are left out
 * of that date's quantiles and counted in the error records' `missingRuns`; a recorded NaN counts as no
 * record. Throws {@link BacktestInputError} when the input does not fit together.
 * @example summarizeBacktest({ dates, runs: 100, metrics: [{ metric: 'sumAlphaPrices', simulated, recorded }], windows: [{ name: 'all', from: dates[0], to: dates.at(-1) }] })
 */
export function summarizeBacktest(input: BacktestInput): BacktestSummary {
  check(input);
  const { dates, runs, windows } = input;
  const order = (m: BacktestMetric) => BACKTEST_METRICS.indexOf(m);
  const metrics = [...input.metrics]
    .sort((a, b) => order(a.metric) - order(b.metric))
    .map((m) => metricDays(m, dates.length, runs));
  const rows: BacktestRow[] = dates.flatMap((date, d) =>
    metrics.map((m) => ({ date, metric: m.metric, ...m.bands[d]!, recorded: m.recorded[d]! })),
  );
  const errors = metrics.flatMap((m) => windows.map((w) => windowError(m, dates, w)));
  return { rows, errors };
}
