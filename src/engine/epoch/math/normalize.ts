/**
 * Sums and normalisations of epoch/math.rs (spec §7.2-§7.6). Quotients are `safe_div` (truncating,
 * 0 on a zero divisor or overflow); sums use the plain `+` of `Iterator::sum` (wrapping) except the
 * column sums, which the chain accumulates with `saturating_add`.
 */
import { add, convert, I32F32, I64F64, safeDiv, wrap } from '../../fixed/index.ts';
import { divRaw } from '../../fixed/rawF64.ts';
import { type CsrMat32, withValues } from './csr.ts';
import type { Mat32, SparseEntry32, SparseMat32, Vec32 } from './types.ts';

// A local copy: an imported binding costs a check on every read in the hot loops.
const divRawLocal = divRaw;

const ZERO = 0n as I32F32;

/** Wrapping sum of raw bits: wrapping each step equals wrapping once at the end, which is cheaper. */
function wrappingSum(x: readonly bigint[]): bigint {
  let total = 0n;
  for (const v of x) total += v;
  return total;
}

/** `sum`: plain I32F32 sum (wraps on overflow, like `Iterator::sum` in the release runtime). */
export function sum(x: Vec32): I32F32 {
  return wrap(I32F32, wrappingSum(x));
}

/** `is_zero`: true when the vector's sum is exactly 0 (so an all-zero vector, but also [1, -1]). */
export function isZero(x: Vec32): boolean {
  return sum(x) === 0n;
}

/** `normalize`: each entry `safe_div` the sum (truncating); a zero-sum vector is returned unchanged. */
export function normalize(x: Vec32): I32F32[] {
  return normalizeUsingSum(x, sum(x));
}

/** `inplace_normalize_using_sum`: each entry `safe_div` the given sum; unchanged when the sum is 0. */
export function normalizeUsingSum(x: Vec32, xSum: I32F32): I32F32[] {
  if (xSum === 0n) return [...x];
  return x.map((v) => safeDiv(I32F32, v, xSum));
}

/** `inplace_normalize_64`: I64F64 normalisation (truncating); a zero-sum vector is returned unchanged. */
export function normalizeI64(x: readonly I64F64[]): I64F64[] {
  const total = wrap(I64F64, wrappingSum(x));
  if (total === 0n) return [...x];
  return x.map((v) => safeDiv(I64F64, v, total));
}

/**
 * Epoch stake (spec §7.2): normalise in I64F64, then narrow each share to I32F32 (floor, saturating).
 * Shares below 2^-32 become 0.
 */
export function normalizeStake(stake: readonly I64F64[]): I32F32[] {
  return normalizeI64(stake).map((v) => convert(I64F64, I32F32, v));
}

/** `inplace_row_normalize`: rows with a positive sum are divided by it (truncating); others unchanged. */
export function rowNormalize(m: Mat32): I32F32[][] {
  return m.map((row) => {
    const total = sum(row);
    return total > 0n ? row.map((v) => safeDiv(I32F32, v, total)) : [...row];
  });
}

/** `inplace_row_normalize_sparse`: sparse rows with a positive sum are divided by it (truncating). */
export function rowNormalizeSparse(m: SparseMat32): SparseEntry32[][] {
  return m.map((row) => {
    const total = sum(row.map(([, v]) => v));
    return total > 0n ? row.map(([j, v]) => [j, safeDiv(I32F32, v, total)] as const) : [...row];
  });
}

/** `inplace_row_normalize_64`: I64F64 rows with a positive sum are divided by it (truncating). */
export function rowNormalizeI64(m: readonly (readonly I64F64[])[]): I64F64[][] {
  return m.map((row) => {
    const total = wrap(I64F64, wrappingSum(row));
    return total > 0n ? row.map((v) => safeDiv(I64F64, v, total)) : [...row];
  });
}

/**
 * `inplace_col_normalize`: each column divided by its saturating sum (truncating); zero-sum columns and
 * ragged rows' missing cells are left alone.
 */
export function colNormalize(m: Mat32): I32F32[][] {
  const sums: I32F32[] = [];
  for (const row of m) {
    row.forEach((v, j) => {
      sums[j] = add(I32F32, sums[j] ?? ZERO, v);
    });
  }
  return m.map((row) =>
    row.map((v, j) => {
      const s = sums[j] ?? ZERO;
      return s === 0n ? v : safeDiv(I32F32, v, s);
    }),
  );
}

/**
 * `inplace_col_normalize_sparse`: each entry divided by its column's saturating sum (truncating);
 * entries of zero-sum columns, and of columns >= `columns`, are left alone.
 */
export function colNormalizeSparse(m: SparseMat32, columns: number): SparseEntry32[][] {
  const sums: I32F32[] = new Array<I32F32>(columns).fill(ZERO);
  for (const row of m) {
    for (const [j, v] of row) {
      if (j < columns) sums[j] = add(I32F32, sums[j] ?? ZERO, v);
    }
  }
  return m.map((row) =>
    row.map(([j, v]) => {
      const s = sums[j] ?? ZERO;
      return [j, s === 0n ? v : safeDiv(I32F32, v, s)] as const;
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Typed twins on raw float64 bits (csr.ts). Entries lie in [0, 2^32] and there are fewer than 2^20 of
// them, so every sum is an exact integer below 2^52: no wrap and no saturation can occur, and the
// twins return the same bits as the bigint functions above.

/** Plain sum of raw values (exact under the bounds above). */
export function sumRaw(x: Float64Array): number {
  let total = 0;
  for (let i = 0; i < x.length; i++) total += x[i]!;
  return total;
}

/** {@link normalizeUsingSum} on raw values: each entry `safe_div` the sum; a copy when the sum is 0. */
export function normalizeUsingSumRaw(x: Float64Array, xSum: number): Float64Array {
  if (xSum === 0) return x.slice();
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = divRawLocal(x[i]!, xSum);
  return out;
}

/** {@link normalize} on raw values. */
export function normalizeRaw(x: Float64Array): Float64Array {
  return normalizeUsingSumRaw(x, sumRaw(x));
}

/** {@link colNormalizeSparse} on a {@link CsrMat32}: each entry over its column's sum (truncating). */
export function colNormalizeCsr(m: CsrMat32, columns: number): CsrMat32 {
  const { col, val } = m;
  const sums = new Float64Array(columns);
  for (let k = 0; k < col.length; k++) {
    const j = col[k]!;
    if (j < columns) sums[j] = sums[j]! + val[k]!;
  }
  const out = new Float64Array(val.length);
  for (let k = 0; k < col.length; k++) {
    const j = col[k]!;
    const s = j < columns ? sums[j]! : 0;
    out[k] = s === 0 ? val[k]! : divRawLocal(val[k]!, s);
  }
  return withValues(m, out);
}
