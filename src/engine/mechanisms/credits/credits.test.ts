import { describe, expect, it } from 'vitest';
import { netuid } from '../../types.ts';
import { mechanismsOf } from '../mechanismsOf.ts';
import { codeOf, eventsOf, run, TAO, testChain } from '../testChain.ts';
import { creditCost } from './credits.ts';

const create = {
  call: 'credits_create_sale',
  signer: 'owner1',
  netuid: 1,
  tranches: [
    { amount: 100n, price: 1n * TAO },
    { amount: 100n, price: 2n * TAO },
  ],
} as const;
const buy = (amount: bigint) => ({ call: 'credits_buy', signer: 'buyer', saleId: 0, amount }) as const;
const redeem = (amount: bigint) => ({ call: 'credits_redeem', signer: 'buyer', saleId: 0, amount }) as const;
const serve = { call: 'credits_serve', signer: 'owner1', saleId: 0, redemptionId: 0 } as const;

describe('access credits', () => {
  it('creditCost walks rising tranches', () => {
    expect(creditCost(create.tranches, 0n, 150n)).toBe(200n * TAO);
    expect(creditCost(create.tranches, 90n, 20n)).toBe(30n * TAO);
    expect(creditCost(create.tranches, 200n, 0n)).toBe(0n);
  });

  it('happy path: sale, purchase pays the owner, redemption burns credits, owner serves', () => {
    const g = testChain({ credits: {} });
    const r = run(g, [create, buy(150n), redeem(10n), serve]);
    expect(r.state.balances.get('owner1' as never)).toBe(10_200n * TAO);
    expect(r.state.balances.get('buyer' as never)).toBe(9_800n * TAO);
    const sale = mechanismsOf(r.state)!.sales.get(0)!;
    expect(sale).toMatchObject({ sold: 150n, redeemed: 10n, raised: 200n * TAO, served: 1, unserved: 0 });
    expect(sale.holders.get('buyer' as never)).toBe(140n);
    expect(eventsOf(r.events, 'CreditsServed')).toHaveLength(1);
    const later = run(r.state, [], 120);
    expect(eventsOf(later.events, 'CreditsUnserved')).toHaveLength(0);
    expect(mechanismsOf(later.state)!.cut.size).toBe(0);
  });

  it('default without a covenant: unserved beyond tolerance cuts the emission share', () => {
    const g = testChain({ credits: { serveDeadlineBlocks: 5, tolerance: 1 } });
    const r = run(g, [create, buy(10n), redeem(1n), redeem(1n)], 8);
    expect(eventsOf(r.events, 'CreditsUnserved').map((e) => e.unserved)).toEqual([1, 2]);
    expect(eventsOf(r.events, 'EmissionCut')[0]).toMatchObject({ netuid: 1, reason: 'credits' });
    const cut = run(r.state, [], 2);
    expect(cut.state.subnets.get(netuid(1))!.lastTaoInEmission).toBe(0n);
  });

  it('default with a covenant open: the bond is slashed too', () => {
    const g = testChain({ credits: { serveDeadlineBlocks: 3 }, covenant: {} });
    const open = {
      call: 'covenant_open',
      signer: 'owner1',
      netuid: 1,
      share: 1n,
      bond: 100n * TAO,
      period: 100,
      gracePeriods: 100,
    } as const;
    const r = run(g, [open, create, buy(10n), redeem(3n)], 6);
    expect(eventsOf(r.events, 'CovenantDefaulted')[0]).toMatchObject({
      reason: 'credits',
      slashed: 100n * TAO,
    });
    expect(eventsOf(r.events, 'EmissionCut')[0]).toMatchObject({ reason: 'covenant' });
  });

  it('rejects with stable codes', () => {
    expect(codeOf(testChain(), create)).toBe('MechanismDisabled');
    const g = testChain({ credits: {} });
    expect(codeOf(g, { ...create, netuid: 5 })).toBe('SubnetNotExists');
    expect(codeOf(g, { ...create, signer: 'buyer' })).toBe('NotSubnetOwner');
    expect(codeOf(g, { ...create, tranches: [] })).toBe('InvalidSale');
    expect(codeOf(g, { ...create, tranches: [{ amount: 1n, price: 0n }] })).toBe('InvalidSale');
    expect(codeOf(g, buy(1n))).toBe('NoSuchSale');
    const s = run(g, [create, buy(5n)]).state;
    expect(codeOf(s, buy(0n))).toBe('AmountZero');
    expect(codeOf(s, buy(500n))).toBe('SoldOut');
    expect(codeOf(s, { ...buy(1n), signer: 'poor' })).toBe('NotEnoughBalance');
    expect(codeOf(s, redeem(0n))).toBe('AmountZero');
    expect(codeOf(s, redeem(6n))).toBe('NotEnoughCredits');
    expect(codeOf(s, serve)).toBe('NoSuchRedemption');
    expect(codeOf(s, { ...serve, signer: 'buyer' })).toBe('NotSubnetOwner');
    expect(codeOf(s, { ...serve, saleId: 4 })).toBe('NoSuchSale');
  });
});
