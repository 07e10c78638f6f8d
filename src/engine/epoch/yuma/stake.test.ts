import { describe, expect, it } from 'vitest';
import { fromInt, I32F32, I64F64 } from '../../fixed/index.ts';
import { epochStake } from './stake.ts';

const stakes = (xs: readonly number[]) => xs.map((x) => fromInt(I64F64, x));

describe('epochStake', () => {
  it('normalises in I64F64 and narrows to I32F32 by flooring', () => {
    // 1/3 = 0x5555...; the narrowed bits are floor(2^32 / 3).
    const s = epochStake({ stake: stakes([1, 1, 1]), ownerUid: null, stakeThreshold: 0n });
    expect(s).toEqual([1431655765n, 1431655765n, 1431655765n]);
    expect(epochStake({ stake: stakes([1, 3]), ownerUid: null, stakeThreshold: 0n })).toEqual([
      1n << 30n,
      3n << 30n,
    ]);
  });

  it('zeroes stakes below the threshold, except the owner UID', () => {
    const s = epochStake({ stake: stakes([5, 10, 5]), ownerUid: 2, stakeThreshold: 6n });
    expect(s).toEqual([0n, 2863311530n, 1431655765n]);
  });

  it('compares the floored stake weight with the threshold', () => {
    const almostSix = (fromInt(I64F64, 6) - 1n) as I64F64;
    const s = epochStake({ stake: [almostSix, fromInt(I64F64, 6)], ownerUid: null, stakeThreshold: 6n });
    expect(s).toEqual([0n, I32F32.one]);
  });

  it('leaves an all-zero stake vector at zero', () => {
    expect(epochStake({ stake: stakes([0, 0]), ownerUid: null, stakeThreshold: 0n })).toEqual([0n, 0n]);
  });
});
