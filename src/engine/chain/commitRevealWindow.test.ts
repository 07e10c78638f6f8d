import { describe, expect, it } from 'vitest';
import { newSubnetState } from '../genesis/newSubnetState.ts';
import { DEFAULT_CHAIN_PARAMS } from '../state/defaults.ts';
import type { SubnetState, WeightCommit } from '../state/types.ts';
import { coldkey, hotkey, netuid } from '../types.ts';
import { commitBlocks, commitWindow, currentCommitEpoch, dropExpired } from './commitRevealWindow.ts';

/** A subnet with tempo 10 whose last epoch ran at block 100 (epoch index 4). */
const subnet = (over: Partial<SubnetState> = {}): SubnetState => ({
  ...newSubnetState({
    netuid: netuid(1),
    ownerColdkey: coldkey('o'),
    ownerHotkey: hotkey('oh'),
    block: 0,
    params: DEFAULT_CHAIN_PARAMS,
    taoReserve: 0n,
    alphaIn: 0n,
    lockedTao: 0n,
  }),
  tempo: 10,
  lastEpochBlock: 100,
  epochIndex: 4,
  ...over,
});
const at = (epoch: number): WeightCommit => ({
  hash: `0x${String(epoch).padStart(64, '0')}`,
  epoch,
  block: 0,
});

describe('the commit-reveal window', () => {
  it('counts in epochs, looking ahead to an epoch still due this block', () => {
    expect(currentCommitEpoch(subnet(), 105)).toBe(4);
    // Due but not run (deferred by the per-block cap): the commit belongs to the coming epoch.
    expect(currentCommitEpoch(subnet(), 110)).toBe(5);
    expect(currentCommitEpoch(subnet({ pendingEpochAt: 107 }), 107)).toBe(5);
  });

  it('opens commitRevealPeriod epochs after the commit, for one epoch', () => {
    const s = subnet({ commitRevealPeriod: 2 });
    expect(commitWindow(s, at(3), 105)).toBe('early');
    expect(commitWindow(s, at(2), 105)).toBe('open');
    expect(commitWindow(s, at(1), 105)).toBe('expired');
  });

  it('drops only the expired commits at the front', () => {
    const s = subnet();
    const { live, expired } = dropExpired(s, [at(1), at(2), at(4), at(2)], 105);
    expect(expired).toEqual([at(1), at(2)]);
    expect(live).toEqual([at(4), at(2)]);
  });

  it("gives the epoch each UID's earliest unexpired commit block, only with commit-reveal on", () => {
    const base = subnet();
    const hotkeys = base.neurons.map((n) => n.hotkey);
    const commits = new Map([
      [
        hotkeys[0]!,
        [
          { ...at(1), block: 11 },
          { ...at(3), block: 33 },
          { ...at(4), block: 44 },
        ],
      ],
    ]);
    expect(commitBlocks({ ...base, weightCommits: commits }, 105)).toBeUndefined();
    const on = { ...base, commitRevealEnabled: true, weightCommits: commits };
    expect(commitBlocks(on, 105)).toEqual([33]);
    expect(commitBlocks({ ...on, weightCommits: new Map() }, 105)).toEqual([null]);
  });
});
