import { describe, expect, it } from 'vitest';
import { fromInt, I32F32 } from '../../fixed/index.ts';
import { originalYumaBonds } from './originalBonds.ts';
import { bondsEmaAlpha } from './params.ts';

const ONE = I32F32.one;
const HALF = (ONE >> 1n) as I32F32;
const QUARTER = (ONE >> 2n) as I32F32;
const alpha = bondsEmaAlpha(900_000);

describe('originalYumaBonds', () => {
  it('uses 1 - floor(0.9) as the EMA weight', () => {
    expect(alpha).toBe(ONE - 3_865_470_566n);
  });

  it('starts from the stake-weighted weights when there are no bonds yet', () => {
    const r = originalYumaBonds({
      weightsForBonds: [[[2, ONE]], [[2, ONE]], []],
      bonds: [[], [], []],
      activeStake: [QUARTER, 3n * QUARTER, 0n] as I32F32[],
      incentive: [0n, 0n, ONE] as I32F32[],
      n: 3,
      alpha,
    });
    expect(r.bondsDelta).toEqual([[[2, QUARTER]], [[2, 3n * QUARTER]], []]);
    // alpha * ΔB (floored), then column-normalised again (truncating).
    const a0 = (alpha * QUARTER) >> 32n;
    const a1 = (alpha * 3n * QUARTER) >> 32n;
    const e0 = (a0 << 32n) / (a0 + a1);
    const e1 = (a1 << 32n) / (a0 + a1);
    expect(r.emaBonds).toEqual([[[2, e0]], [[2, e1]], []]);
    expect(r.dividends).toEqual([(e0 << 32n) / (e0 + e1), (e1 << 32n) / (e0 + e1), 0n]);
    // Stored column max-upscaled: the largest holder reads 1.
    expect(r.bondsToStore).toEqual([[[2, (e0 << 32n) / e1]], [[2, ONE]], []]);
  });

  it('moves stored bonds a tenth of the way towards the new stake-weighted weights', () => {
    // Stored (upscaled) bonds: validator 0 holds all of miner 2; now only validator 1 weights it.
    const r = originalYumaBonds({
      weightsForBonds: [[], [[2, ONE]], []],
      bonds: [[[2, fromInt(I32F32, 65_535)]], [], []],
      activeStake: [HALF, HALF, 0n] as I32F32[],
      incentive: [0n, 0n, ONE] as I32F32[],
      n: 3,
      alpha,
    });
    expect(r.emaBonds[0]).toEqual([[2, ONE - alpha]]);
    expect(r.emaBonds[1]).toEqual([[2, alpha]]);
    expect(r.dividends[0]).toBeGreaterThan(r.dividends[1]!);
  });
});
