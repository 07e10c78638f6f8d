/** Conversions between dense and sparse I32F32 matrices (for callers and tests; not chain logic). */
import type { I32F32 } from '../fixed/index.testkit.ts';
import type { Mat32, SparseEntry32, SparseMat32 } from './types.testkit.ts';

/** Dense to sparse: keep the nonzero cells, in column order. */
export function toSparse(m: Mat32): SparseEntry32[][] {
  const out: SparseEntry32[][] = [];
  for (const row of m) {
    const entries: SparseEntry32[] = [];
    row.forEach((v, j) => {
      if (v !== 0n) entries.push([j, v]);
    });
    out.push(entries);
  }
  return out;
}

/** Sparse to dense with `columns` columns; missing cells are 0, entries beyond the width are dropped. */
export function toDense(m: SparseMat32, columns: number): I32F32[][] {
  return m.map((row) => {
    const dense = new Array<I32F32>(columns).fill(0n as I32F32);
    for (const [j, v] of row) if (j < columns) dense[j] = v;
    return dense;
  });
}
