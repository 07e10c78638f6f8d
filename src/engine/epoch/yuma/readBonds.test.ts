import { describe, expect, it } from 'vitest';
import { fromInt, I32F32 } from '../../fixed/index.ts';
import type { SparseRow } from '../../state/types.ts';
import { readBonds } from './readBonds.ts';

describe('readBonds', () => {
  const bonds: SparseRow[] = [
    [
      [1, 65_535],
      [2, 32_768],
    ],
    [[2, 1]],
    [[0, 9]],
  ];

  it('reads u16 integers for original Yuma and proportions for Yuma 3; rows past n are ignored', () => {
    const base = { bonds, n: 2, lastTempo: 5, blockAtRegistration: [0, 0, 0] };
    expect(readBonds({ ...base, asProportion: false })).toEqual([
      [
        [1, fromInt(I32F32, 65_535)],
        [2, fromInt(I32F32, 32_768)],
      ],
      [[2, fromInt(I32F32, 1)]],
    ]);
    expect(readBonds({ ...base, asProportion: true })).toEqual([
      [
        [1, I32F32.one],
        [2, (32_768n << 32n) / 65_535n],
      ],
      [[2, (1n << 32n) / 65_535n]],
    ]);
  });

  it('drops bonds towards UIDs registered at or after the last epoch', () => {
    const got = readBonds({ bonds, n: 3, asProportion: false, lastTempo: 5, blockAtRegistration: [5, 4, 6] });
    expect(got).toEqual([[[1, fromInt(I32F32, 65_535)]], [], []]);
  });
});
