import { describe, expect, it } from 'vitest';
import { activeStake } from './activeStake.ts';
import { activityCutoffBlocks, lastTempoBlock, markActive } from './activity.ts';
import { fastInputFixture, workspaceFor } from './testFixtures.ts';

describe('activity masks', () => {
  it('cutoff = max(1, floor(factorMilli * tempo / 1000))', () => {
    expect(activityCutoffBlocks({ factorMilli: 13_889, tempo: 360 })).toBe(5000);
    expect(activityCutoffBlocks({ factorMilli: 1, tempo: 10 })).toBe(1);
  });

  it('last tempo: the block after the previous epoch, or block - tempo before any', () => {
    const input = fastInputFixture({ stakes: [1], block: 1000 });
    expect(lastTempoBlock(input)).toBe(640);
    expect(lastTempoBlock({ ...input, lastMechanismStepBlock: 700 })).toBe(701);
    expect(lastTempoBlock({ ...input, block: 100 })).toBe(0);
  });

  it('active when LastUpdate + cutoff >= block; a UID past the vector is inactive', () => {
    const input = fastInputFixture({ stakes: [1, 1, 1, 1], block: 10_000, lastUpdate: [5000, 4999, 10_000] });
    const ws = workspaceFor(input);
    markActive(ws, input);
    expect(Array.from(ws.active)).toEqual([1, 0, 1, 0]);
  });

  it('records the latest registration (a UID past the vector counts as registered at 0)', () => {
    const input = fastInputFixture({ stakes: [1, 1, 1], blockAtRegistration: [5, 70, 3] });
    const ws = workspaceFor(input);
    markActive(ws, input);
    expect(ws.latestRegistration).toBe(70);
  });
});

describe('activeStake', () => {
  it('keeps active permitted stake, renormalised, and counts the voters', () => {
    const input = fastInputFixture({ stakes: [1, 1, 1, 1] });
    const ws = workspaceFor(input);
    ws.stake.set([0.4, 0.3, 0.2, 0.1]);
    ws.active.set([1, 1, 0, 1]);
    ws.permitUsed.set([1, 0, 1, 1]);
    activeStake(ws);
    expect(Array.from(ws.activeStake)).toEqual([0.8, 0, 0, 0.2 / 1]);
    expect(ws.voters).toBe(2);
  });

  it('stays all zero when nobody qualifies', () => {
    const input = fastInputFixture({ stakes: [1, 1] });
    const ws = workspaceFor(input);
    ws.stake.set([0.5, 0.5]);
    ws.active.set([0, 0]);
    ws.permitUsed.set([1, 1]);
    activeStake(ws);
    expect(Array.from(ws.activeStake)).toEqual([0, 0]);
    expect(ws.voters).toBe(0);
  });
});
