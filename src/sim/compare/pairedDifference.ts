/**
 * Paired differences between two variants run on the same seeds: run i of both variants sees the same
 * random streams, so the difference per run removes most of the noise the futures share, and its
 * mean has a much tighter interval than the two variants' means compared apart.
 */

/** The mean paired difference (variant minus baseline) with its 95% interval. */
export interface PairedDifference {
  /** Runs where both values are finite. */
  readonly count: number;
  readonly mean: number;
  /** 95% Student-t interval of the mean difference; NaN with fewer than 2 pairs. */
  readonly low: number;
  readonly high: number;
}

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * Two-sided 95% critical value of Student's t with `df` degrees of freedom, by the Cornish-Fisher
 * expansion around the normal quantile (within 0.2% for df >= 3; exact values below).
 * @example tCritical95(1000) // 1.9623…
 */
export function tCritical95(df: number): number {
  const exact = [Number.NaN, 12.706204736, 4.30265273, 3.182446305];
  if (df < exact.length) return exact[Math.max(0, Math.floor(df))]!;
  const z = Z95;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  );
}

/**
 * Mean of `variant[i] - baseline[i]` over the runs where both are finite, with its 95% interval
 * (Welford's streaming mean and variance, so one pass and no copies).
 * @example pairedDifference(new Float64Array([1, 2, 3]), new Float64Array([2, 2, 5])) // mean 1
 */
export function pairedDifference(baseline: ArrayLike<number>, variant: ArrayLike<number>): PairedDifference {
  const n = Math.min(baseline.length, variant.length);
  let count = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const a = baseline[i]!;
    const b = variant[i]!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    const d = b - a;
    count++;
    const delta = d - mean;
    mean += delta / count;
    m2 += delta * (d - mean);
  }
  if (count === 0) return { count, mean: Number.NaN, low: Number.NaN, high: Number.NaN };
  if (count < 2) return { count, mean, low: Number.NaN, high: Number.NaN };
  const half = tCritical95(count - 1) * Math.sqrt(m2 / (count - 1) / count);
  return { count, mean, low: mean - half, high: mean + half };
}
