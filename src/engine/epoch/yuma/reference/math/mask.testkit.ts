/**
 * Masks of epoch/math.rs (activity, permits, self-weights, outdated weights; spec §7.1-§7.4). A mask
 * entry `true` masks the cell out (sets it to 0, or drops it from a sparse row); a missing mask entry
 * counts as `true`, as in the chain.
 */
import type { I32F32 } from '../fixed/index.testkit.ts';
import type { Mat32, SparseEntry32, SparseMat32, Vec32 } from './types.testkit.ts';

const ZERO = 0n as I32F32;

/** `inplace_mask_vector`: zero the entries whose mask is true; an empty mask leaves the vector alone. */
export function maskVector(mask: readonly boolean[], vector: Vec32): I32F32[] {
  if (mask.length === 0) return [...vector];
  return vector.map((v, i) => ((mask[i] ?? true) ? ZERO : v));
}

/** `inplace_mask_matrix`: zero the cells whose mask is true; an empty mask leaves the matrix alone. */
export function maskMatrix(mask: readonly (readonly boolean[])[], matrix: Mat32): I32F32[][] {
  if ((mask[0]?.length ?? 0) === 0) return matrix.map((row) => [...row]);
  return matrix.map((row, r) => row.map((v, c) => ((mask[r]?.[c] ?? true) ? ZERO : v)));
}

/** `inplace_mask_rows`: masked rows become zero rows as wide as the first row. */
export function maskRows(mask: readonly boolean[], matrix: Mat32): I32F32[][] {
  const cols = matrix[0]?.length ?? 0;
  return matrix.map((row, r) => ((mask[r] ?? true) ? new Array<I32F32>(cols).fill(ZERO) : [...row]));
}

/** `inplace_mask_cols`: zero the cells of masked columns. */
export function maskCols(mask: readonly boolean[], matrix: Mat32): I32F32[][] {
  return matrix.map((row) => row.map((v, c) => ((mask[c] ?? true) ? ZERO : v)));
}

/** `inplace_mask_diag`: zero the diagonal of a square matrix; any other shape is returned unchanged. */
export function maskDiag(matrix: Mat32): I32F32[][] {
  const width = matrix[0]?.length ?? 0;
  if (width === 0 || matrix.length !== width) return matrix.map((row) => [...row]);
  return matrix.map((row, i) => row.map((v, j) => (i === j ? ZERO : v)));
}

/** `inplace_mask_diag_except_index`: zero the diagonal except cell (k, k) (the owner's self-weight). */
export function maskDiagExceptIndex(matrix: Mat32, exceptIndex: number): I32F32[][] {
  const width = matrix[0]?.length ?? 0;
  if (width === 0 || matrix.length !== width) return matrix.map((row) => [...row]);
  return matrix.map((row, i) => row.map((v, j) => (i === j && i !== exceptIndex ? ZERO : v)));
}

/** `mask_rows_sparse`: masked rows become empty. */
export function maskRowsSparse(mask: readonly boolean[], matrix: SparseMat32): SparseEntry32[][] {
  return matrix.map((row, i) => ((mask[i] ?? true) ? [] : [...row]));
}

/** `mask_diag_sparse`: drop the diagonal entries. */
export function maskDiagSparse(matrix: SparseMat32): SparseEntry32[][] {
  return matrix.map((row, i) => row.filter(([j]) => j !== i));
}

/** `mask_diag_sparse_except_index`: drop the diagonal entries except (k, k). */
export function maskDiagSparseExceptIndex(matrix: SparseMat32, exceptIndex: number): SparseEntry32[][] {
  return matrix.map((row, i) => row.filter(([j]) => j !== i || i === exceptIndex));
}

/** Inputs of {@link vecMaskSparseMatrix}. */
export interface VecMaskSparseInput {
  readonly matrix: SparseMat32;
  /** One value per row (e.g. LastUpdate); a missing one counts as 0. */
  readonly rowValues: readonly number[];
  /** One value per column (e.g. BlockAtRegistration); a missing one counts as 0. */
  readonly colValues: readonly number[];
  /** Drops entry (i, j) when true. */
  readonly maskFn: (rowValue: number, colValue: number) => boolean;
}

/** `vec_mask_sparse_matrix`: drop the entries (i, j) for which `maskFn(rowValues_i, colValues_j)`. */
export function vecMaskSparseMatrix(input: VecMaskSparseInput): SparseEntry32[][] {
  const { matrix, rowValues, colValues, maskFn } = input;
  return matrix.map((row, i) => row.filter(([j]) => !maskFn(rowValues[i] ?? 0, colValues[j] ?? 0)));
}

/** Inputs of {@link scalarVecMaskSparseMatrix}. */
export interface ScalarVecMaskSparseInput {
  readonly matrix: SparseMat32;
  /** One value for every row (e.g. the last epoch's block). */
  readonly scalar: number;
  /** One value per column; a missing one counts as 0. */
  readonly colValues: readonly number[];
  /** Drops entry (i, j) when true. */
  readonly maskFn: (scalar: number, colValue: number) => boolean;
}

/** `scalar_vec_mask_sparse_matrix`: drop the entries (i, j) for which `maskFn(scalar, colValues_j)`. */
export function scalarVecMaskSparseMatrix(input: ScalarVecMaskSparseInput): SparseEntry32[][] {
  const { matrix, scalar, colValues, maskFn } = input;
  return matrix.map((row) => row.filter(([j]) => !maskFn(scalar, colValues[j] ?? 0)));
}
