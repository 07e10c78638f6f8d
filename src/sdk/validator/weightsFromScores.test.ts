import { describe, expect, it } from 'vitest';
import { weightsFromScores } from './weightsFromScores.ts';

describe('weightsFromScores', () => {
  it('weights positive scores in proportion, the best at 65535', () => {
    expect(weightsFromScores([0, 0.5, 1, 0.25], { minAllowedWeights: 1 })).toEqual({
      uids: [1, 2, 3],
      weights: [32_768, 65_535, 16_384],
    });
  });

  it('pads to the minimum number of weights with the next best at the smallest weight', () => {
    expect(weightsFromScores([0, 0.9, -1, Number.NaN], { minAllowedWeights: 3 })).toEqual({
      uids: [0, 1, 2],
      weights: [1, 65_535, 1],
    });
  });

  it('leaves out excluded UIDs (e.g. the validator itself)', () => {
    expect(weightsFromScores([1, 0.5], { minAllowedWeights: 1, exclude: [0] })).toEqual({
      uids: [1],
      weights: [65_535],
    });
  });

  it('gives the minimum number of equal weights when nobody scored', () => {
    expect(weightsFromScores([0, 0, 0], { minAllowedWeights: 2 })).toEqual({ uids: [0, 1], weights: [1, 1] });
  });
});
