/**
 * Shapes of the epoch's I32F32 vectors and matrices (spec §7). Rows are validators (i), columns are
 * miners (j). A sparse row lists `[column, value]` pairs; a missing column counts as 0.
 */
import type { I32F32 } from '../fixed/index.testkit.ts';

/** A vector of I32F32 raw bits. */
export type Vec32 = readonly I32F32[];

/** A dense matrix of I32F32 raw bits, as rows. */
export type Mat32 = readonly (readonly I32F32[])[];

/** One sparse entry: column index (u16) and I32F32 raw bits. */
export type SparseEntry32 = readonly [col: number, value: I32F32];

/** A sparse row: entries in the order the chain keeps them (ascending column when built by it). */
export type SparseRow32 = readonly SparseEntry32[];

/** A sparse matrix, as rows. */
export type SparseMat32 = readonly SparseRow32[];
