/**
 * Compressed sparse rows of I32F32 raw bits held as exact float64 integers: the layout of the epoch's
 * typed-array path. Row i's entries are `start[i] .. start[i + 1] - 1` of `col` and `val`, columns
 * (u16 UIDs) strictly ascending within a row (the order the chain keeps for stored rows). A few
 * allocations per matrix instead of a tuple and a bigint per cell.
 */
import type { I32F32 } from '../../fixed/index.ts';
import type { SparseEntry32, SparseMat32 } from './types.ts';

/** A sparse I32F32 matrix in compressed rows (values: raw bits as float64 integers). */
export interface CsrMat32 {
  readonly rows: number;
  /** Offsets of each row's entries, `rows + 1` of them. */
  readonly start: Int32Array;
  readonly col: Uint16Array;
  readonly val: Float64Array;
}

/** A matrix being filled row by row; {@link finishCsr} trims it to the entries written. */
export interface CsrBuilder {
  readonly rows: number;
  readonly start: Int32Array;
  readonly col: Uint16Array;
  readonly val: Float64Array;
}

/** Room for `rows` rows and at most `capacity` entries. */
export function csrBuilder(rows: number, capacity: number): CsrBuilder {
  return {
    rows,
    start: new Int32Array(rows + 1),
    col: new Uint16Array(capacity),
    val: new Float64Array(capacity),
  };
}

/** Number of distinct columns in each pair of rows (rows of `b` past its end count as empty). */
export function unionCount(a: CsrMat32, b: CsrMat32): number {
  let count = 0;
  for (let i = 0; i < a.rows; i++) {
    let p = a.start[i]!;
    const pEnd = a.start[i + 1]!;
    let q = i < b.rows ? b.start[i]! : 0;
    const qEnd = i < b.rows ? b.start[i + 1]! : 0;
    while (p < pEnd && q < qEnd) {
      const jp = a.col[p]!;
      const jq = b.col[q]!;
      if (jp <= jq) p++;
      if (jq <= jp) q++;
      count++;
    }
    count += pEnd - p + (qEnd - q);
  }
  return count;
}

/** The filled matrix: `start[rows]` entries (views on the builder's arrays, no copy). */
export function finishCsr(b: CsrBuilder): CsrMat32 {
  const nnz = b.start[b.rows]!;
  return { rows: b.rows, start: b.start, col: b.col.subarray(0, nnz), val: b.val.subarray(0, nnz) };
}

/** The same structure with other values (one per entry). */
export function withValues(m: CsrMat32, val: Float64Array): CsrMat32 {
  return { rows: m.rows, start: m.start, col: m.col, val };
}

/** Rows of `[column, raw bits]` with bigint values, as the bigint helpers and the trace hold them. */
export function csrToRows(m: CsrMat32): SparseEntry32[][] {
  const out: SparseEntry32[][] = [];
  for (let i = 0; i < m.rows; i++) {
    const row: SparseEntry32[] = [];
    for (let k = m.start[i]!; k < m.start[i + 1]!; k++) row.push([m.col[k]!, BigInt(m.val[k]!) as I32F32]);
    out.push(row);
  }
  return out;
}

/** From bigint rows (values must be exact in float64; columns are taken as given). */
export function csrFromRows(rows: SparseMat32): CsrMat32 {
  const b = csrBuilder(
    rows.length,
    rows.reduce((s, r) => s + r.length, 0),
  );
  let k = 0;
  rows.forEach((row, i) => {
    for (const [j, v] of row) {
      b.col[k] = j;
      b.val[k] = Number(v);
      k++;
    }
    b.start[i + 1] = k;
  });
  return finishCsr(b);
}

/** A raw vector as bigint I32F32 values. */
export function rawToBigint(v: Float64Array): I32F32[] {
  const out = new Array<I32F32>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = BigInt(v[i]!) as I32F32;
  return out;
}

/** A bigint vector as raw float64 values (each must be exact, |x| <= 2^53). */
export function bigintToRaw(v: readonly bigint[]): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = Number(v[i]!);
  return out;
}

/** Scratch storage shared by calls (see {@link scratchF64}); grows, never shrinks. */
let scratch = new Float64Array(0);

/**
 * A zero-filled Float64Array of `length` for temporaries that never outlive the call that asked for
 * it (the same memory is handed out again by the next call): large typed-array allocations cost far
 * more than filling reused memory.
 */
export function scratchF64(length: number): Float64Array {
  if (scratch.length < length) scratch = new Float64Array(Math.max(length, scratch.length * 2));
  const view = scratch.subarray(0, length);
  view.fill(0);
  return view;
}
