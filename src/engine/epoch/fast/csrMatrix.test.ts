import { describe, expect, it } from 'vitest';
import { createCsrMatrix, csrEntryCount, csrFromDense, csrFromRows, csrToRows } from './csrMatrix.ts';

describe('csrMatrix', () => {
  it('round-trips [column, value] rows, padding missing rows', () => {
    const rows = [
      [[1, 5]],
      [],
      [
        [0, 1],
        [2, 0],
      ],
    ] as const;
    const m = csrFromRows(rows, 4);
    expect(m.rows).toBe(4);
    expect(csrEntryCount(m)).toBe(3);
    expect(csrToRows(m)).toEqual([
      [[1, 5]],
      [],
      [
        [0, 1],
        [2, 0],
      ],
      [],
    ]);
  });

  it('builds from a dense block, dropping zeros unless asked to keep them', () => {
    const values = Float64Array.from([0, 2, 3, 0]);
    expect(csrToRows(csrFromDense({ values, rows: 2, cols: 2 }))).toEqual([[[1, 2]], [[0, 3]]]);
    expect(csrToRows(csrFromDense({ values, rows: 2, cols: 2, keepZeros: true }))).toEqual([
      [
        [0, 0],
        [1, 2],
      ],
      [
        [0, 3],
        [1, 0],
      ],
    ]);
  });

  it('creates empty buffers with room to spare', () => {
    const m = createCsrMatrix(3, 10);
    expect(csrEntryCount(m)).toBe(0);
    expect(m.col.length).toBe(10);
    expect(csrToRows(m)).toEqual([[], [], []]);
  });
});
