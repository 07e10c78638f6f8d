import { describe, expect, it } from 'vitest';
import { fromInt, I32F32 } from '../../fixed/index.ts';
import type { SparseRow } from '../../state/types.ts';
import { epochWeights, readWeights } from './weights.ts';

const ONE = I32F32.one;
const HALF = (ONE >> 1n) as I32F32;

describe('epoch weights', () => {
  it('reads stored u16 values as I32F32 integers and ignores UIDs >= n', () => {
    expect(
      readWeights(
        [
          [
            [1, 7],
            [5, 9],
          ],
          [],
          [[0, 1]],
        ],
        2,
      ),
    ).toEqual([[[1, fromInt(I32F32, 7)]], []]);
  });

  const base = {
    n: 3,
    permits: [true, true, true],
    ownerUid: null,
    lastUpdate: [10, 10, 10],
    blockAtRegistration: [0, 0, 0],
  };

  it('row-normalises, keeping explicit zeros', () => {
    const w = epochWeights({
      ...base,
      weights: [
        [
          [1, 65_535],
          [2, 0],
        ],
        [
          [0, 1],
          [2, 1],
        ],
        [],
      ],
    });
    expect(w).toEqual([
      [
        [1, ONE],
        [2, 0n],
      ],
      [
        [0, HALF],
        [2, HALF],
      ],
      [],
    ]);
  });

  it('empties rows without a permit and drops self-weights except the owner UID', () => {
    const weights: SparseRow[] = [
      [
        [0, 5],
        [1, 5],
      ],
      [[1, 5]],
      [
        [2, 5],
        [0, 5],
      ],
    ];
    expect(epochWeights({ ...base, weights, permits: [true, false, true] })).toEqual([
      [[1, ONE]],
      [],
      [[0, ONE]],
    ]);
    expect(epochWeights({ ...base, weights, ownerUid: 2 })).toEqual([
      [[1, ONE]],
      [],
      [
        [2, HALF],
        [0, HALF],
      ],
    ]);
  });

  it('drops weights set no later than the miner registered (and committed before it)', () => {
    const weights: SparseRow[] = [
      [
        [1, 5],
        [2, 5],
      ],
      [],
      [],
    ];
    expect(epochWeights({ ...base, weights, blockAtRegistration: [0, 10, 3] })).toEqual([[[2, ONE]], [], []]);
    expect(
      epochWeights({ ...base, weights, blockAtRegistration: [0, 4, 3], commitBlocks: [3, null, null] }),
    ).toEqual([[[2, ONE]], [], []]);
    expect(
      epochWeights({ ...base, weights, blockAtRegistration: [0, 4, 3], commitBlocks: [null, null, null] }),
    ).toEqual([
      [
        [1, HALF],
        [2, HALF],
      ],
      [],
      [],
    ]);
  });
});
