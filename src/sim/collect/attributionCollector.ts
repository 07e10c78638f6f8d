/**
 * Streaming figures of a log-return attribution: per run, the total ln(1 + of) and the parts that sum
 * to it. Means are sums over the runs counted divided by their number, so the parts' means add up to
 * the total's mean; medians and median magnitudes come from log sketches (relative error 0.5%, like
 * every outcome quantile); the identity residual is the largest |Σ parts − total| seen. Memory is
 * constant in the number of runs.
 */
import type { MetricInfo, ReturnAttribution } from '../contract/types.ts';
import { createLogSketch, type LogSketch } from '../stats/logSketch.ts';
import { OUTCOME_ACCURACY } from './outcomeCollector.ts';
import type { AttributionStats } from './summary.ts';

/** Collector of one attribution. */
export interface AttributionCollector {
  /** Add one completed run's outcomes (all of them, in shape order). */
  push(outcomes: Float64Array): void;
  result(): AttributionStats;
  /** Bytes held (structural measure). */
  sizeBytes(): number;
}

/** Sum, value sketch and magnitude sketch of one quantity across runs. */
interface Tally {
  sum: number;
  readonly values: LogSketch;
  readonly magnitudes: LogSketch;
}

const tally = (): Tally => ({
  sum: 0,
  values: createLogSketch({ relativeAccuracy: OUTCOME_ACCURACY, maxBins: 4096 }),
  magnitudes: createLogSketch({ relativeAccuracy: OUTCOME_ACCURACY, maxBins: 4096 }),
});

const add = (t: Tally, x: number) => {
  t.sum += x;
  t.values.push(x);
  t.magnitudes.push(Math.abs(x));
};

/**
 * An empty collector for `attribution` over outcomes listed as `outcomes` (a checked shape's, so every
 * key it names is there).
 * @example const c = createAttributionCollector({ attribution, outcomes: shape.outcomes }); c.push(out.outcomes)
 */
export function createAttributionCollector({
  attribution,
  outcomes,
}: {
  attribution: ReturnAttribution;
  outcomes: readonly MetricInfo[];
}): AttributionCollector {
  const indexOf = (key: string) => outcomes.findIndex((m) => m.key === key);
  const ofIndex = indexOf(attribution.of);
  const partIndex = attribution.parts.map(indexOf);
  const total = tally();
  const parts = attribution.parts.map(tally);
  const values = new Float64Array(parts.length);
  let counted = 0;
  let skipped = 0;
  let maxResidual = 0;
  return {
    push(out) {
      const of = out[ofIndex] ?? Number.NaN;
      // log1p keeps small returns exact; a return of -100% or less has no log.
      const log = of > -1 ? Math.log1p(of) : Number.NaN;
      let sum = 0;
      for (let k = 0; k < parts.length; k++) {
        values[k] = out[partIndex[k]!] ?? Number.NaN;
        sum += values[k]!;
      }
      if (!Number.isFinite(log) || !Number.isFinite(sum)) {
        skipped += 1;
        return;
      }
      counted += 1;
      add(total, log);
      for (let k = 0; k < parts.length; k++) add(parts[k]!, values[k]!);
      maxResidual = Math.max(maxResidual, Math.abs(sum - log));
    },
    result() {
      const mean = (t: Tally) => (counted === 0 ? Number.NaN : t.sum / counted);
      const lastAbs = parts.at(-1)?.magnitudes.quantile(0.5) ?? Number.NaN;
      const totalAbs = total.magnitudes.quantile(0.5);
      return {
        of: attribution.of,
        label: attribution.label,
        count: counted,
        skipped,
        parts: parts.map((t, k) => {
          const key = attribution.parts[k]!;
          return {
            key,
            label: outcomes[partIndex[k]!]?.label ?? key,
            mean: mean(t),
            median: t.values.quantile(0.5),
            medianAbs: t.magnitudes.quantile(0.5),
          };
        }),
        total: { mean: mean(total), median: total.values.quantile(0.5), medianAbs: totalAbs },
        maxResidual: counted === 0 ? Number.NaN : maxResidual,
        lastPartShare: totalAbs > 0 ? lastAbs / totalAbs : Number.NaN,
      };
    },
    sizeBytes() {
      let bytes = 128 + values.byteLength;
      for (const t of [total, ...parts]) bytes += t.values.sizeBytes() + t.magnitudes.sizeBytes();
      return bytes;
    },
  };
}
