/**
 * The exact q-quantile of values sorted ascending, interpolated between order statistics ⌊q(n−1)⌋ and
 * ⌈q(n−1)⌉ (R-7, NumPy's default): the definition the streaming sketches approximate, used where every
 * value is at hand. NaN for an empty list.
 * @example quantileSorted([1, 2, 3, 4], 0.25) // 1.75
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const rank = Math.min(1, Math.max(0, q)) * (n - 1);
  const below = Math.floor(rank);
  const lower = sorted[below]!;
  const t = rank - below;
  if (t === 0) return lower;
  const upper = sorted[below + 1]!;
  return lower + t * (upper - lower);
}
