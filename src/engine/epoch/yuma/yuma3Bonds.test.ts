import { describe, expect, it } from 'vitest';
import { fromInt, I32F32 } from '../../fixed/index.ts';
import type { SparseMat32 } from '../math/index.ts';
import { bondsEmaAlpha } from './params.ts';
import { yuma3Bonds } from './yuma3Bonds.ts';

const ONE = I32F32.one;
const HALF = (ONE >> 1n) as I32F32;
const liquid = {
  alphaLow: ((6553n << 32n) / 65_535n) as I32F32,
  alphaHigh: ((19_660n << 32n) / 65_535n) as I32F32,
  steepness: fromInt(I32F32, 1000),
};
const alpha = bondsEmaAlpha(975_000);

// Validator 0 moved its weight from miner 2 to miner 3; it had a bond of 1/2 on miner 2.
const base = {
  weightsForBonds: [[[3, ONE]], [[3, ONE]], [], []] as SparseMat32,
  bonds: [[[2, HALF]], [], [], []] as SparseMat32,
  consensus: [0n, 0n, 0n, ONE] as I32F32[],
  activeStake: [HALF, HALF, 0n, 0n] as I32F32[],
  incentive: [0n, 0n, 0n, ONE] as I32F32[],
  n: 4,
  alpha,
};

describe('yuma3Bonds', () => {
  it('with liquid alpha keeps only the columns the validator still lists', () => {
    const r = yuma3Bonds({ ...base, liquidAlpha: liquid });
    expect(r.emaBonds[0]!.map(([j]) => j)).toEqual([3]);
    expect(r.emaBonds[0]).toEqual(r.emaBonds[1]);
    expect(r.dividends).toEqual([HALF, HALF, 0n, 0n]);
  });

  it('with a fixed alpha decays the old bond instead', () => {
    const r = yuma3Bonds({ ...base, liquidAlpha: null });
    expect(r.emaBonds[0]).toEqual([
      [2, ((ONE - alpha) * HALF) >> 32n],
      [3, alpha],
    ]);
  });

  it('falls back to the fixed alpha when every consensus is zero', () => {
    const zero = { ...base, consensus: [0n, 0n, 0n, 0n] as I32F32[] };
    expect(yuma3Bonds({ ...zero, liquidAlpha: liquid }).emaBonds).toEqual(
      yuma3Bonds({ ...zero, liquidAlpha: null }).emaBonds,
    );
  });

  it('caps bonds at 1', () => {
    const bonds: SparseMat32 = [[[3, ONE]], [[3, ONE]], [], []];
    const r = yuma3Bonds({ ...base, bonds, liquidAlpha: liquid });
    expect(r.emaBonds[0]).toEqual([[3, ONE]]);
  });
});
