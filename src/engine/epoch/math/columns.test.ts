import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromF64, I32F32 } from '../../fixed/index.ts';
import { colClip, colClipSparse, colMaxUpscale, colMaxUpscaleSparse } from './columns.ts';
import { toDense, toSparse } from './sparse.ts';

const fx = (x: number) => fromF64(I32F32, x);
const mat = (rows: readonly (readonly number[])[]) => rows.map((r) => r.map(fx));
const cell = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 100n << 32n })) as fc.Arbitrary<I32F32>;
const matrix = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([r, c]) =>
    fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
  );

describe('colClip', () => {
  const m = mat([
    [0, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
    [10, 11, 12],
  ]);
  const th = [0, 5, 12].map(fx);
  const clipped = mat([
    [0, 2, 3],
    [0, 5, 6],
    [0, 5, 9],
    [0, 5, 12],
  ]);

  it('caps each cell at its column threshold', () => {
    expect(colClip(m, th)).toEqual(clipped);
  });

  it('sparse: drops entries whose threshold is <= 0 instead of storing 0', () => {
    const got = colClipSparse(toSparse(m), th);
    expect(got).toEqual(toSparse(clipped));
    expect(got[1]?.some(([j]) => j === 0)).toBe(false);
    expect(colClipSparse([[[5, fx(1)]]], th)).toEqual([[]]);
  });

  it('sparse and dense agree for non-negative matrices and thresholds', () => {
    fc.assert(
      fc.property(matrix, fc.array(cell, { minLength: 6, maxLength: 6 }), (x, t) => {
        const cols = x[0]?.length ?? 0;
        expect(toDense(colClipSparse(toSparse(x), t), cols)).toEqual(colClip(x, t));
      }),
    );
  });
});

describe('colMaxUpscale', () => {
  it('divides each column by its maximum (truncating), zero columns unchanged', () => {
    const m = mat([
      [0, 0, 0, 1],
      [1, 10, 0, 1],
      [2, 100, 0, 1],
      [3, 1000, 0, 1],
      [4, 10000, 0, 1],
    ]);
    const y = colMaxUpscale(m);
    expect(y.map((r) => r[0])).toEqual([0n, fx(0.25), fx(0.5), fx(0.75), I32F32.one]);
    expect(y.map((r) => r[1])).toEqual([0n, 1n, 10n, 100n, 1000n].map((k) => (k << 32n) / 1000n));
    expect(y.map((r) => r[2])).toEqual([0n, 0n, 0n, 0n, 0n]);
    expect(y.map((r) => r[3])).toEqual(m.map(() => I32F32.one));
  });

  it('sparse and dense agree, and every non-empty column peaks at exactly 1', () => {
    fc.assert(
      fc.property(matrix, (x) => {
        const cols = x[0]?.length ?? 0;
        const dense = colMaxUpscale(x);
        expect(toDense(colMaxUpscaleSparse(toSparse(x), cols), cols)).toEqual(dense);
        for (let j = 0; j < cols; j++) {
          const column = dense.map((r) => r[j] ?? 0n);
          if (x.some((r) => (r[j] ?? 0n) > 0n)) expect(column).toContain(I32F32.one);
        }
      }),
    );
  });
});
