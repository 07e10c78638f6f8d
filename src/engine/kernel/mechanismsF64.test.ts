import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test/support/seededRandom.ts';
import { createKernelState, type KernelSubnetInit } from './createKernelState.ts';
import { DEFAULT_KERNEL_PARAMS } from './defaultKernelParams.ts';
import { kernelBalance } from './kernelBalance.ts';
import { kernelStep } from './kernelStep.ts';
import { HOLDER_INDEX, type KernelIntent, type KernelMechanisms, type KernelParams } from './types.ts';

const DAY = 7200;

/** A seeded uniform generator so the random steps repeat. */
const uniforms = (seed: number) => ({ uniform: seededRandom(seed) });
const ALL: KernelMechanisms = {
  period: 7 * DAY,
  covenant: { share: 0.2, tolerance: 0.25, gracePeriods: 2 },
  vesting: { vestDuration: 30 * DAY, cliff: 5 * DAY, startBlock: 0 },
  credits: { releaseDuration: 60 * DAY, tolerance: 0.1 },
  usageEmission: { lambda: 0.5, halfLife: 10 * DAY },
  computeMarket: { mint: 0.05, feeShare: 0.1 },
};

function subnet(i: number): KernelSubnetInit {
  const price = 0.02 + 0.01 * i;
  const alphaIn = 500_000;
  return {
    taoReserve: price * alphaIn,
    alphaIn,
    movingPrice: price,
    holdings: { staker: 400_000, owner: 50_000, miner: 20_000, speculator: 10_000 },
    protocolAlpha: 100_000,
  };
}

function network(mechanisms: KernelMechanisms | undefined, n = 6) {
  const params: KernelParams = { ...DEFAULT_KERNEL_PARAMS, slots: 8, ...(mechanisms && { mechanisms }) };
  const state = createKernelState({
    params,
    subnets: Array.from({ length: n }, (_, i) => subnet(i)),
    issuance: 11_000_000,
    rootStake: 2_000_000,
  });
  return { state, params };
}

/** Run `days` daily steps with the intents `each(day)` returns. */
function run(net: ReturnType<typeof network>, days: number, each: (day: number) => KernelIntent[]) {
  for (let d = 0; d < days; d++) kernelStep({ state: net.state, params: net.params, intents: each(d) });
}

describe('binding mechanisms in the kernel', () => {
  it('covenant: a subnet that stops paying loses its bond and its TAO share until it pays again', () => {
    const net = network({
      period: 7 * DAY,
      covenant: { share: 0.2, tolerance: 0.25, gracePeriods: 2 },
    });
    const c = net.state.columns;
    run(net, 1, () => [
      { kind: 'covenantBond', slot: 0, tao: 500 },
      { kind: 'covenantBond', slot: 1, tao: 500 },
    ]);
    expect(c.bondTao[0]).toBe(500);
    const pays = (slot: number) =>
      [
        { kind: 'covenantAttest', slot, revenueTao: 10 },
        { kind: 'covenantPay', slot, tao: 2 },
      ] as KernelIntent[];
    // Slot 0 pays in full for three weeks; slot 1 attests revenue but pays nothing.
    const issuanceBefore = net.state.issuance;
    run(net, 21, () => [...pays(0), { kind: 'covenantAttest', slot: 1, revenueTao: 10 }]);
    expect(c.defaulted[0]).toBe(0);
    expect(c.bondTao[0]).toBe(500);
    expect(c.defaulted[1]).toBe(1);
    expect(c.bondTao[1]).toBe(0);
    expect(c.slashedTao[1]).toBe(500);
    expect(c.burnedAlpha[0]).toBeGreaterThan(0); // payments bought and burned alpha
    expect(net.state.issuance).toBeLessThan(issuanceBefore + 21 * DAY); // the bond left supply
    const emitted = c.emittedTao[1]!;
    run(net, 5, () => pays(0));
    expect(c.emittedTao[1]).toBe(emitted); // no TAO while in default
    run(net, 14, () => [...pays(0), ...pays(1)]);
    expect(c.defaulted[1]).toBe(0); // cured by a period met in full
    expect(c.emittedTao[1]).toBeGreaterThan(emitted);
  });

  it('vesting: the owner cut is escrowed and the unvested part burns when the team leaves', () => {
    const net = network({
      period: 7 * DAY,
      vesting: { vestDuration: 30 * DAY, cliff: 10 * DAY, startBlock: 0 },
    });
    const c = net.state.columns;
    const owner0 = c.holdings[HOLDER_INDEX.owner * 8 + 0]!;
    run(net, 5, () => []);
    expect(c.vestingAlpha[0]).toBeGreaterThan(0);
    expect(c.holdings[HOLDER_INDEX.owner * 8 + 0]).toBe(owner0); // nothing vests before the cliff
    run(net, 10, () => []);
    expect(c.vestedAlpha[0]).toBeGreaterThan(0);
    const unvested = c.vestingAlpha[0]!;
    const burned = c.burnedAlpha[0]!;
    run(net, 1, (d) => (d === 0 ? [{ kind: 'forfeitVesting', slot: 0 }] : []));
    expect(c.forfeitedAlpha[0]).toBeGreaterThanOrEqual(unvested);
    expect(c.burnedAlpha[0]).toBeGreaterThan(burned + unvested * 0.9);
    expect(kernelBalance(net.state).alphaError).toBeLessThan(1e-9);
  });

  it('credits: unserved redemptions beyond tolerance take the default path and refund the escrow', () => {
    const net = network({
      period: 7 * DAY,
      covenant: { share: 0.2, tolerance: 0.25, gracePeriods: 1 },
      credits: { releaseDuration: 100 * DAY, tolerance: 0.1 },
    });
    const c = net.state.columns;
    run(net, 1, () => [
      { kind: 'buyCredits', slot: 2, tao: 1000, credits: 100_000 },
      { kind: 'buyCredits', slot: 3, tao: 1000, credits: 100_000 },
    ]);
    expect(c.creditEscrowTao[2]).toBeGreaterThan(900);
    run(net, 7, () => [
      { kind: 'redeemCredits', slot: 2, credits: 1000, served: 1000 },
      { kind: 'redeemCredits', slot: 3, credits: 1000, served: 500 },
    ]);
    expect(c.defaulted[2]).toBe(0);
    expect(c.defaulted[3]).toBe(1);
    expect(c.creditEscrowTao[3]).toBe(0);
    expect(c.creditsOutstanding[2]).toBeCloseTo(93_000, 6);
  });

  it('usage: paid usage draws emission share; compute jobs burn TAO and mint to providers', () => {
    const base = network(undefined);
    const net = network({
      period: 7 * DAY,
      usageEmission: { lambda: 0.5, halfLife: 5 * DAY },
      computeMarket: { mint: 0.05, feeShare: 0.1 },
    });
    run(base, 20, () => []);
    run(net, 20, () => [
      { kind: 'usagePayment', slot: 0, tao: 5 },
      { kind: 'computeJob', slot: 1, tao: 100 },
    ]);
    const c = net.state.columns;
    expect(c.emittedTao[0]).toBeGreaterThan(2 * base.state.columns.emittedTao[0]!);
    expect(c.computeMintTao[1]).toBeCloseTo(20 * DAY * 0.05, 6);
    expect(c.treasuryTao[1]).toBeCloseTo(20 * 10, 6);
    expect(c.mechRecycledTao[1]).toBeCloseTo(20 * 90, 6);
  });

  it('keeps the TAO and alpha identities with every mechanism on over random steps', () => {
    const net = network(ALL, 7);
    const rng = uniforms(7);
    const kinds = [
      'covenantBond',
      'covenantAttest',
      'covenantPay',
      'forfeitVesting',
      'buyCredits',
      'redeemCredits',
      'usagePayment',
      'computeJob',
      'stake',
      'unstake',
      'register',
    ] as const;
    for (let step = 0; step < 300; step++) {
      const intents: KernelIntent[] = [];
      for (let k = 0; k < 6; k++) {
        const slot = Math.floor(rng.uniform() * 8);
        const x = 1000 * rng.uniform();
        switch (kinds[Math.floor(rng.uniform() * kinds.length)]!) {
          case 'covenantBond':
            intents.push({ kind: 'covenantBond', slot, tao: x });
            break;
          case 'covenantAttest':
            intents.push({ kind: 'covenantAttest', slot, revenueTao: x });
            break;
          case 'covenantPay':
            intents.push({ kind: 'covenantPay', slot, tao: x / 10 });
            break;
          case 'forfeitVesting':
            intents.push({ kind: 'forfeitVesting', slot });
            break;
          case 'buyCredits':
            intents.push({ kind: 'buyCredits', slot, tao: x, credits: 10 * x });
            break;
          case 'redeemCredits':
            intents.push({ kind: 'redeemCredits', slot, credits: x, served: x * rng.uniform() });
            break;
          case 'usagePayment':
            intents.push({ kind: 'usagePayment', slot, tao: x / 10 });
            break;
          case 'computeJob':
            intents.push({ kind: 'computeJob', slot, tao: x });
            break;
          case 'stake':
            intents.push({ kind: 'stake', slot, tao: x, holder: 'speculator' });
            break;
          case 'unstake':
            intents.push({ kind: 'unstake', slot, alpha: 100 * x, holder: 'owner' });
            break;
          case 'register':
            intents.push({ kind: 'register', startImmediately: true });
            break;
        }
      }
      kernelStep({ state: net.state, params: net.params, intents });
      const b = kernelBalance(net.state);
      expect(b.taoError).toBeLessThan(1e-12);
      expect(b.alphaError).toBeLessThan(1e-9);
      expect(b.minAmount).toBeGreaterThanOrEqual(0);
    }
    const c = net.state.columns;
    expect(c.slashedTao.reduce((a, v) => a + v, 0)).toBeGreaterThan(0);
    expect(c.vestedAlpha.reduce((a, v) => a + v, 0)).toBeGreaterThan(0);
    expect(c.computeMintTao.reduce((a, v) => a + v, 0)).toBeGreaterThan(0);
  });
});
