/**
 * Top-k masks of epoch/math.rs, used for validator permits (spec §7.3): sort the indices by value
 * ascending with a stable sort (ties keep index order) and clear the first n - k.
 */
import type { Vec32 } from './types.testkit.ts';

/** Indices of the n - k smallest entries (stable: among equal values the lower indices go first). */
function smallest(v: Vec32, k: number): number[] {
  const idx = v.map((_, i) => i);
  // Array.prototype.sort is stable, like Rust's `sort_by_key`.
  idx.sort((a, b) => {
    const x = v[a] ?? 0n;
    const y = v[b] ?? 0n;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return idx.slice(0, Math.max(0, v.length - k));
}

/** `is_topk`: true for entries among the k largest; all true when n < k. */
export function isTopk(v: Vec32, k: number): boolean[] {
  const result = v.map(() => true);
  if (v.length < k) return result;
  for (const i of smallest(v, k)) result[i] = false;
  return result;
}

/** `is_topk_nonzero`: {@link isTopk} that also clears zero entries (even when n < k). */
export function isTopkNonzero(v: Vec32, k: number): boolean[] {
  const result = v.map((x) => x !== 0n);
  if (v.length < k) return result;
  for (const i of smallest(v, k)) result[i] = false;
  return result;
}
