import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromF64, fromInt, I32F32, I64F64 } from '../../fixed/index.ts';
import {
  colNormalize,
  colNormalizeSparse,
  isZero,
  normalize,
  normalizeI64,
  normalizeStake,
  rowNormalize,
  rowNormalizeSparse,
  sum,
} from './normalize.ts';
import { toDense, toSparse } from './sparse.ts';

const fx = (x: number) => fromF64(I32F32, x);
/** Non-negative raw values up to 1000.0, biased towards small ones and zeros. */
const cell = fc.oneof(
  fc.constant(0n),
  fc.bigInt({ min: 0n, max: 1000n << 32n }),
  fc.bigInt({ min: 0n, max: 1n << 32n }),
) as fc.Arbitrary<I32F32>;
const matrix = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([r, c]) =>
    fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
  );

describe('sum', () => {
  it('wraps on overflow like the release runtime', () => {
    expect(sum([I32F32.max, 1n as I32F32])).toBe(I32F32.min);
    expect(sum([])).toBe(0n);
    expect(isZero([fx(1), fx(-1)])).toBe(true);
    expect(isZero([fx(1)])).toBe(false);
  });
});

describe('normalize', () => {
  it('divides by the sum, truncating, and does not clamp negatives', () => {
    expect(normalize([fx(1), fx(10), fx(30)])).toEqual([
      ((1n << 32n) << 32n) / (41n << 32n),
      ((10n << 32n) << 32n) / (41n << 32n),
      ((30n << 32n) << 32n) / (41n << 32n),
    ]);
    const y = normalize([fx(-1), fx(10), fx(30)]);
    expect(y[0]).toBeLessThan(0n);
  });

  it('returns a zero-sum vector unchanged, as a copy', () => {
    const x = [fx(0), fx(0)];
    const y = normalize(x);
    expect(y).toEqual(x);
    expect(y).not.toBe(x);
    expect(normalize([fx(1), fx(-1)])).toEqual([fx(1), fx(-1)]);
  });

  it('sums to 1 within n LSB (each share truncates) for non-negative input', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 40 }), (x) => {
        fc.pre(sum(x) > 0n);
        const total = sum(normalize(x));
        expect(total).toBeLessThanOrEqual(I32F32.one);
        expect(total).toBeGreaterThan(I32F32.one - BigInt(x.length) - 1n);
      }),
    );
  });
});

describe('stake normalisation (I64F64, narrowed to I32F32)', () => {
  it('floors shares below 2^-32 to zero', () => {
    const total = 21_000_000_000_000_000n;
    const stakes = [1n, 4_889_444n, 10_500_000_000_000_000n, total].map((s) => fromInt(I64F64, s));
    const shares = normalizeStake(stakes);
    const sumAll = 1n + 4_889_444n + 10_500_000_000_000_000n + total;
    expect(shares).toEqual(
      [1n, 4_889_444n, 10_500_000_000_000_000n, total].map((s) => ((s << 64n) / sumAll) >> 32n),
    );
    expect(shares[0]).toBe(0n);
  });

  it('leaves an all-zero stake vector at zero and keeps I64F64 precision before narrowing', () => {
    expect(normalizeStake([0n as I64F64, 0n as I64F64])).toEqual([0n, 0n]);
    expect(normalizeI64([fromInt(I64F64, 1), fromInt(I64F64, 3)])).toEqual([1n << 62n, 3n << 62n]);
  });
});

describe('row and column normalisation', () => {
  it('row-normalises only rows with a positive sum', () => {
    const m = [
      [fx(1), fx(3)],
      [fx(0), fx(0)],
      [fx(-1), fx(0)],
    ];
    expect(rowNormalize(m)).toEqual([[fx(0.25), fx(0.75)], m[1], m[2]]);
    expect(
      rowNormalizeSparse([
        [
          [0, fx(1)],
          [3, fx(3)],
        ],
        [],
      ]),
    ).toEqual([
      [
        [0, fx(0.25)],
        [3, fx(0.75)],
      ],
      [],
    ]);
  });

  it('column-normalises each column by its sum, zero columns unchanged', () => {
    const m = [
      [fx(0), fx(0), fx(0), fx(1)],
      [fx(1), fx(10), fx(0), fx(1)],
      [fx(2), fx(100), fx(0), fx(1)],
      [fx(3), fx(1000), fx(0), fx(1)],
      [fx(4), fx(10000), fx(0), fx(1)],
    ];
    const y = colNormalize(m);
    // k / 10 truncated, not the nearest I32F32 to 0.k.
    expect(y.map((r) => r[0])).toEqual([0n, 1n, 2n, 3n, 4n].map((k) => (k << 32n) / 10n));
    expect(y.map((r) => r[2])).toEqual([0n, 0n, 0n, 0n, 0n]);
    expect(y[0]?.[3]).toBe(fx(0.2));
  });

  it('sparse twins agree with the dense forms', () => {
    fc.assert(
      fc.property(matrix, (m) => {
        const cols = m[0]?.length ?? 0;
        expect(toDense(colNormalizeSparse(toSparse(m), cols), cols)).toEqual(colNormalize(m));
        expect(toDense(rowNormalizeSparse(toSparse(m)), cols)).toEqual(rowNormalize(m));
      }),
    );
  });

  it('column sums of a normalised matrix are 1 within n LSB', () => {
    fc.assert(
      fc.property(matrix, (m) => {
        const y = colNormalize(m);
        (m[0] ?? []).forEach((_, j) => {
          const before = sum(m.map((r) => r[j] ?? 0n) as I32F32[]);
          const after = sum(y.map((r) => r[j] ?? 0n) as I32F32[]);
          if (before === 0n) expect(after).toBe(0n);
          else expect(I32F32.one - after).toBeLessThanOrEqual(BigInt(m.length));
        });
      }),
    );
  });
});
