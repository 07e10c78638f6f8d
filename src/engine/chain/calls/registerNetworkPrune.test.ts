/**
 * Registering a network at the subnet limit prunes one: supply stays conserved to the rao even when
 * the registrant holds stake in the pruned subnet (its payout lands before the lock is debited).
 */
import { describe, expect, it } from 'vitest';
import { stakeProportionalEpoch } from '../../epoch/stakeProportionalEpoch.ts';
import { nearLimitGenesis } from '../../genesis/nearLimitNetwork.testkit.ts';
import { checkInvariants } from '../../invariants/checkInvariants.ts';
import type { ChainState } from '../../state/types.ts';
import { coldkey, netuid } from '../../types.ts';
import { applyBlock } from '../applyBlock.ts';

const TAO = 1_000_000_000n;
const C0 = coldkey('c0');

const genesis = (): ChainState => nearLimitGenesis({ balances: { c0: 5_000n * TAO, c1: 5_000n * TAO } });

describe('register_network at the subnet limit', () => {
  it('prunes the cheapest subnet, pays its stakers (the registrant too) and conserves supply', () => {
    let state = genesis();
    let paidToRegistrant = 0n;
    for (let b = 1; b <= 60; b++) {
      const register = b === 10 || b === 41 || b === 50;
      const exts = register ? [{ call: 'register_network' as const, signer: 'c0', hotkey: `h${b}` }] : [];
      const before = state.balances.get(C0) ?? 0n;
      const r = applyBlock(state, exts, { epoch: stakeProportionalEpoch });
      state = r.state;
      expect(checkInvariants(state)).toEqual([]);
      const removed = r.events.find((e) => e.type === 'NetworkRemoved');
      const added = r.events.find((e) => e.type === 'NetworkAdded');
      if (removed !== undefined && added !== undefined && added.type === 'NetworkAdded')
        paidToRegistrant += (state.balances.get(C0) ?? 0n) - before + added.lock;
    }
    // Subnet 1, where c0 validates, was pruned at block 50: c0 got its share of the pool.
    expect(state.subnets.get(netuid(1))?.ownerColdkey).toBe(C0);
    expect(paidToRegistrant).toBeGreaterThan(10n * TAO);
  });
});
