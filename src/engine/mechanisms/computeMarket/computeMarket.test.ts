import { describe, expect, it } from 'vitest';
import { MECHANISM_DEFAULTS } from '../config.ts';
import { mechanismsOf } from '../mechanismsOf.ts';
import { codeOf, eventsOf, run, TAO, testChain } from '../testChain.ts';
import { scheduledMint } from './computeMarket.ts';

const setPrice = { call: 'compute_set_price', signer: 'sudo', raoPerUsd: TAO } as const;
const buy = (usdMicros: bigint) => ({ call: 'compute_buy', signer: 'buyer', usdMicros }) as const;
const report = (provider: string, units: bigint) =>
  ({ call: 'compute_report', signer: 'v1.1', provider, units }) as const;
const mech = {
  computeMarket: { epochBlocks: 5, mint: 100n * TAO, feeShare: 50_000n, treasury: 'treasury' },
};

describe('burn-and-mint compute market', () => {
  it('scheduledMint halves every halvingEpochs', () => {
    const p = { ...MECHANISM_DEFAULTS.computeMarket, mint: 1000n, halvingEpochs: 2 };
    expect([0, 1, 2, 3, 4].map((e) => scheduledMint(p, e))).toEqual([1000n, 1000n, 500n, 500n, 250n]);
    expect(scheduledMint({ ...p, halvingEpochs: 0 }, 99)).toBe(1000n);
  });

  it('happy path: buyers burn at the oracle price, the fee goes to the treasury, providers get the mint', () => {
    const g = testChain(mech);
    const r = run(g, [setPrice, buy(2_500_000n), report('m1.1', 3n), report('m2.1', 1n)], 5);
    const bought = eventsOf(r.events, 'ComputeBought')[0]!;
    expect(bought).toMatchObject({ burned: 2_375_000_000n, fee: 125_000_000n });
    expect(r.state.balances.get('treasury' as never)).toBe(125_000_000n);
    const minted = eventsOf(r.events, 'ComputeMinted')[0]!;
    expect(minted).toMatchObject({ minted: 100n * TAO, providers: 2 });
    expect(r.state.balances.get('mc1' as never)).toBe(100n * TAO); // owner of m1.1 and m2.1
    const emitted = eventsOf(r.events, 'BlockEmission').reduce((t, e) => t + e.minted - e.recycled, 0n);
    expect(r.state.totalIssuance).toBe(g.totalIssuance + emitted + 100n * TAO - 2_375_000_000n);
    expect(mechanismsOf(r.state)!.compute).toMatchObject({
      minted: 100n * TAO,
      burned: 2_375_000_000n,
      epoch: 1,
    });
  });

  it('an epoch without verified work mints nothing', () => {
    const r = run(testChain(mech), [setPrice], 10);
    expect(eventsOf(r.events, 'ComputeMinted').map((e) => e.minted)).toEqual([0n, 0n]);
  });

  it('rejects with stable codes', () => {
    expect(codeOf(testChain(), setPrice)).toBe('MechanismDisabled');
    const g = testChain(mech);
    expect(codeOf(g, { ...setPrice, signer: 'buyer' })).toBe('BadOrigin');
    expect(codeOf(g, { ...setPrice, raoPerUsd: 0n })).toBe('InvalidValue');
    expect(codeOf(g, buy(1n))).toBe('PriceNotSet');
    const s = run(g, [setPrice]).state;
    expect(codeOf(s, buy(0n))).toBe('AmountZero');
    expect(codeOf(s, buy(1_000_000_000_000n))).toBe('NotEnoughBalance');
    expect(codeOf(s, { ...report('m1.1', 1n), signer: 'm1.2' })).toBe('NotValidator');
    expect(codeOf(s, report('nobody', 1n))).toBe('HotKeyAccountNotExists');
    expect(codeOf(s, report('m1.1', 0n))).toBe('AmountZero');
  });
});
