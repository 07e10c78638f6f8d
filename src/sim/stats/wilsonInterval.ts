/** The Wilson score interval for a binomial proportion. */

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * 95% Wilson interval of `successes` out of `trials` (good coverage even near 0 and 1, unlike the
 * normal approximation). With no trials the interval is the whole [0, 1].
 * @example wilsonInterval(5, 100) // { low: 0.0215…, high: 0.1118… }
 */
export function wilsonInterval(successes: number, trials: number, z = Z95): { low: number; high: number } {
  if (trials <= 0) return { low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const denom = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
