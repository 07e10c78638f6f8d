import { describe, expect, it } from 'vitest';
import { bondWeight, clippedWeight, normalizeIncentive } from './clipWeights.ts';
import { ABSENT } from './csrMatrix.ts';
import { fastInputFixture, runThrough, workspaceFor } from './testFixtures.ts';

describe('clipping', () => {
  it('W̄ = min(w, c); a weight above a zero consensus is dropped', () => {
    expect(clippedWeight(0.3, 0.5)).toBe(0.3);
    expect(clippedWeight(0.7, 0.5)).toBe(0.5);
    expect(clippedWeight(0.7, 0)).toBe(ABSENT);
    expect(clippedWeight(0, 0)).toBe(0);
  });

  it('W_b: β = 0 keeps W, β = 1 keeps W̄, in between interpolates and keeps only positives', () => {
    expect(bondWeight(0.7, 0.5, 0)).toBe(0.7);
    expect(bondWeight(0.7, 0, 0)).toBe(0.7);
    expect(bondWeight(0.7, 0.5, 1)).toBe(0.5);
    expect(bondWeight(0.7, 0, 1)).toBe(ABSENT);
    expect(bondWeight(0, 0, 1)).toBe(0);
    expect(bondWeight(0.7, 0.5, 0.5)).toBeCloseTo(0.6, 15);
    // A clipped-away entry counts as 0 in the interpolation.
    expect(bondWeight(0.8, 0, 0.25)).toBeCloseTo(0.6, 15);
    expect(bondWeight(0, 0.5, 0.5)).toBe(ABSENT);
  });

  it('trust sums each validator\u2019s clipped weights; incentive normalises the stake-weighted ranks', () => {
    // Voter 0 (0.25) splits over miners 2 and 3, voter 1 (0.75) weighs miner 2 only. Column 2: 0.5
    // (0.25) and 1 (0.75), consensus 1; column 3: 0.5 (0.25) and a missing 0 (0.75), consensus 0.
    const input = fastInputFixture({
      stakes: [1, 3, 0, 0],
      weights: [
        [
          [2, 1],
          [3, 1],
        ],
        [[2, 1]],
      ],
    });
    const ws = runThrough(input, 'bonds');
    expect(Array.from(ws.consensus)).toEqual([0, 0, 1, 0]);
    // Voter 0's weight on miner 3 sits above a zero consensus: dropped.
    expect(Array.from(ws.validatorTrust)).toEqual([0.5, 1, 0, 0]);
    expect(Array.from(ws.incentive)).toEqual([0, 0, 1, 0]);
  });

  it('leaves all-zero ranks alone', () => {
    const ws = workspaceFor(fastInputFixture({ stakes: [1, 1] }));
    ws.incentive.set([0, 0]);
    normalizeIncentive(ws);
    expect(Array.from(ws.incentive)).toEqual([0, 0]);
    ws.incentive.set([1, 3]);
    normalizeIncentive(ws);
    expect(Array.from(ws.incentive)).toEqual([0.25, 0.75]);
  });
});
