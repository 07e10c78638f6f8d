import { describe, expect, it } from 'vitest';
import { activityCutoffBlocks, inactiveMask, lastTempoBlock } from './activity.ts';

describe('activity and registration masks', () => {
  it('derives the cutoff from the factor and tempo, at least one block', () => {
    expect(activityCutoffBlocks({ factorMilli: 13_889, tempo: 360 })).toBe(5000);
    expect(activityCutoffBlocks({ factorMilli: 13_889, tempo: 10 })).toBe(138);
    expect(activityCutoffBlocks({ factorMilli: 13_889, tempo: 0 })).toBe(1);
  });

  it('marks a UID inactive only once LastUpdate + cutoff falls below the block', () => {
    expect(inactiveMask({ lastUpdate: [862, 861, 1000], block: 1000, cutoff: 138 })).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('uses the block after the last epoch, or block - tempo when none is recorded', () => {
    expect(lastTempoBlock({ block: 1000, tempo: 360, lastMechanismStepBlock: 0 })).toBe(640);
    expect(lastTempoBlock({ block: 100, tempo: 360, lastMechanismStepBlock: 0 })).toBe(0);
    expect(lastTempoBlock({ block: 1000, tempo: 360, lastMechanismStepBlock: 700 })).toBe(701);
  });
});
