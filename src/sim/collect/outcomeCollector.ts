/**
 * Streaming distribution of one final outcome across runs: exact count, mean, moments, extremes and
 * P(x < 0); quantiles and top shares from a log sketch (relative error 0.5%); an exact-count histogram.
 * Memory is constant in the number of runs.
 */
import { createLogSketch } from '../stats/logSketch.ts';
import { createRebinningHistogram } from '../stats/rebinningHistogram.ts';
import { createStreamingMoments } from '../stats/streamingMoments.ts';
import type { OutcomeStats } from './summary.ts';

/** Quantile levels reported for every outcome, with their keys in `OutcomeStats.quantiles`. */
export const OUTCOME_QUANTILES: readonly (readonly [key: string, level: number])[] = [
  ['p1', 0.01],
  ['p5', 0.05],
  ['p10', 0.1],
  ['p25', 0.25],
  ['p50', 0.5],
  ['p75', 0.75],
  ['p90', 0.9],
  ['p95', 0.95],
  ['p99', 0.99],
];

/** Relative accuracy of outcome quantiles and top shares. */
export const OUTCOME_ACCURACY = 0.005;

/** Collector of one outcome. */
export interface OutcomeCollector {
  /** Add one run's value; non-finite values are skipped (they stay visible in runs.csv). */
  push(x: number): void;
  result(): OutcomeStats;
  /** Bytes held (structural measure). */
  sizeBytes(): number;
}

/**
 * An empty collector for the outcome `key`.
 * @example const c = createOutcomeCollector('holderReturn'); c.push(0.1); c.result().mean
 */
export function createOutcomeCollector(key: string): OutcomeCollector {
  const moments = createStreamingMoments();
  // 4096 buckets at 0.5% cover about 18 decades of magnitude per sign before any merging.
  const sketch = createLogSketch({ relativeAccuracy: OUTCOME_ACCURACY, maxBins: 4096 });
  const histogram = createRebinningHistogram({ bins: 64, pilot: 64 });
  let negatives = 0;
  let positiveSum = 0;
  return {
    push(x) {
      if (!Number.isFinite(x)) return;
      moments.push(x);
      sketch.push(x);
      histogram.push(x);
      if (x < 0) negatives += 1;
      else positiveSum += x;
    },
    result() {
      const m = moments.summary();
      const n = m.count;
      const share = (fraction: number) =>
        positiveSum > 0 ? Math.min(1, sketch.topPositiveSum(fraction) / positiveSum) : 0;
      return {
        key,
        count: n,
        mean: m.mean,
        median: sketch.quantile(0.5),
        stdev: m.stdev,
        skewness: m.skewness,
        kurtosis: m.kurtosis,
        min: sketch.min(),
        max: sketch.max(),
        quantiles: Object.fromEntries(OUTCOME_QUANTILES.map(([k, q]) => [k, sketch.quantile(q)])),
        probNegative: n === 0 ? Number.NaN : negatives / n,
        top10Share: share(0.1),
        top1Share: share(0.01),
        histogram: histogram.result(),
      };
    },
    sizeBytes: () => sketch.sizeBytes() + histogram.sizeBytes() + 128,
  };
}
