/**
 * The Wilson score interval for a binomial proportion: unlike the normal approximation it stays inside
 * [0, 1] and is honest for small challenges and accuracies near 0 or 1.
 */
import { InputError } from '../../../src/engine/errors.ts';

/** A two-sided confidence interval on a proportion. */
export interface ProportionInterval {
  readonly low: number;
  readonly high: number;
}

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/**
 * Wilson interval for `successes` out of `trials` at normal quantile `z` (95% by default).
 * @example wilsonInterval({ successes: 90, trials: 100 }) // ≈ { low: 0.826, high: 0.945 }
 */
export function wilsonInterval(input: {
  readonly successes: number;
  readonly trials: number;
  readonly z?: number;
}): ProportionInterval {
  const { successes: k, trials: n, z = Z_95 } = input;
  if (!(Number.isInteger(n) && n >= 1)) throw new InputError('trials', `${n} is not a positive integer`);
  if (!(Number.isInteger(k) && k >= 0 && k <= n)) {
    throw new InputError('successes', `${k} is not an integer in [0, trials = ${n}]`);
  }
  if (!(z > 0)) throw new InputError('z', `${z} must be positive (1.96 for 95%)`);
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At k = 0 or k = n the bound is exactly 0 or 1; rounding would leave 1e-16 off.
  return {
    low: k === 0 ? 0 : Math.max(0, centre - half),
    high: k === n ? 1 : Math.min(1, centre + half),
  };
}
