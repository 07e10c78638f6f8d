/**
 * Bond moving averages of epoch/math.rs (spec §7.6). `mat_ema*` take a scalar alpha (the non-liquid
 * path), `mat_ema_alpha*` a per-cell alpha (Yuma 3 liquid alpha). Products floor, sums saturate.
 */
import { add, I32F32, mul, sub } from '../fixed/index.testkit.ts';
import type { Mat32, SparseEntry32, SparseMat32 } from './types.testkit.ts';

const ZERO = 0n as I32F32;

/** Inputs of {@link matEma} and {@link matEmaSparse}. */
export interface MatEmaInput<M> {
  /** The new observation (bonds penalty-adjusted weights). */
  readonly new: M;
  /** The previous bonds. */
  readonly old: M;
  /** Weight of the new observation, `1 - BondsMovingAverage/1e6`. */
  readonly alpha: I32F32;
}

/**
 * `mat_ema`: `alpha * new_ij + (1 - alpha) * old_ij` cell by cell (pairs up to the shorter row; stops
 * when `old` runs out of rows); `[[]]` when `new` is empty or its first row is.
 */
export function matEma(input: MatEmaInput<Mat32>): I32F32[][] {
  const { new: next, old, alpha } = input;
  if ((next[0]?.length ?? 0) === 0) return [[]];
  const oneMinusAlpha = sub(I32F32, I32F32.one, alpha);
  return next.slice(0, old.length).map((row, i) => {
    const prev = old[i] ?? [];
    const n = Math.min(row.length, prev.length);
    return row
      .slice(0, n)
      .map((v, j) => add(I32F32, mul(I32F32, alpha, v), mul(I32F32, oneMinusAlpha, prev[j] ?? ZERO)));
  });
}

/**
 * `mat_ema_sparse`: the sparse twin of {@link matEma}. The chain sizes each accumulator row by the
 * number of rows (the matrix is square: UIDs x UIDs); entries beyond it are ignored and only results
 * > 0 are kept, so old bonds decay and stay present while positive.
 */
export function matEmaSparse(input: MatEmaInput<SparseMat32>): SparseEntry32[][] {
  const { new: next, old, alpha } = input;
  const n = next.length;
  const oneMinusAlpha = sub(I32F32, I32F32.one, alpha);
  // One scratch row for all rows, touching only the columns present: O(nnz) instead of O(n^2).
  const acc = new Array<I32F32 | undefined>(n);
  const touched: number[] = [];
  const accumulate = (j: number, term: I32F32) => {
    if (j >= n) return;
    const cur = acc[j];
    if (cur === undefined) touched.push(j);
    acc[j] = add(I32F32, cur ?? ZERO, term);
  };
  return next.map((row, i) => {
    for (const [j, v] of row) accumulate(j, mul(I32F32, alpha, v));
    for (const [j, v] of old[i] ?? []) accumulate(j, mul(I32F32, oneMinusAlpha, v));
    touched.sort((a, b) => a - b);
    const out: SparseEntry32[] = [];
    for (const j of touched) {
      const v = acc[j]!;
      if (v > 0n) out.push([j, v]);
      acc[j] = undefined;
    }
    touched.length = 0;
    return out;
  });
}

/** Inputs of {@link matEmaAlpha} and {@link matEmaAlphaSparse}. */
export interface MatEmaAlphaInput<M> {
  /** The new observation (bonds penalty-adjusted weights). */
  readonly new: M;
  /** The previous bonds. */
  readonly old: M;
  /** Per-cell alpha (dense, rows x columns). */
  readonly alpha: Mat32;
}

/** One cell of the liquid-alpha EMA: `min(1, (1 - a) * old + max(0, a * new))`. */
function emaCell(a: I32F32, next: I32F32, prev: I32F32): I32F32 {
  const decayed = mul(I32F32, sub(I32F32, I32F32.one, a), prev);
  const inc = mul(I32F32, a, next);
  const v = add(I32F32, decayed, inc > 0n ? inc : ZERO);
  return v < I32F32.one ? v : I32F32.one;
}

/**
 * `mat_ema_alpha`: per-cell EMA clamped to 1. `[[]]` for an empty `new`; a copy of `old` when the row
 * counts differ; a copy of `new` when any row lengths differ.
 */
export function matEmaAlpha(input: MatEmaAlphaInput<Mat32>): I32F32[][] {
  const { new: next, old, alpha } = input;
  if ((next[0]?.length ?? 0) === 0) return [[]];
  if (next.length !== old.length || next.length !== alpha.length) return old.map((row) => [...row]);
  const ragged = next.some((row, i) => row.length !== old[i]?.length || row.length !== alpha[i]?.length);
  if (ragged) return next.map((row) => [...row]);
  return next.map((row, i) => row.map((v, j) => emaCell(alpha[i]?.[j] ?? ZERO, v, old[i]?.[j] ?? ZERO)));
}

/**
 * `mat_ema_alpha_sparse`: per-cell EMA clamped to 1, keeping only results > 0 at the columns present in
 * the NEW row: an old bond whose column the new row lacks is dropped, not decayed (spec §7.6). Columns
 * beyond the alpha row are ignored; a copy of `new` when the row counts differ.
 */
export function matEmaAlphaSparse(input: MatEmaAlphaInput<SparseMat32>): SparseEntry32[][] {
  const { new: next, old, alpha } = input;
  if (next.length !== old.length || next.length !== alpha.length) return next.map((row) => [...row]);
  return next.map((row, i) => {
    const alphaRow = alpha[i] ?? [];
    // Old values by column (the chain stores the decayed value; recomputing it per new entry is equal).
    const prev = new Array<I32F32 | undefined>(alphaRow.length);
    for (const [j, v] of old[i] ?? []) if (j < alphaRow.length) prev[j] = v;
    const out: SparseEntry32[] = [];
    for (const [j, v] of row) {
      const a = alphaRow[j];
      if (a === undefined) continue;
      const cell = emaCell(a, v, prev[j] ?? ZERO);
      if (cell > 0n) out.push([j, cell]);
    }
    return out;
  });
}
