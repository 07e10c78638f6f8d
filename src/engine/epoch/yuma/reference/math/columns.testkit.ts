/**
 * Column operations of epoch/math.rs: consensus clipping (spec §7.5) and column max-upscaling of
 * original-Yuma bonds (spec §7.6). Quotients are `safe_div` (truncating).
 */
import { I32F32, safeDiv } from '../fixed/index.testkit.ts';
import type { Mat32, SparseEntry32, SparseMat32, Vec32 } from './types.testkit.ts';

const ZERO = 0n as I32F32;

/** `inplace_col_clip`: `min(value, threshold_j)`; cells beyond the thresholds are left alone. */
export function colClip(m: Mat32, colThreshold: Vec32): I32F32[][] {
  return m.map((row) =>
    row.map((v, j) => {
      const th = colThreshold[j];
      return th === undefined || v <= th ? v : th;
    }),
  );
}

/**
 * `col_clip_sparse`: entries above their column threshold become the threshold, or are dropped when
 * that threshold is <= 0 (a missing threshold counts as 0).
 */
export function colClipSparse(m: SparseMat32, colThreshold: Vec32): SparseEntry32[][] {
  return m.map((row) => {
    const out: SparseEntry32[] = [];
    for (const [j, v] of row) {
      const th = colThreshold[j] ?? ZERO;
      if (th >= v) out.push([j, v]);
      else if (th > 0n) out.push([j, th]);
    }
    return out;
  });
}

/**
 * `inplace_col_max_upscale`: each cell divided by its column's maximum (truncating); columns whose
 * maximum is not above 0 are left alone.
 */
export function colMaxUpscale(m: Mat32): I32F32[][] {
  const maxes: I32F32[] = [];
  for (const row of m) {
    row.forEach((v, j) => {
      const cur = maxes[j] ?? ZERO;
      maxes[j] = cur < v ? v : cur;
    });
  }
  return m.map((row) =>
    row.map((v, j) => {
      const mx = maxes[j] ?? ZERO;
      return mx === 0n ? v : safeDiv(I32F32, v, mx);
    }),
  );
}

/**
 * `inplace_col_max_upscale_sparse`: each entry divided by its column's maximum (truncating); columns
 * >= `columns` and columns whose maximum is not above 0 are left alone.
 */
export function colMaxUpscaleSparse(m: SparseMat32, columns: number): SparseEntry32[][] {
  const maxes: I32F32[] = new Array<I32F32>(columns).fill(ZERO);
  for (const row of m) {
    for (const [j, v] of row) {
      const cur = maxes[j];
      if (cur !== undefined && cur < v) maxes[j] = v;
    }
  }
  return m.map((row) =>
    row.map(([j, v]) => {
      const mx = maxes[j] ?? ZERO;
      return [j, mx === 0n ? v : safeDiv(I32F32, v, mx)] as const;
    }),
  );
}
