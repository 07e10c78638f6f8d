/**
 * The aggregate result of an experiment, as written to `summary.json` and read by the report. Every
 * figure here is computed by streaming collectors over the runs (memory independent of the run count).
 * Figures that are undefined (no completed run, all values equal) are NaN here and `null` in the JSON.
 */
import type { MetricInfo } from '../contract/types.ts';

/** Quantile levels of the bands over time. */
export const BAND_LEVELS = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/**
 * Distribution of one final outcome across runs. `count`, moments, `min`, `max` and `probNegative`
 * use every finite value (non-finite ones are skipped); quantiles and `median` are within 0.5% relative
 * error (log sketch); `skewness` is g1 and `kurtosis` is excess kurtosis (0 for a normal).
 */
export interface OutcomeStats {
  readonly key: string;
  readonly count: number;
  readonly mean: number;
  readonly median: number;
  readonly stdev: number;
  readonly skewness: number;
  readonly kurtosis: number;
  readonly min: number;
  readonly max: number;
  /** Quantiles at p1, p5, p10, p25, p50, p75, p90, p95, p99. */
  readonly quantiles: Readonly<Record<string, number>>;
  /** P(outcome < 0). */
  readonly probNegative: number;
  /**
   * Share of the total (sum over runs of max(x, 0)) held by the top 10% and top 1% of runs; 0 when no
   * run is positive. The total is exact, the top sums are read from the sketch (within 0.5%).
   */
  readonly top10Share: number;
  readonly top1Share: number;
  /** Histogram: bin edges (length bins+1) and exact counts (equal-width bins set from the first runs). */
  readonly histogram: { readonly edges: readonly number[]; readonly counts: readonly number[] };
}

/** Quantile bands of one time series: `bands[level][recordIndex]` (within 1% relative error). */
export interface SeriesBands {
  readonly key: string;
  /** Days since the start for each record. */
  readonly days: readonly number[];
  readonly levels: readonly number[];
  readonly bands: readonly (readonly number[])[];
  readonly mean: readonly number[];
}

/** Probability of a yes/no event across runs. */
export interface EventStats {
  readonly key: string;
  readonly probability: number;
  /** 95% Wilson interval. */
  readonly low: number;
  readonly high: number;
  readonly count: number;
}

/** What `summary.json` holds. */
export interface Summary {
  readonly scenario: { readonly name: string; readonly title: string; readonly description: string };
  readonly runs: { readonly requested: number; readonly completed: number; readonly errored: number };
  readonly errors: readonly { readonly runIndex: number; readonly message: string }[];
  readonly horizonDays: number;
  readonly shape: {
    readonly series: readonly MetricInfo[];
    readonly outcomes: readonly MetricInfo[];
    readonly events: readonly MetricInfo[];
  };
  readonly outcomes: readonly OutcomeStats[];
  readonly series: readonly SeriesBands[];
  readonly events: readonly EventStats[];
  /** The answer in plain words, written by the model from the figures above. */
  readonly headline: readonly string[];
}
