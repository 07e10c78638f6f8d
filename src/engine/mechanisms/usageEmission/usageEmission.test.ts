import { describe, expect, it } from 'vitest';
import { netuid } from '../../types.ts';
import { mechanismsOf } from '../mechanismsOf.ts';
import { codeOf, eventsOf, run, TAO, testChain } from '../testChain.ts';
import { blendUsageShares, emaStep, emaWeightPpm } from './usageEmission.ts';

const pay = (amount: bigint, n = 2) => ({ call: 'usage_pay', signer: 'buyer', netuid: n, amount }) as const;
/** The subnet's TAO emission of the last block: injected plus chain-bought. */
const taoIn = (s: ReturnType<typeof testChain>, n: number) => {
  const x = s.subnets.get(netuid(n))!;
  return x.lastTaoInEmission + x.lastExcessTao;
};

describe('usage-weighted emission', () => {
  it('blend: (1−λ)·price share + λ·usage share, floored, never above the total', () => {
    const params = { lambda: 500_000n, halfLife: 10, payTo: 'burn' } as const;
    const ids = [netuid(1), netuid(2)];
    const out = blendUsageShares({
      params,
      ema: (id) => (id === 2 ? 30n : 10n),
      ids,
      eligible: [true, true],
      taoEmission: [600n, 400n],
    });
    expect(out).toEqual([300n + 125n, 200n + 375n]);
    const none = blendUsageShares({
      params,
      ema: () => 0n,
      ids,
      eligible: [true, true],
      taoEmission: [7n, 3n],
    });
    expect(none).toEqual([7n, 3n]);
    const odd = blendUsageShares({
      params,
      ema: (id) => BigInt(id),
      ids,
      eligible: [true, true],
      taoEmission: [5n, 6n],
    });
    expect(odd[0]! + odd[1]!).toBeLessThanOrEqual(11n);
  });

  it('EMA weight from the half-life, and decay once usage stops', () => {
    expect(emaWeightPpm(10)).toBe(69_314n);
    expect(emaWeightPpm(10_000_000)).toBe(1n);
    let ema = emaStep(0n, 1_000_000n, 69_314n);
    expect(ema).toBe(69_314n);
    for (let i = 0; i < 10; i++) ema = emaStep(ema, 0n, 69_314n);
    expect(ema).toBeGreaterThan(30_000n); // about half after one half-life
    expect(ema).toBeLessThan(40_000n);
    expect(emaStep(1n, 0n, 1n)).toBe(0n); // an idle EMA reaches zero
  });

  it('happy path: paid usage burns TAO and moves emission towards the used subnet', () => {
    const mech = { usageEmission: { lambda: 500_000n, halfLife: 10 } };
    const base = run(testChain(mech), [], 3).state;
    const paid = run(testChain(mech), [pay(50n * TAO)], 3);
    expect(eventsOf(paid.events, 'UsagePaid')[0]).toMatchObject({ tao: 50n * TAO, burned: true });
    expect(taoIn(paid.state, 2)).toBeGreaterThan(taoIn(base, 2));
    expect(taoIn(paid.state, 1)).toBeLessThan(taoIn(base, 1));
    const minted = (r: typeof paid) =>
      eventsOf(r.events, 'BlockEmission').reduce((t, e) => t + e.minted - e.recycled, 0n);
    expect(paid.state.totalIssuance).toBe(testChain(mech).totalIssuance + minted(paid) - 50n * TAO);
  });

  it('escrow variant: the TAO goes to the subnet account', () => {
    const r = run(testChain({ usageEmission: { payTo: 'escrow' } }), [pay(5n * TAO)]);
    expect(r.state.subnets.get(netuid(2))!.accountTao).toBe(5n * TAO);
  });

  it('a subnet whose usage stops returns to its price share', () => {
    const mech = { usageEmission: { lambda: 500_000n, halfLife: 2 } };
    const r = run(testChain(mech), [pay(50n * TAO)], 300);
    expect(mechanismsOf(r.state)!.usage.size).toBe(0); // EMA decayed to zero
    const base = run(testChain(mech), [], 300).state;
    // Prices moved a little meanwhile, so the price shares agree only closely.
    const diff = taoIn(r.state, 2) - taoIn(base, 2);
    expect(Number(diff < 0n ? -diff : diff) / Number(taoIn(base, 2))).toBeLessThan(1e-6);
  });

  it('rejects with stable codes', () => {
    expect(codeOf(testChain(), pay(1n))).toBe('MechanismDisabled');
    const g = testChain({ usageEmission: {} });
    expect(codeOf(g, pay(1n, 9))).toBe('SubnetNotExists');
    expect(codeOf(g, pay(0n))).toBe('AmountZero');
    expect(codeOf(g, pay(100_000n * TAO))).toBe('NotEnoughBalance');
  });
});
