/**
 * Compressed sparse rows over typed arrays: the one matrix shape of the fast epoch. A dense row is a
 * row that lists every column, so one layout serves dense and sparse weights without per-cell objects.
 */

/**
 * A matrix in compressed rows: row i holds entries `rowStart[i] .. rowStart[i + 1] - 1` of `col` and
 * `value`, columns ascending without duplicates. `col` and `value` may be longer than the entry count
 * (`rowStart[rows]`), so a buffer can be reused across epochs.
 */
export interface CsrMatrix {
  readonly rows: number;
  /** Entry offsets, length at least `rows + 1`. */
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  readonly value: Float64Array;
}

/** Marks an entry dropped by a step (clipping, bonds penalty) while keeping the row structure. */
export const ABSENT = -1;

/** An empty matrix of `rows` rows with room for `capacity` entries. */
export function createCsrMatrix(rows: number, capacity: number): CsrMatrix {
  return {
    rows,
    rowStart: new Int32Array(rows + 1),
    col: new Int32Array(Math.max(1, capacity)),
    value: new Float64Array(Math.max(1, capacity)),
  };
}

/** Number of stored entries. */
export function csrEntryCount(m: CsrMatrix): number {
  return m.rowStart[m.rows] ?? 0;
}

/**
 * A CSR matrix from `[column, value]` rows (e.g. the chain's u16 weight or bond rows); `rows` rows
 * (default: as many as given; missing rows are empty). Entries must be in ascending column order.
 */
export function csrFromRows(
  list: readonly (readonly (readonly [number, number])[])[],
  rows: number = list.length,
): CsrMatrix {
  let count = 0;
  for (let i = 0; i < rows; i++) count += list[i]?.length ?? 0;
  const m = createCsrMatrix(rows, count);
  let e = 0;
  for (let i = 0; i < rows; i++) {
    m.rowStart[i] = e;
    for (const [j, v] of list[i] ?? []) {
      m.col[e] = j;
      m.value[e] = v;
      e++;
    }
  }
  m.rowStart[rows] = e;
  return m;
}

/** Inputs of {@link csrFromDense}. */
export interface CsrFromDenseInput {
  /** Row-major values, `rows * cols` long. */
  readonly values: Float64Array;
  readonly rows: number;
  readonly cols: number;
  /** Keep explicit zero cells as entries (the chain stores explicit zero weights); default false. */
  readonly keepZeros?: boolean;
}

/** A CSR matrix from a dense row-major block (zero cells dropped unless `keepZeros`). */
export function csrFromDense({ values, rows, cols, keepZeros = false }: CsrFromDenseInput): CsrMatrix {
  let count = 0;
  for (let k = 0; k < rows * cols; k++) if (keepZeros || values[k] !== 0) count++;
  const m = createCsrMatrix(rows, count);
  let e = 0;
  for (let i = 0; i < rows; i++) {
    m.rowStart[i] = e;
    for (let j = 0; j < cols; j++) {
      const v = values[i * cols + j] ?? 0;
      if (!keepZeros && v === 0) continue;
      m.col[e] = j;
      m.value[e] = v;
      e++;
    }
  }
  m.rowStart[rows] = e;
  return m;
}

/** The rows of a CSR matrix as `[column, value]` pairs (for adapters and tests; allocates). */
export function csrToRows(m: CsrMatrix): [number, number][][] {
  const out: [number, number][][] = [];
  for (let i = 0; i < m.rows; i++) {
    const row: [number, number][] = [];
    const end = m.rowStart[i + 1] ?? 0;
    for (let e = m.rowStart[i] ?? 0; e < end; e++) row.push([m.col[e] ?? 0, m.value[e] ?? 0]);
    out.push(row);
  }
  return out;
}
