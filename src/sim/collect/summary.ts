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

/**
 * What one kind of holder got: the distribution of its 'return' outcome (the same figures as that
 * outcome's `OutcomeStats`, so quantiles and the median are within 0.5% relative error).
 */
export interface HolderClassStats {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  readonly median: number;
  readonly mean: number;
  readonly p5: number;
  readonly p25: number;
  readonly p75: number;
  readonly p95: number;
  /** P(return < 0): the chance this holder ends with a loss. */
  readonly probNegative: number;
}

/** One part of an attribution: its mean over the runs counted, its median and median magnitude (within 0.5%). */
export interface AttributionPartStats {
  readonly key: string;
  readonly label: string;
  readonly mean: number;
  readonly median: number;
  /** Median of |part|: how large the part typically is, whatever its sign. */
  readonly medianAbs: number;
}

/**
 * A log return split into parts across runs. Means are plain averages over the same runs, so the
 * parts' means add up to the total's mean (up to the identity residual); medians do not add up.
 */
export interface AttributionStats {
  /** The 'return' outcome decomposed, and what the decomposition is called. */
  readonly of: string;
  readonly label: string;
  /** Runs counted: ln(1 + of) and every part finite. */
  readonly count: number;
  /** Completed runs left out: a return of −100% or less (no log) or a part that was not finite. */
  readonly skipped: number;
  readonly parts: readonly AttributionPartStats[];
  /** ln(1 + of) across the runs counted. */
  readonly total: { readonly mean: number; readonly median: number; readonly medianAbs: number };
  /** Largest |Σ parts − ln(1 + of)| in one run: the identity residual (NaN when no run counted). */
  readonly maxResidual: number;
  /** median |last part| / median |total|: how much of a typical run the last (catch-all) part carries. */
  readonly lastPartShare: number;
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
  /** Returns by holder class, when the model's shape declares holder classes. */
  readonly holderClasses?: readonly HolderClassStats[];
  /** The log-return attribution, when the model's shape declares one. */
  readonly attribution?: AttributionStats;
  /** The answer in plain words, written by the model from the figures above. */
  readonly headline: readonly string[];
}
