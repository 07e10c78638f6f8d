/**
 * Bonds-penalty interpolation of epoch/math.rs (spec §7.6): `W_b = A + ratio * (B - A)` between the raw
 * weights A and the clipped weights B, each cell `a + ratio * (b - a)` with a floored, saturating
 * product and saturating sums.
 */
import { add, I32F32, mul, sub } from '../../fixed/index.ts';
import { mulRawSigned, TWO32 } from '../../fixed/rawF64.ts';
import { type CsrMat32, csrBuilder, finishCsr, unionCount } from './csr.ts';
import type { Mat32, SparseEntry32, SparseMat32 } from './types.ts';

// A local copy: an imported binding costs a check on every read in the hot loops.
const mulRawSignedLocal = mulRawSigned;

const ZERO = 0n as I32F32;

const lerp = (a: I32F32, b: I32F32, ratio: I32F32): I32F32 =>
  add(I32F32, a, mul(I32F32, ratio, sub(I32F32, b, a)));

/** Inputs of {@link interpolate}. */
export interface InterpolateInput {
  /** Result at ratio 0 (raw weights). */
  readonly a: Mat32;
  /** Result at ratio 1 (clipped weights). */
  readonly b: Mat32;
  /** Bonds penalty β in [0, 1]. */
  readonly ratio: I32F32;
}

/**
 * `interpolate`: ratio 0 returns a copy of `a`, ratio 1 a copy of `b`; otherwise a matrix shaped like
 * `a` (width of its first row), cells past either input's row left at 0.
 */
export function interpolate(input: InterpolateInput): I32F32[][] {
  const { a, b, ratio } = input;
  if (ratio === 0n) return a.map((row) => [...row]);
  if (ratio === I32F32.one) return b.map((row) => [...row]);
  const cols = a[0]?.length ?? 0;
  if (cols === 0) return [[]];
  return a.map((rowA, i) => {
    const out = new Array<I32F32>(cols).fill(ZERO);
    const rowB = b[i];
    // The chain stops filling once `b` runs out of rows: the remaining rows stay zero.
    if (rowB === undefined) return out;
    const n = Math.min(rowA.length, rowB.length, cols);
    for (let j = 0; j < n; j++) out[j] = lerp(rowA[j] ?? ZERO, rowB[j] ?? ZERO, ratio);
    return out;
  });
}

/** Inputs of {@link interpolateSparse}. */
export interface InterpolateSparseInput {
  readonly a: SparseMat32;
  readonly b: SparseMat32;
  /** Number of columns; entries at columns >= this are ignored. */
  readonly columns: number;
  readonly ratio: I32F32;
}

/**
 * `interpolate_sparse`: ratio 0 returns a copy of `a`, ratio 1 (or a row-count mismatch) a copy of `b`;
 * otherwise every column is interpolated (missing entries count as 0) and only results > 0 are kept.
 */
export function interpolateSparse(input: InterpolateSparseInput): SparseEntry32[][] {
  const { a, b, columns, ratio } = input;
  if (ratio === 0n) return a.map((row) => [...row]);
  if (ratio === I32F32.one || a.length !== b.length) return b.map((row) => [...row]);
  // Scratch rows shared by all rows; only columns present in either row can give a result > 0
  // (0 interpolated with 0 is 0), so visiting just those is O(nnz) and gives the same output.
  const rowA = new Array<I32F32 | undefined>(columns);
  const rowB = new Array<I32F32 | undefined>(columns);
  const touched: number[] = [];
  const load = (row: readonly SparseEntry32[] | undefined, dense: (I32F32 | undefined)[]) => {
    for (const [j, v] of row ?? []) {
      if (j >= columns) continue;
      if (rowA[j] === undefined && rowB[j] === undefined) touched.push(j);
      dense[j] = v;
    }
  };
  return a.map((row, i) => {
    load(row, rowA);
    load(b[i], rowB);
    touched.sort((x, y) => x - y);
    const out: SparseEntry32[] = [];
    for (const j of touched) {
      const v = lerp(rowA[j] ?? ZERO, rowB[j] ?? ZERO, ratio);
      if (v > 0n) out.push([j, v]);
      rowA[j] = undefined;
      rowB[j] = undefined;
    }
    touched.length = 0;
    return out;
  });
}

/** Inputs of {@link interpolateCsr}. */
export interface InterpolateCsrInput {
  readonly a: CsrMat32;
  readonly b: CsrMat32;
  /** Raw ratio in [0, 2^32]. */
  readonly ratio: number;
}

/**
 * {@link interpolateSparse} on {@link CsrMat32}s with equally many rows of ascending columns and values
 * in [0, 2^32]: ratio 0 returns `a` and ratio 1 returns `b` (the same objects: nothing mutates them);
 * otherwise `a + ratio * (b - a)` over the union of each row's columns (merged in ascending order, as
 * the bigint twin sorts them), results > 0 kept. b - a lies in [-2^32, 2^32], so the product is
 * `mulRawSigned` (floor toward minus infinity) and neither the difference nor the sum saturates.
 */
export function interpolateCsr({ a, b, ratio }: InterpolateCsrInput): CsrMat32 {
  if (ratio === 0) return a;
  if (ratio === TWO32) return b;
  const out = csrBuilder(a.rows, unionCount(a, b));
  let w = 0;
  for (let i = 0; i < a.rows; i++) {
    let p = a.start[i]!;
    const pEnd = a.start[i + 1]!;
    let q = b.start[i]!;
    const qEnd = b.start[i + 1]!;
    while (p < pEnd || q < qEnd) {
      const jp = p < pEnd ? a.col[p]! : 0x7fffffff;
      const jq = q < qEnd ? b.col[q]! : 0x7fffffff;
      const j = jp < jq ? jp : jq;
      const va = jp === j ? a.val[p++]! : 0;
      const vb = jq === j ? b.val[q++]! : 0;
      const v = va + mulRawSignedLocal(ratio, vb - va);
      if (v > 0) {
        out.col[w] = j;
        out.val[w++] = v;
      }
    }
    out.start[i + 1] = w;
  }
  return finishCsr(out);
}
