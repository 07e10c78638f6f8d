import { describe, expect, it } from 'vitest';
import { epochStake } from './epochStake.ts';
import { GRID } from './grid.ts';
import { fastInputFixture, workspaceFor } from './testFixtures.ts';

function stakeOf(stakes: number[], extra: { ownerUid?: number; stakeThreshold?: number | bigint } = {}) {
  const input = fastInputFixture({
    stakes,
    ownerUid: extra.ownerUid ?? null,
    params: { stakeThreshold: extra.stakeThreshold ?? 0 },
  });
  const ws = workspaceFor(input);
  epochStake(ws, input);
  return Array.from(ws.stake);
}

describe('epochStake', () => {
  it('normalises the stake weights', () => {
    expect(stakeOf([3, 1, 0])).toEqual([0.75, 0.25, 0]);
  });

  it('truncates each share to the 2^-32 grid, as the chain narrows I64F64 to I32F32', () => {
    expect(stakeOf([1, 2])).toEqual([Math.floor(GRID / 3) / GRID, Math.floor((2 * GRID) / 3) / GRID]);
    // A share below 2^-32 vanishes.
    expect(stakeOf([1, 2 ** 40])[0]).toBe(0);
  });

  it('zeroes stake below the threshold (floored), except the owner', () => {
    expect(stakeOf([999.9, 1000], { stakeThreshold: 1000 })).toEqual([0, 1]);
    expect(stakeOf([999.9, 1000], { stakeThreshold: 1000n, ownerUid: 0 })[0]).toBeGreaterThan(0.49);
  });

  it('leaves an all-zero stake vector at zero', () => {
    expect(stakeOf([0, 0])).toEqual([0, 0]);
    expect(stakeOf([5, 5], { stakeThreshold: 10 })).toEqual([0, 0]);
  });
});
