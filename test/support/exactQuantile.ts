/** The exact quantile the streaming sketches are checked against. */
import { quantileSorted } from '../../src/sim/stats/quantileSorted.ts';

/**
 * Exact R-7 quantile of `values` (any order) and the larger magnitude of its two neighbouring order
 * statistics, the scale of the sketches' relative error bound.
 * @example exactQuantile([3, 1, 2], 0.5) // { value: 2, bound: 2 }
 */
export function exactQuantile(values: readonly number[], q: number): { value: number; bound: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const lo = sorted[Math.floor(rank)]!;
  const hi = sorted[Math.ceil(rank)]!;
  return { value: quantileSorted(sorted, q), bound: Math.max(Math.abs(lo), Math.abs(hi)) };
}
