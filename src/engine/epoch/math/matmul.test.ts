import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, fromF64, fromInt, I32F32, mul } from '../../fixed/index.ts';
import {
  matmul,
  matmulSparse,
  matmulTranspose,
  matmulTransposeSparse,
  matVecMul,
  matVecMulSparse,
  rowHadamard,
  rowHadamardSparse,
  rowSum,
  rowSumSparse,
  vecdiv,
  vecMul,
} from './matmul.ts';
import { toDense, toSparse } from './sparse.ts';

const fx = (x: number) => fromF64(I32F32, x);
const ints = (xs: readonly number[]) => xs.map((x) => fromInt(I32F32, x));
const cell = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 10n << 32n })) as fc.Arbitrary<I32F32>;
const shaped = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([r, c]) =>
    fc.tuple(
      fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
      fc.array(cell, { minLength: r, maxLength: r }),
      fc.array(cell, { minLength: c, maxLength: c }),
    ),
  );

describe('matmul family', () => {
  it('weights rows by the vector: result_j = sum_i s_i W_ij', () => {
    const w = [ints([1, 2, 3]), ints([1, 2, 3]), ints([1, 2, 3])];
    expect(matmul(w, ints([2, 2, 2]))).toEqual(ints([6, 12, 18]));
    expect(matmulTranspose(w, ints([1, 1, 1]))).toEqual(ints([6, 6, 6]));
    expect(matmul([], [])).toEqual([]);
    expect(matmul([[]], [])).toEqual([]);
  });

  it('floors each product before the saturating sum', () => {
    const tiny = 1n as I32F32;
    // Each product 2^-32 * 0.5 floors to 0, so the sum stays 0.
    expect(matmul([[tiny], [tiny]], [fx(0.5), fx(0.5)])).toEqual([0n]);
    expect(matmul([[I32F32.max], [I32F32.max]], [I32F32.one, I32F32.one])).toEqual([I32F32.max]);
  });

  it('sparse twins agree with the dense forms', () => {
    fc.assert(
      fc.property(shaped, ([m, rowVec, colVec]) => {
        const cols = m[0]?.length ?? 0;
        const sm = toSparse(m);
        expect(matmulSparse({ matrix: sm, vector: rowVec, columns: cols })).toEqual(matmul(m, rowVec));
        expect(matmulTransposeSparse(sm, colVec)).toEqual(matmulTranspose(m, colVec));
        expect(rowSumSparse(sm)).toEqual(rowSum(m));
        expect(toDense(rowHadamardSparse(sm, rowVec), cols)).toEqual(rowHadamard(m, rowVec));
        expect(toDense(matVecMulSparse(sm, colVec), cols)).toEqual(matVecMul(m, colVec));
      }),
    );
  });

  it('matches a plain reference sum of floored products', () => {
    fc.assert(
      fc.property(shaped, ([m, rowVec]) => {
        const want = (m[0] ?? []).map((_, j) =>
          m.reduce<I32F32>((acc, row, i) => add(I32F32, acc, mul(I32F32, rowVec[i]!, row[j]!)), 0n as I32F32),
        );
        expect(matmul(m, rowVec)).toEqual(want);
      }),
    );
  });
});

describe('element-wise products and quotients', () => {
  it('vecMul gives 0 on overflow and stops at the shorter vector', () => {
    expect(vecMul(ints([2, 3, 4]), ints([5, 6]))).toEqual(ints([10, 18]));
    expect(vecMul([I32F32.max], ints([2]))).toEqual([0n]);
  });

  it('vecdiv truncates and gives 0 on a zero or missing divisor', () => {
    expect(vecdiv(ints([1, 1, 1]), [fromInt(I32F32, 3), 0n as I32F32])).toEqual([(1n << 32n) / 3n, 0n, 0n]);
  });

  it('rowHadamard stops when the vector runs out; matVecMulSparse drops zero products', () => {
    expect(rowHadamard([ints([1, 2]), ints([3, 4])], ints([2]))).toEqual([ints([2, 4])]);
    expect(rowHadamard([[]], [])).toEqual([[]]);
    expect(
      matVecMulSparse(
        [
          [
            [0, fx(1)],
            [1, fx(1)],
            [5, fx(1)],
          ],
        ],
        [0n as I32F32, fx(2)],
      ),
    ).toEqual([[[1, fx(2)]]]);
    expect(rowSum([[]])).toEqual([]);
  });
});
