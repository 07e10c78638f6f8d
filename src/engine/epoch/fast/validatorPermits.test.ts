import { describe, expect, it } from 'vitest';
import { GRID } from './grid.ts';
import { fastInputFixture, workspaceFor } from './testFixtures.ts';
import { currentPermits, newValidatorPermits } from './validatorPermits.ts';

function newPermits(shares: number[], k: number, ownerUid: number | null = null): number[] {
  const input = fastInputFixture({ stakes: shares, ownerUid, params: { maxAllowedValidators: k } });
  const ws = workspaceFor(input);
  // Shares are given already on the grid, as epochStake leaves them.
  ws.stake.set(shares.map((s) => Math.floor(s * GRID) / GRID));
  newValidatorPermits(ws, input);
  return Array.from(ws.validatorPermit);
}

describe('newValidatorPermits (is_topk_nonzero, owner forced)', () => {
  it('keeps the k largest nonzero stakes', () => {
    expect(newPermits([0.4, 0.1, 0.05, 0.45, 0], 2)).toEqual([1, 0, 0, 1, 0]);
  });

  it('breaks ties like a stable ascending sort: the lower UIDs are cleared first', () => {
    expect(newPermits([0.25, 0.25, 0.25, 0.25], 2)).toEqual([0, 0, 1, 1]);
    expect(newPermits([0.5, 0.25, 0.25], 2)).toEqual([1, 0, 1]);
  });

  it('with fewer UIDs than k, permits every nonzero stake', () => {
    expect(newPermits([0.5, 0, 0.5], 5)).toEqual([1, 0, 1]);
  });

  it('forces the owner UID, even without stake or with k = 0', () => {
    expect(newPermits([0.5, 0.5, 0], 1, 2)).toEqual([0, 1, 1]);
    expect(newPermits([0.5, 0.5], 0, 0)).toEqual([1, 0]);
  });
});

describe('currentPermits', () => {
  it('uses the stored permits with the owner forced on; a UID past the vector has none', () => {
    const input = fastInputFixture({ stakes: [1, 1, 1, 1], ownerUid: 1 });
    const short = { ...input, validatorPermit: Uint8Array.from([1, 0]) };
    const ws = workspaceFor(short);
    currentPermits(ws, short);
    expect(Array.from(ws.permitUsed)).toEqual([1, 1, 0, 0]);
  });
});
