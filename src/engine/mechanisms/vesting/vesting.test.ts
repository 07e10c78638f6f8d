import { describe, expect, it } from 'vitest';
import { dissolveSubnet } from '../../chain/dissolveSubnet.ts';
import { checkInvariants } from '../../invariants/checkInvariants.ts';
import { stakeOf } from '../../staking/sharePool.ts';
import { Draft } from '../../state/draft.ts';
import { type Coldkey, netuid } from '../../types.ts';
import { vestingAlphaHeld } from '../config.ts';
import type { MechanismChainEvent } from '../events.ts';
import { mechanismsAddOn } from '../mechanismsAddOn.ts';
import { mechanismsOf } from '../mechanismsOf.ts';
import { codeOf, eventsOf, run, testChain } from '../testChain.ts';
import { vestedAmount } from './vesting.ts';

const claim = { call: 'vesting_claim', signer: 'owner1', netuid: 1 } as const;
const ownerStake = (s: ReturnType<typeof testChain>) => {
  const pool = s.subnets.get(netuid(1))!.stakes.get('oh1' as never);
  return pool === undefined ? 0n : stakeOf(pool, 'owner1' as Coldkey);
};

describe('vesting and exit bond', () => {
  it('vestedAmount is linear per tranche and floors', () => {
    const e = {
      beneficiary: 'o' as Coldkey,
      hotkey: 'h' as never,
      claimed: 0n,
      tranches: [{ amount: 10n, startEpoch: 2 }],
    };
    expect(vestedAmount(e, 2, 3)).toBe(0n);
    expect(vestedAmount(e, 3, 3)).toBe(3n);
    expect(vestedAmount(e, 4, 3)).toBe(6n);
    expect(vestedAmount(e, 9, 3)).toBe(10n);
  });

  it('happy path: owner cut accrues to escrow, vests, and is claimed as stake', () => {
    const g = testChain({ vesting: { vestDuration: 2, darkEpochs: 100 } });
    const r = run(g, [], 40);
    const accrued = eventsOf(r.events, 'VestingAccrued');
    expect(accrued.length).toBeGreaterThan(2);
    expect(ownerStake(r.state)).toBe(0n); // nothing paid directly
    const held = vestingAlphaHeld(mechanismsOf(r.state), netuid(1));
    expect(held).toBe(accrued.filter((e) => e.netuid === 1).reduce((t, e) => t + e.alpha, 0n));
    const claimed = run(r.state, [claim]);
    const c = eventsOf(claimed.events, 'VestingClaimed')[0]!;
    expect(c.alpha).toBeGreaterThan(0n);
    expect(c.alpha).toBeLessThan(held + 1n);
    expect(ownerStake(claimed.state)).toBe(c.alpha);
  });

  it('default: a subnet dark for D epochs burns its unvested alpha', () => {
    const g = testChain({ vesting: { vestDuration: 50, darkEpochs: 2 } });
    const r = run(g, [], 30);
    const burned = eventsOf(r.events, 'VestingBurned').filter((e) => e.netuid === 1);
    expect(burned.length).toBeGreaterThan(0);
    expect(burned[0]!.reason).toBe('dark');
    const s = r.state.subnets.get(netuid(1))!;
    expect(s.burnedAlpha).toBeGreaterThanOrEqual(burned.reduce((t, e) => t + e.alpha, 0n));
  });

  it('weights keep a subnet from going dark', () => {
    const g = testChain({ vesting: { vestDuration: 50, darkEpochs: 5 } });
    let s = g;
    const events: MechanismChainEvent[] = [];
    for (const v of ['v1.1', 'v1.2', 'v1.3']) {
      const r = run(s, [{ call: 'set_weights', signer: v, netuid: 1, uids: [3, 4], weights: [1, 1] }], 40);
      s = r.state;
      events.push(...r.events);
    }
    expect(eventsOf(events, 'VestingAccrued').filter((e) => e.netuid === 1).length).toBeGreaterThan(5);
    expect(eventsOf(events, 'VestingBurned').filter((e) => e.netuid === 1)).toHaveLength(0);
    expect(eventsOf(events, 'VestingBurned').filter((e) => e.netuid === 2).length).toBeGreaterThan(0);
  });

  it('dissolution stakes the vested part to the owner and burns the unvested', () => {
    const r = run(testChain({ vesting: { vestDuration: 3, darkEpochs: 100 } }), [], 40);
    const draft = new Draft(r.state);
    const events: MechanismChainEvent[] = [];
    dissolveSubnet({ draft, events, addOn: mechanismsAddOn }, netuid(1));
    const next = draft.finish();
    expect(checkInvariants(next, mechanismsAddOn)).toEqual([]);
    expect(eventsOf(events, 'VestingBurned')[0]!.reason).toBe('dissolved');
    expect(mechanismsOf(next)!.vesting.has(netuid(1))).toBe(false);
    expect(next.balances.get('owner1' as never)!).toBeGreaterThan(r.state.balances.get('owner1' as never)!);
  });

  it('rejects with stable codes', () => {
    expect(codeOf(testChain(), claim)).toBe('MechanismDisabled');
    const g = testChain({ vesting: {} });
    expect(codeOf(g, { ...claim, netuid: 7 })).toBe('SubnetNotExists');
    expect(codeOf(g, claim)).toBe('NoVestingEscrow');
    const s = run(g, [], 12).state; // first accrual at the first epoch: nothing vested yet
    expect(codeOf(s, { ...claim, signer: 'buyer' })).toBe('NotBeneficiary');
    expect(codeOf(s, claim)).toBe('NothingToClaim');
  });
});
