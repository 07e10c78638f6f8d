/**
 * Products and row sums of epoch/math.rs (ranks, trust, bond values; spec §7.5-§7.6). Products floor
 * (saturating), accumulations saturate, except the row sums, which use `Iterator::sum` (wrapping).
 */
import { add, checkedMul, I32F32, mul, safeDiv } from '../../fixed/index.ts';
import { mulRaw } from '../../fixed/rawF64.ts';
import { type CsrMat32, withValues } from './csr.ts';
import { sum } from './normalize.ts';
import type { Mat32, SparseEntry32, SparseMat32, Vec32 } from './types.ts';

const ZERO = 0n as I32F32;
// A local copy: an imported binding costs a check on every read in the hot loops.
const mulRawLocal = mulRaw;

/**
 * `matmul`: `result_j = sum_i vector_i * matrix_ij` over the first row's width; rows beyond the vector
 * count with scale 0.
 */
export function matmul(matrix: Mat32, vector: Vec32): I32F32[] {
  const cols = matrix[0]?.length ?? 0;
  const acc: I32F32[] = new Array<I32F32>(cols).fill(ZERO);
  matrix.forEach((row, i) => {
    const scale = vector[i] ?? ZERO;
    for (let j = 0; j < Math.min(cols, row.length); j++) {
      acc[j] = add(I32F32, acc[j] ?? ZERO, mul(I32F32, scale, row[j] ?? ZERO));
    }
  });
  return acc;
}

/** `matmul_transpose`: `result_i = sum_j vector_j * matrix_ij` (pairs up to the shorter length). */
export function matmulTranspose(matrix: Mat32, vector: Vec32): I32F32[] {
  if ((matrix[0]?.length ?? 0) === 0) return [];
  return matrix.map((row) => {
    let acc = ZERO;
    for (let j = 0; j < Math.min(row.length, vector.length); j++) {
      acc = add(I32F32, acc, mul(I32F32, row[j] ?? ZERO, vector[j] ?? ZERO));
    }
    return acc;
  });
}

/** Inputs of {@link matmulSparse}. */
export interface MatmulSparseInput {
  readonly matrix: SparseMat32;
  readonly vector: Vec32;
  /** Width of the result; entries at columns >= this are ignored. */
  readonly columns: number;
}

/** `matmul_sparse`: `result_j = sum_i vector_i * matrix_ij` for a sparse matrix. */
export function matmulSparse(input: MatmulSparseInput): I32F32[] {
  const { matrix, vector, columns } = input;
  const acc: I32F32[] = new Array<I32F32>(columns).fill(ZERO);
  matrix.forEach((row, i) => {
    const scale = vector[i] ?? ZERO;
    for (const [j, v] of row) {
      const cur = acc[j];
      if (cur !== undefined) acc[j] = add(I32F32, cur, mul(I32F32, scale, v));
    }
  });
  return acc;
}

/** `matmul_transpose_sparse`: `result_i = sum_j vector_j * matrix_ij` (a missing vector entry is 0). */
export function matmulTransposeSparse(matrix: SparseMat32, vector: Vec32): I32F32[] {
  return matrix.map((row) =>
    row.reduce<I32F32>((acc, [j, v]) => add(I32F32, acc, mul(I32F32, vector[j] ?? ZERO, v)), ZERO),
  );
}

/** `row_sum`: the (wrapping) sum of each row; `[]` when the first row is empty. */
export function rowSum(m: Mat32): I32F32[] {
  if (m[0] !== undefined && m[0].length === 0) return [];
  return m.map(sum);
}

/** `row_sum_sparse`: the (wrapping) sum of each sparse row. */
export function rowSumSparse(m: SparseMat32): I32F32[] {
  return m.map((row) => sum(row.map(([, v]) => v)));
}

/** `row_hadamard`: row i scaled by `vector_i` (floor, saturating); stops when the vector runs out. */
export function rowHadamard(matrix: Mat32, vector: Vec32): I32F32[][] {
  if ((matrix[0]?.length ?? 0) === 0) return [[]];
  return matrix.slice(0, vector.length).map((row, i) => {
    const scale = vector[i] ?? ZERO;
    return row.map((v) => mul(I32F32, scale, v));
  });
}

/** `row_hadamard_sparse`: sparse row i scaled by `vector_i`; stops when the vector runs out. */
export function rowHadamardSparse(matrix: SparseMat32, vector: Vec32): SparseEntry32[][] {
  return matrix.slice(0, vector.length).map((row, i) => {
    const scale = vector[i] ?? ZERO;
    return row.map(([j, v]) => [j, mul(I32F32, v, scale)] as const);
  });
}

/** `vec_mul`: element-wise product (floor), 0 where it overflows; the shorter length wins. */
export function vecMul(a: Vec32, b: Vec32): I32F32[] {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).map((x, i) => checkedMul(I32F32, x, b[i] ?? ZERO) ?? ZERO);
}

/** `mat_vec_mul`: each row multiplied element-wise by `vector` ({@link vecMul}). */
export function matVecMul(matrix: Mat32, vector: Vec32): I32F32[][] {
  if ((matrix[0]?.length ?? 0) === 0) return [[]];
  return matrix.map((row) => vecMul(row, vector));
}

/**
 * `mat_vec_mul_sparse`: each entry times `vector_j` (floor, saturating); entries without a vector entry
 * or whose product is 0 are dropped.
 */
export function matVecMulSparse(matrix: SparseMat32, vector: Vec32): SparseEntry32[][] {
  return matrix.map((row) => {
    const out: SparseEntry32[] = [];
    for (const [j, v] of row) {
      const s = vector[j];
      if (s === undefined) continue;
      const p = mul(I32F32, v, s);
      if (p !== 0n) out.push([j, p]);
    }
    return out;
  });
}

/** `vecdiv`: `x_i / y_i` (`safe_div`: truncating, 0 on a zero or missing divisor or overflow). */
export function vecdiv(x: Vec32, y: Vec32): I32F32[] {
  return x.map((v, i) => safeDiv(I32F32, v, y[i] ?? ZERO));
}

// ---------------------------------------------------------------------------------------------------
// Typed twins on raw float64 bits (csr.ts). Factors lie in [0, 2^32], so each product is `mulRaw`
// (the same floor) and no product overflows; fewer than 2^20 terms of at most 2^32 keep every
// accumulation exact below 2^52, where saturating and wrapping sums agree with the plain sum.

/** {@link matmulSparse} on a {@link CsrMat32}: `result_j = sum_i vector_i * matrix_ij`. */
export function matmulCsr(m: CsrMat32, vector: Float64Array, columns: number): Float64Array {
  const { start, col, val } = m;
  const acc = new Float64Array(columns);
  for (let i = 0; i < m.rows; i++) {
    const scale = i < vector.length ? vector[i]! : 0;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const j = col[k]!;
      if (j < columns) acc[j] = acc[j]! + mulRawLocal(scale, val[k]!);
    }
  }
  return acc;
}

/**
 * {@link matmulTransposeSparse} on a {@link CsrMat32}: `result_i = sum_j vector_j * matrix_ij`. Also
 * `row_sum(mat_vec_mul_sparse(m, vector))`, which drops zero products (adding nothing) and wraps
 * instead of saturating (neither happens in range).
 */
export function matmulTransposeCsr(m: CsrMat32, vector: Float64Array): Float64Array {
  const { start, col, val } = m;
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let acc = 0;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const j = col[k]!;
      if (j < vector.length) acc += mulRawLocal(vector[j]!, val[k]!);
    }
    out[i] = acc;
  }
  return out;
}

/** {@link rowSumSparse} on a {@link CsrMat32}. */
export function rowSumCsr(m: CsrMat32): Float64Array {
  const { start, val } = m;
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let acc = 0;
    for (let k = start[i]!; k < start[i + 1]!; k++) acc += val[k]!;
    out[i] = acc;
  }
  return out;
}

/** {@link rowHadamardSparse} on a {@link CsrMat32} with one scale per row (rows and vector equally long). */
export function rowHadamardCsr(m: CsrMat32, vector: Float64Array): CsrMat32 {
  const { start, val } = m;
  const out = new Float64Array(val.length);
  for (let i = 0; i < m.rows; i++) {
    const scale = vector[i]!;
    for (let k = start[i]!; k < start[i + 1]!; k++) out[k] = mulRawLocal(val[k]!, scale);
  }
  return withValues(m, out);
}

/** {@link vecMul} on raw values (no product of two values in [0, 2^32] overflows). */
export function vecMulRaw(a: Float64Array, b: Float64Array): Float64Array {
  const n = Math.min(a.length, b.length);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = mulRawLocal(a[i]!, b[i]!);
  return out;
}
