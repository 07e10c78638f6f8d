/**
 * Streaming central moments (Welford's mean and variance extended to the third and fourth moments by
 * Terriberry's update): one pass, constant memory, numerically stable, and the same bits for the same
 * sequence of values.
 */

/** Mean, spread and shape of the values pushed so far. */
export interface MomentsSummary {
  readonly count: number;
  readonly mean: number;
  /** Sample standard deviation (divides by n − 1); NaN below 2 values. */
  readonly stdev: number;
  /** Skewness g1 = √n·M3 / M2^1.5 (the moment estimator); NaN when all values are equal. */
  readonly skewness: number;
  /** Excess kurtosis g2 = n·M4 / M2² − 3 (0 for a normal); NaN when all values are equal. */
  readonly kurtosis: number;
}

/** A streaming moments accumulator. */
export interface StreamingMoments {
  push(x: number): void;
  summary(): MomentsSummary;
}

/**
 * An empty accumulator; push finite values in a fixed order for reproducible bits.
 * @example const m = createStreamingMoments(); m.push(1); m.push(3); m.summary().mean // 2
 */
export function createStreamingMoments(): StreamingMoments {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  return {
    push(x) {
      const n1 = n;
      n += 1;
      const delta = x - mean;
      const deltaN = delta / n;
      const deltaN2 = deltaN * deltaN;
      const term1 = delta * deltaN * n1;
      mean += deltaN;
      // Update order matters: M4 uses the old M3 and M2, M3 the old M2.
      m4 += term1 * deltaN2 * (n * n - 3 * n + 3) + 6 * deltaN2 * m2 - 4 * deltaN * m3;
      m3 += term1 * deltaN * (n - 2) - 3 * deltaN * m2;
      m2 += term1;
    },
    summary() {
      const flat = m2 === 0;
      return {
        count: n,
        mean: n === 0 ? Number.NaN : mean,
        stdev: n < 2 ? Number.NaN : Math.sqrt(m2 / (n - 1)),
        skewness: flat ? Number.NaN : (Math.sqrt(n) * m3) / m2 ** 1.5,
        kurtosis: flat ? Number.NaN : (n * m4) / (m2 * m2) - 3,
      };
    },
  };
}
