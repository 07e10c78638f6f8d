import { describe, expect, it } from 'vitest';
import { dissolveSubnet } from '../../chain/dissolveSubnet.ts';
import { checkInvariants } from '../../invariants/checkInvariants.ts';
import { Draft } from '../../state/draft.ts';
import { netuid } from '../../types.ts';
import type { MechanismChainEvent } from '../events.ts';
import { mechanismsAddOn } from '../mechanismsAddOn.ts';
import { mechanismsOf } from '../mechanismsOf.ts';
import { codeOf, eventsOf, run, TAO, testChain } from '../testChain.ts';
import { medianRevenue } from './covenant.ts';

const open = {
  call: 'covenant_open',
  signer: 'owner1',
  netuid: 1,
  share: 100_000n,
  bond: 500n * TAO,
  period: 1,
  gracePeriods: 2,
} as const;
const attest = (signer: string, revenue: bigint) =>
  ({ call: 'covenant_attest', signer, netuid: 1, revenue }) as const;
const s1 = (s: ReturnType<typeof testChain>) => s.subnets.get(netuid(1))!;

describe('revenue covenant', () => {
  it('medianRevenue: odd count takes the middle, even the floored mean of the middle two', () => {
    expect(medianRevenue([3n, 1n, 2n])).toBe(2n);
    expect(medianRevenue([1n, 2n, 4n, 10n])).toBe(3n);
    expect(medianRevenue([])).toBe(0n);
  });

  it('happy path: bond escrowed, median attested, r·R paid buys and burns alpha, no default', () => {
    const g = testChain({ covenant: {} });
    const opened = run(g, [
      open,
      attest('v1.1', 100n * TAO),
      attest('v1.2', 200n * TAO),
      attest('v1.3', 300n * TAO),
      { call: 'covenant_pay', signer: 'owner1', netuid: 1, amount: 20n * TAO },
    ]);
    expect(opened.state.balances.get('owner1' as never)).toBe(10_000n * TAO - 520n * TAO);
    expect(mechanismsOf(opened.state)!.covenants.get(netuid(1))!.bond).toBe(500n * TAO);
    const paid = eventsOf(opened.events, 'CovenantPaid')[0]!;
    expect(paid.alphaBurned).toBeGreaterThan(0n);
    expect(s1(opened.state).burnedAlpha).toBe(paid.alphaBurned);
    const after = run(opened.state, [], 25);
    const closed = eventsOf(after.events, 'CovenantPeriodClosed')[0]!;
    expect(closed).toMatchObject({ revenue: 200n * TAO, due: 20n * TAO, paid: 20n * TAO, arrears: 0n });
    expect(eventsOf(after.events, 'CovenantDefaulted')).toHaveLength(0);
  });

  it('stakers variant: the payment goes to alpha stakers as TAO', () => {
    const g = testChain({ covenant: { payTo: 'stakers' } });
    const r = run(g, [open, { call: 'covenant_pay', signer: 'owner1', netuid: 1, amount: 60n * TAO }]);
    expect(eventsOf(r.events, 'CovenantPaid')[0]!.toStakers).toBe(60n * TAO);
    // vc1 : vc2 : vc3 stake 3 : 2 : 1 on subnet 1
    expect(r.state.balances.get('vc1' as never)).toBe(30n * TAO);
    expect(r.state.balances.get('vc3' as never)).toBe(10n * TAO);
  });

  it('default on short payment: bond burned, emission share zero until cured', () => {
    const g = testChain({ covenant: {} });
    const opened = run(g, [open, attest('v1.1', 100n * TAO)]);
    const issuanceBefore = opened.state.totalIssuance;
    const r = run(opened.state, [], 25);
    const d = eventsOf(r.events, 'CovenantDefaulted')[0]!;
    expect(d).toMatchObject({ netuid: 1, reason: 'short', slashed: 500n * TAO, burned: 500n * TAO });
    expect(eventsOf(r.events, 'EmissionCut')[0]).toMatchObject({ netuid: 1, reason: 'covenant' });
    const c = mechanismsOf(r.state)!.covenants.get(netuid(1))!;
    expect(c).toMatchObject({ bond: 0n, defaulted: true, arrears: 10n * TAO });
    // The slash left issuance (the blocks' emission is added back to compare).
    const minted = eventsOf(r.events, 'BlockEmission').reduce((t, e) => t + e.minted - e.recycled, 0n);
    expect(r.state.totalIssuance).toBe(issuanceBefore + minted - 500n * TAO);
    const cutRun = run(r.state, [], 3);
    expect(s1(cutRun.state).lastTaoInEmission).toBe(0n);
    expect(cutRun.state.subnets.get(netuid(2))!.lastTaoInEmission).toBeGreaterThan(0n);
    // Cure: arrears + bond; the share comes back.
    const cured = run(cutRun.state, [{ call: 'covenant_cure', signer: 'owner1', netuid: 1 }], 3);
    expect(eventsOf(cured.events, 'CovenantCured')[0]).toMatchObject({
      arrearsPaid: 10n * TAO,
      bond: 500n * TAO,
    });
    expect(eventsOf(cured.events, 'EmissionRestored')).toHaveLength(1);
    expect(s1(cured.state).lastTaoInEmission).toBeGreaterThan(0n);
  });

  it('default after g periods without payment, bond paid to stakers in that variant', () => {
    const g = testChain({ covenant: { slashTo: 'stakers' } });
    const r = run(g, [open], 40);
    const d = eventsOf(r.events, 'CovenantDefaulted')[0]!;
    expect(d).toMatchObject({ reason: 'unpaid', slashed: 500n * TAO });
    expect(d.toStakers + d.burned).toBe(500n * TAO);
    expect(d.toStakers).toBeGreaterThan(499n * TAO);
    expect(eventsOf(r.events, 'CovenantPeriodClosed').length).toBeGreaterThanOrEqual(2);
  });

  it('dissolving a covenanted subnet slashes the bond', () => {
    const opened = run(testChain({ covenant: {} }), [open]);
    const draft = new Draft(opened.state);
    const events: MechanismChainEvent[] = [];
    dissolveSubnet({ draft, events, addOn: mechanismsAddOn }, netuid(1));
    const next = draft.finish();
    expect(checkInvariants(next, mechanismsAddOn)).toEqual([]);
    expect(eventsOf(events, 'CovenantDefaulted')[0]).toMatchObject({
      reason: 'dissolved',
      slashed: 500n * TAO,
    });
    expect(mechanismsOf(next)!.covenants.size).toBe(0);
  });

  it('rejects with stable codes', () => {
    const off = testChain();
    expect(codeOf(off, open)).toBe('MechanismDisabled');
    const g = testChain({ covenant: { minBond: 10n * TAO } });
    expect(codeOf(g, { ...open, netuid: 9 })).toBe('SubnetNotExists');
    expect(codeOf(g, { ...open, signer: 'owner2' })).toBe('NotSubnetOwner');
    expect(codeOf(g, { ...open, share: 0n })).toBe('InvalidShare');
    expect(codeOf(g, { ...open, period: 0 })).toBe('InvalidPeriod');
    expect(codeOf(g, { ...open, gracePeriods: 0 })).toBe('InvalidPeriod');
    expect(codeOf(g, { ...open, bond: 1n })).toBe('BondTooLow');
    expect(codeOf(g, { ...open, bond: 20_000n * TAO })).toBe('NotEnoughBalance');
    expect(codeOf(g, attest('v1.1', 1n))).toBe('NoCovenant');
    const s = run(g, [open, attest('v1.1', 1n)]).state;
    expect(codeOf(s, open)).toBe('CovenantAlreadyOpen');
    expect(codeOf(s, attest('v2.1', 1n))).toBe('HotKeyNotRegisteredInSubNet');
    expect(codeOf(s, attest('m1.1', 1n))).toBe('NeuronNoValidatorPermit');
    expect(codeOf(s, attest('v1.2', -1n))).toBe('InvalidValue');
    expect(codeOf(s, attest('v1.1', 2n))).toBe('AlreadyAttested');
    const pay = { call: 'covenant_pay', signer: 'owner1', netuid: 1, amount: 0n } as const;
    expect(codeOf(s, pay)).toBe('AmountZero');
    expect(codeOf(s, { ...pay, signer: 'buyer', amount: 1n })).toBe('NotSubnetOwner');
    expect(codeOf(s, { ...pay, amount: 20_000n * TAO })).toBe('NotEnoughBalance');
    expect(codeOf(s, { call: 'covenant_cure', signer: 'owner1', netuid: 1 })).toBe('NotDefaulted');
  });
});
