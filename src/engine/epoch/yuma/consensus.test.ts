import { describe, expect, it } from 'vitest';
import { I32F32 } from '../../fixed/index.ts';
import { consensusAndIncentive } from './consensus.ts';

const ONE = I32F32.one;
const HALF = (ONE >> 1n) as I32F32;
const QUARTER = (ONE >> 2n) as I32F32;

describe('consensusAndIncentive', () => {
  it('takes the stake-weighted median per miner and clips weights to it', () => {
    const activeStake = [HALF, QUARTER, QUARTER, 0n] as I32F32[];
    const weights = [
      [[3, ONE]],
      [
        [3, HALF],
        [2, HALF],
      ],
      [[2, ONE]],
      [],
    ] as [number, I32F32][][];
    const kappa = ((32_767n << 32n) / 65_535n) as I32F32; // just under 1/2
    const r = consensusAndIncentive({ activeStake, weights, n: 4, kappa });
    // Miner 3 gets 1 from half the stake, which is just over kappa: the median is 1.
    expect(r.consensus[3]).toBe(ONE);
    // Miner 2 gets 0 (1/2 of stake), 1/2 (1/4) and 1 (1/4): the median is 1/2.
    expect(r.consensus[2]).toBe(HALF);
    expect(r.clippedWeights).toEqual([
      [[3, ONE]],
      [
        [3, HALF],
        [2, HALF],
      ],
      [[2, HALF]],
      [],
    ]);
    expect(r.validatorTrust).toEqual([ONE, ONE, HALF, 0n]);
    // Ranks: miner 3 = 1/2 + 1/8, miner 2 = 1/8 + 1/8, normalised.
    expect(r.incentive).toEqual([0n, 0n, (2n * ONE) / 7n, (5n * ONE) / 7n]);
  });

  it('gives zero consensus, trust and incentive when nobody has active stake', () => {
    const r = consensusAndIncentive({
      activeStake: [0n, 0n] as I32F32[],
      weights: [[[1, ONE]], []],
      n: 2,
      kappa: HALF,
    });
    expect(r.consensus).toEqual([0n, 0n]);
    expect(r.clippedWeights).toEqual([[], []]);
    expect(r.incentive).toEqual([0n, 0n]);
  });
});
