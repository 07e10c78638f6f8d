/**
 * A streaming quantile sketch with logarithmic buckets (the DDSketch design): a value x > 0 falls in
 * bucket i = ⌈log_γ x⌉ with γ = (1 + α)/(1 − α), and every bucket is read back as the one value within
 * relative error α of all values it holds. Negative values use a mirrored store, values with
 * |x| < `minMagnitude` count as zero.
 *
 * Error, stated and tested: `quantile(q)` is within relative error α of the exact linearly
 * interpolated quantile (the R-7 / NumPy default definition, between order statistics ⌊q(n−1)⌋ and
 * ⌈q(n−1)⌉), as long as the values span fewer than `maxBins` buckets per sign (about 9 decades at
 * α = 1%, 2048 bins). Past that the buckets nearest zero are merged (collapsed), so only quantiles
 * among those smallest magnitudes lose accuracy.
 *
 * Determinism: the state is a pure function of the multiset of values pushed (bucket counts, with the
 * collapse boundary set by the largest magnitude), so it does not even depend on the order.
 * Memory: at most 2 × `maxBins` 32-bit counters, whatever the number of values.
 */

/** Options of a sketch. */
export interface LogSketchOptions {
  /** Relative accuracy α of quantiles (default 0.01). */
  readonly relativeAccuracy?: number;
  /** Buckets kept per sign before the ones nearest zero are merged (default 2048). */
  readonly maxBins?: number;
  /** Magnitudes below this count as 0 (default 1e-12). */
  readonly minMagnitude?: number;
}

/** A streaming quantile sketch. */
export interface LogSketch {
  /** Add one finite value (non-finite values must be filtered by the caller). */
  push(x: number): void;
  /** Number of values pushed. */
  count(): number;
  /** The smallest and largest value pushed (exact). */
  min(): number;
  max(): number;
  /** The q-quantile (0 ≤ q ≤ 1), interpolated like R-7; NaN when empty. */
  quantile(q: number): number;
  /**
   * Approximate sum of max(x, 0) over the largest `fraction` of the values (for instance 0.1: the top
   * 10%), reading each bucket at its representative value: relative error at most α.
   */
  topPositiveSum(fraction: number): number;
  /** Bytes held by the counters (a structural measure of memory, for tests and benchmarks). */
  sizeBytes(): number;
}

/** Counts per bucket index over a sliding window of at most `maxBins` indices. */
interface DenseStore {
  add(index: number): void;
  /** Walk buckets from the highest index down (descending) or lowest up, until `visit` returns true. */
  walk(descending: boolean, visit: (index: number, count: number) => boolean): void;
  total(): number;
  sizeBytes(): number;
}

function createDenseStore(maxBins: number): DenseStore {
  let counts = new Uint32Array(0);
  let offset = 0; // bucket index of counts[0]
  let lo = 0;
  let hi = -1;
  let total = 0;

  const coverRange = (newLo: number, newHi: number) => {
    if (newLo >= offset && newHi < offset + counts.length) return;
    const need = newHi - newLo + 1;
    const length = Math.min(Math.max(need + 32, counts.length * 2), maxBins + 64);
    const next = new Uint32Array(Math.max(length, need));
    const nextOffset = newLo - ((next.length - need) >> 1);
    for (let k = lo; k <= hi; k++) {
      const c = counts[k - offset] ?? 0;
      if (c !== 0 && k >= newLo && k <= newHi) next[k - nextOffset] = c;
    }
    counts = next;
    offset = nextOffset;
  };

  return {
    add(index) {
      let i = index;
      if (total === 0) {
        lo = i;
        hi = i;
        coverRange(i, i);
      } else if (i > hi) {
        const floor = i - maxBins + 1;
        if (lo < floor) {
          // Merge every bucket below the window into its lowest bucket (the magnitudes nearest 0).
          let merged = 0;
          for (let k = lo; k <= Math.min(hi, floor - 1); k++) {
            merged += counts[k - offset]!;
            counts[k - offset] = 0;
          }
          const keepFrom = Math.max(floor, lo);
          coverRange(keepFrom, i);
          counts[floor - offset]! += merged;
          lo = floor;
        } else {
          coverRange(lo, i);
        }
        hi = i;
      } else if (i < lo) {
        i = Math.max(i, hi - maxBins + 1);
        coverRange(i, hi);
        lo = i;
      }
      counts[i - offset]! += 1;
      total += 1;
    },
    walk(descending, visit) {
      if (total === 0) return;
      if (descending) {
        for (let k = hi; k >= lo; k--) {
          const c = counts[k - offset]!;
          if (c !== 0 && visit(k, c)) return;
        }
      } else {
        for (let k = lo; k <= hi; k++) {
          const c = counts[k - offset]!;
          if (c !== 0 && visit(k, c)) return;
        }
      }
    },
    total: () => total,
    sizeBytes: () => counts.byteLength + 48,
  };
}

/**
 * An empty sketch.
 * @example const s = createLogSketch({ relativeAccuracy: 0.01 }); for (const x of xs) s.push(x); s.quantile(0.5)
 */
export function createLogSketch(options: LogSketchOptions = {}): LogSketch {
  const alpha = options.relativeAccuracy ?? 0.01;
  const maxBins = options.maxBins ?? 2048;
  const minMagnitude = options.minMagnitude ?? 1e-12;
  const gamma = (1 + alpha) / (1 - alpha);
  const lnGamma = Math.log(gamma);
  const positive = createDenseStore(maxBins);
  const negative = createDenseStore(maxBins);
  let zeros = 0;
  let n = 0;
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;

  const indexOf = (magnitude: number) => Math.ceil(Math.log(magnitude) / lnGamma);
  // The point of bucket (γ^(i−1), γ^i] whose relative distance to both ends is α.
  const bucketValue = (index: number) => (2 * Math.exp(index * lnGamma)) / (gamma + 1);
  const clamp = (x: number) => Math.min(highest, Math.max(lowest, x));

  /** Estimate of the order statistic of 0-based rank k. */
  const orderStatistic = (k: number): number => {
    let seen = 0;
    let found = Number.NaN;
    negative.walk(true, (i, c) => {
      seen += c;
      if (seen > k) found = -bucketValue(i);
      return seen > k;
    });
    if (!Number.isNaN(found)) return clamp(found);
    seen += zeros;
    if (seen > k) return clamp(0);
    positive.walk(false, (i, c) => {
      seen += c;
      if (seen > k) found = bucketValue(i);
      return seen > k;
    });
    return clamp(Number.isNaN(found) ? highest : found);
  };

  return {
    push(x) {
      n += 1;
      if (x < lowest) lowest = x;
      if (x > highest) highest = x;
      if (x >= minMagnitude) positive.add(indexOf(x));
      else if (x <= -minMagnitude) negative.add(indexOf(-x));
      else zeros += 1;
    },
    count: () => n,
    min: () => (n === 0 ? Number.NaN : lowest),
    max: () => (n === 0 ? Number.NaN : highest),
    quantile(q) {
      if (n === 0) return Number.NaN;
      if (q <= 0) return lowest;
      if (q >= 1) return highest;
      const rank = q * (n - 1);
      const below = Math.floor(rank);
      const lower = orderStatistic(below);
      const t = rank - below;
      if (t === 0) return lower;
      const upper = orderStatistic(below + 1);
      return lower + t * (upper - lower);
    },
    topPositiveSum(fraction) {
      let remaining = Math.min(n, Math.max(0, fraction * n));
      let sum = 0;
      positive.walk(true, (i, c) => {
        const take = Math.min(c, remaining);
        sum += take * Math.min(bucketValue(i), highest);
        remaining -= take;
        return remaining <= 0;
      });
      return sum;
    },
    sizeBytes: () => positive.sizeBytes() + negative.sizeBytes() + 64,
  };
}
