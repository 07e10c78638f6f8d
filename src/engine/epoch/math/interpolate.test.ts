import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, fromF64, fromInt, I32F32, mul, sub } from '../../fixed/index.ts';
import { interpolate, interpolateSparse } from './interpolate.ts';
import { toDense, toSparse } from './sparse.ts';
import type { SparseMat32 } from './types.ts';

const fx = (x: number) => fromF64(I32F32, x);
const ints = (xs: readonly number[]) => xs.map((x) => fromInt(I32F32, x));
const cell = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 1n << 32n })) as fc.Arbitrary<I32F32>;

describe('interpolate (bonds penalty)', () => {
  const a = [ints([1, 10]), ints([100, 1000]), ints([10_000, 100_000])];
  const b = [ints([10, 100]), ints([1000, 10_000]), ints([100_000, 1_000_000])];

  it('returns copies of A at ratio 0 and B at ratio 1', () => {
    expect(interpolate({ a, b, ratio: 0n as I32F32 })).toEqual(a);
    expect(interpolate({ a, b, ratio: I32F32.one })).toEqual(b);
    expect(interpolate({ a, b, ratio: 0n as I32F32 })).not.toBe(a);
  });

  it('computes a + ratio * (b - a) with a floored product', () => {
    const got = interpolate({ a, b, ratio: fx(0.9) });
    expect(Number(got[2]![1]!) / 2 ** 32).toBeCloseTo(910_000, 3);
    expect(got[0]![0]).toBe(fx(1) + ((fx(0.9) * fx(9)) >> 32n));
    expect(interpolate({ a: [[]], b: [[]], ratio: fx(0.5) })).toEqual([[]]);
    // Rows past the end of B stay zero.
    expect(interpolate({ a, b: b.slice(0, 1), ratio: fx(0.5) })[1]).toEqual(ints([0, 0]));
  });

  it('sparse: interpolates every column, keeps only results > 0, falls back to B on shape mismatch', () => {
    const s = interpolateSparse({ a: [[]], b: [[[1, fx(1)]]], columns: 2, ratio: fx(0.5) });
    expect(s).toEqual([[[1, fx(0.5)]]]);
    const mismatch = interpolateSparse({ a: [[], []], b: [[[0, fx(1)]]], columns: 2, ratio: fx(0.5) });
    expect(mismatch).toEqual([[[0, fx(1)]]]);
  });

  it('sparse and dense agree for non-negative matrices', () => {
    const shaped = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
      .chain(([r, c]) => {
        const m = fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r });
        return fc.tuple(m, m);
      });
    fc.assert(
      fc.property(shaped, cell, ([x, y], ratio) => {
        const cols = x[0]?.length ?? 0;
        const sparse = interpolateSparse({ a: toSparse(x), b: toSparse(y), columns: cols, ratio });
        expect(toDense(sparse, cols)).toEqual(interpolate({ a: x, b: y, ratio }));
      }),
    );
  });

  it('sparse: unordered rows, repeated and out-of-range columns come out like a densified row', () => {
    // Reference: the chain densifies both rows (last entry per column wins) and walks every column.
    const reference = (a: SparseMat32, b: SparseMat32, columns: number, ratio: I32F32) =>
      a.map((row, i) => {
        const dense = (r: SparseMat32[number] | undefined) => {
          const d = new Array<I32F32>(columns).fill(0n as I32F32);
          for (const [j, v] of r ?? []) if (j < columns) d[j] = v;
          return d;
        };
        const da = dense(row);
        const db = dense(b[i]);
        return da.flatMap((x, j) => {
          const v = add(I32F32, x, mul(I32F32, ratio, sub(I32F32, db[j]!, x)));
          return v > 0n ? [[j, v] as const] : [];
        });
      });
    const entry = fc
      .tuple(fc.nat({ max: 7 }), fc.bigInt({ min: -(1n << 32n), max: 1n << 33n }))
      .map(([j, v]) => [j, v as I32F32] as const);
    const pair = fc
      .integer({ min: 1, max: 5 })
      .chain((r) =>
        fc.tuple(
          fc.array(fc.array(entry, { maxLength: 6 }), { minLength: r, maxLength: r }),
          fc.array(fc.array(entry, { maxLength: 6 }), { minLength: r, maxLength: r }),
        ),
      );
    fc.assert(
      fc.property(pair, fc.integer({ min: 1, max: 6 }), cell, ([a, b], columns, ratio) => {
        fc.pre(ratio !== 0n && ratio !== I32F32.one);
        expect(interpolateSparse({ a, b, columns, ratio })).toEqual(reference(a, b, columns, ratio));
      }),
    );
  });
});
