import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromInt, I32F32 } from '../../fixed/index.ts';
import {
  maskCols,
  maskDiag,
  maskDiagExceptIndex,
  maskDiagSparse,
  maskDiagSparseExceptIndex,
  maskMatrix,
  maskRows,
  maskRowsSparse,
  maskVector,
  scalarVecMaskSparseMatrix,
  vecMaskSparseMatrix,
} from './mask.ts';
import { toDense, toSparse } from './sparse.ts';

const ints = (xs: readonly number[]) => xs.map((x) => fromInt(I32F32, x));
const grid = () => [ints([1, 2, 3]), ints([4, 5, 6]), ints([7, 8, 9])];

describe('dense masks', () => {
  it('mask entries, rows and columns (true = masked out)', () => {
    expect(maskVector([false, true, false], ints([0, 1, 2]))).toEqual(ints([0, 0, 2]));
    expect(maskVector([], ints([1, 2]))).toEqual(ints([1, 2]));
    // A missing mask entry masks out.
    expect(maskVector([false], ints([1, 2]))).toEqual(ints([1, 0]));
    const diagonal = [
      [true, false, false],
      [false, true, false],
      [false, false, true],
    ];
    expect(maskMatrix(diagonal, grid())).toEqual([ints([0, 2, 3]), ints([4, 0, 6]), ints([7, 8, 0])]);
    expect(maskRows([true, false, true], grid())).toEqual([
      ints([0, 0, 0]),
      ints([4, 5, 6]),
      ints([0, 0, 0]),
    ]);
    expect(maskCols([false, true, false], grid())).toEqual([
      ints([1, 0, 3]),
      ints([4, 0, 6]),
      ints([7, 0, 9]),
    ]);
  });

  it('mask the diagonal, optionally keeping one cell (the owner self-weight)', () => {
    expect(maskDiag(grid())).toEqual([ints([0, 2, 3]), ints([4, 0, 6]), ints([7, 8, 0])]);
    for (let k = 0; k < 3; k++) {
      const got = maskDiagExceptIndex(grid(), k);
      const want = maskDiag(grid());
      want[k]![k] = grid()[k]![k]!;
      expect(got).toEqual(want);
    }
    // Not square: unchanged.
    expect(maskDiag([ints([1, 2])])).toEqual([ints([1, 2])]);
  });

  it('never mutates the input', () => {
    const m = grid();
    maskDiag(m);
    maskRows([true, true, true], m);
    expect(m).toEqual(grid());
  });
});

describe('sparse masks', () => {
  it('agree with the dense diagonal masks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.nat(7), (n, k) => {
        const m = Array.from({ length: n }, (_, i) =>
          ints(Array.from({ length: n }, (_, j) => i * n + j + 1)),
        );
        expect(toDense(maskDiagSparse(toSparse(m)), n)).toEqual(maskDiag(m));
        expect(toDense(maskDiagSparseExceptIndex(toSparse(m), k), n)).toEqual(maskDiagExceptIndex(m, k));
      }),
    );
  });

  it('empty masked rows and drop entries by row/column values', () => {
    const m = toSparse(grid());
    expect(maskRowsSparse([false, true, false], m)).toEqual([m[0], [], m[2]]);
    // Outdated weights: drop w_ij when LastUpdate_i <= BlockAtRegistration_j.
    const lastUpdate = [10, 5, 20];
    const registeredAt = [0, 7, 15];
    const kept = vecMaskSparseMatrix({
      matrix: m,
      rowValues: lastUpdate,
      colValues: registeredAt,
      maskFn: (updated, registered) => updated <= registered,
    });
    expect(kept.map((row) => row.map(([j]) => j))).toEqual([[0, 1], [0], [0, 1, 2]]);
    const bonds = scalarVecMaskSparseMatrix({
      matrix: m,
      scalar: 7,
      colValues: registeredAt,
      maskFn: (lastTempo, registered) => lastTempo <= registered,
    });
    expect(bonds.map((row) => row.map(([j]) => j))).toEqual([[0], [0], [0]]);
  });
});
