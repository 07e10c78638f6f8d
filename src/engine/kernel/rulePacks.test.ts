import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneKernelState } from './cloneKernelState.ts';
import { createKernelState, type KernelSubnetInit } from './createKernelState.ts';
import { DEFAULT_KERNEL_PARAMS } from './defaultKernelParams.ts';
import { DEFAULT_FLOW_SMOOTHING, emaOver, flowSharesF64, netFlowF64 } from './flowSharesF64.ts';
import { applyGateF64, gateBarDue, gateBarF64 } from './gateF64.ts';
import { kernelBalance } from './kernelBalance.ts';
import { userIntents } from './kernelIntents.testkit.ts';
import { kernelScratch } from './kernelScratch.ts';
import { kernelStep } from './kernelStep.ts';
import { packSharesF64 } from './packSharesF64.ts';
import { spotAt } from './poolSwapTao.ts';
import {
  HOLDER_INDEX,
  KERNEL_RULE_PACKS,
  type KernelIntent,
  type KernelParams,
  type KernelRulePack,
  type KernelState,
} from './types.ts';

const DAY = 7200;
const ones = (n: number) => new Uint8Array(n).fill(1);
const f64 = (xs: number[]) => Float64Array.from(xs);

describe('flow shares (rulepacks.md §3.9)', () => {
  it('example 1: one EMA block', () => {
    const a = DEFAULT_FLOW_SMOOTHING;
    expect(a).toBeCloseTo(3.2090096e-6, 12);
    expect(emaOver(5e9, 8e10, 1 - a)).toBeCloseTo(5_000_240_675.72, 1);
    // 216,000 blocks without flow halve the EMA.
    expect(emaOver(1, 0, (1 - a) ** 216_000)).toBeCloseTo(0.5, 9);
  });

  it('example 2: offset by the cutoff, then proportional', () => {
    const out = new Float64Array(3);
    const flow = f64([3e9, 1e9, -2e9]);
    expect(flowSharesF64(flow, ones(3), out, 0, 1)).toBe(1);
    expect([...out]).toEqual([0.75, 0.25, 0]);
    flowSharesF64(flow, ones(3), out, -5e9, 1);
    expect(out[0]).toBeCloseTo(0.625, 12);
    expect(out[1]).toBeCloseTo(0.375, 12);
    expect(out[2]).toBe(0);
  });

  it('every z = 0 allocates nothing; the exponent sharpens; ineligible slots get 0', () => {
    const out = new Float64Array(3);
    expect(flowSharesF64(f64([-1, -2, 0]), ones(3), out, 0, 1)).toBe(0);
    expect([...out]).toEqual([0, 0, 0]);
    flowSharesF64(f64([3, 1, 5]), Uint8Array.from([1, 1, 0]), out, 0, 2);
    expect(out[0]).toBeCloseTo(0.9, 12);
    expect(out[1]).toBeCloseTo(0.1, 12);
    expect(out[2]).toBe(0);
  });
});

describe('net flow (rulepacks.md §4.4)', () => {
  const user = f64([10, 6, 2]);
  const shares = (protocol: number[]) => {
    const net = new Float64Array(3);
    const out = new Float64Array(3);
    const k = netFlowF64(user, f64(protocol), ones(3), net);
    flowSharesF64(net, ones(3), out, 0, 1);
    return { k, out: [...out] };
  };

  it('example 1: k = 1', () => {
    const { k, out } = shares([8, 2, 6]);
    expect(k).toBe(1);
    expect(out[0]).toBeCloseTo(1 / 3, 12);
    expect(out[1]).toBeCloseTo(2 / 3, 12);
    expect(out[2]).toBe(0);
  });

  it('example 2: the normalisation binds', () => {
    const { k, out } = shares([16, 4, 12]);
    expect(k).toBeCloseTo(0.5625, 12);
    expect(out[0]).toBeCloseTo(4 / 19, 12);
    expect(out[1]).toBeCloseTo(15 / 19, 12);
    expect(out[2]).toBe(0);
  });

  it('example 3: a negative protocol EMA is added back unscaled', () => {
    const { k, out } = shares([16, 4, -3]);
    expect(k).toBeCloseTo(0.9, 12);
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo(12 / 37, 12);
    expect(out[2]).toBeCloseTo(25 / 37, 12);
  });
});

describe('gate (rulepacks.md §6.4)', () => {
  it('example 1: a 1:2 price split becomes 1:9 (q = 0.61)', () => {
    const w = f64([1 / 3, 2 / 3]);
    const bar = gateBarF64(w, ones(2), 0.61, new Float64Array(2));
    expect(bar).toBeCloseTo(2 / 3, 15);
    applyGateF64(w, bar, 3);
    expect(w[0]).toBeCloseTo(0.1, 12);
    expect(w[1]).toBeCloseTo(0.9, 12);
  });

  it('example 2: q = 0.75 puts the bar at 0.2', () => {
    const w = f64([0.4, 0.3, 0.2, 0.1]);
    const bar = gateBarF64(w, ones(4), 0.75, new Float64Array(4));
    expect(bar).toBeCloseTo(0.2, 15);
    applyGateF64(w, bar, 3);
    const expected = [0.509322, 0.331514, 0.143247, 0.015916];
    expected.forEach((x, i) => {
      expect(w[i]).toBeCloseTo(x, 6);
    });
  });

  it('example 3: MinerBurned and a disabled subnet, through the kernel share dispatch', () => {
    const params: KernelParams = { ...DEFAULT_KERNEL_PARAMS, slots: 4, rulePack: 'gate-2026-07' };
    const prices = [0.5, 0.2, 0.2, 0.1];
    const state = createKernelState({
      params,
      subnets: prices.map((p, i) => ({
        taoReserve: 1000 * p,
        alphaIn: 1000,
        movingPrice: p,
        minerBurned: i === 1 ? 0.5 : 0,
        emissionEnabled: i !== 3,
      })),
      issuance: 1e6,
      rootStake: 0,
      block: 100,
    });
    const scratch = kernelScratch(4);
    const c = state.columns;
    const sum = packSharesF64({
      state,
      params,
      scratch,
      movingPrice: c.movingPrice,
      minerBurned: c.minerBurned,
      blocks: 1,
    });
    expect(sum).toBe(1);
    expect(state.gateBar).toBeCloseTo(2 / 9, 12);
    const expected = [1125 / 1391, 133 / 6955, 1197 / 6955, 0];
    expected.forEach((x, i) => {
      expect(scratch.shares[i]).toBeCloseTo(x, 9);
    });
  });

  it('the bar is recomputed every 360 blocks (once per span containing a multiple), and while 0', () => {
    expect(gateBarDue(0, 5, 1)).toBe(true);
    expect(gateBarDue(0.2, 358, 1)).toBe(false);
    expect(gateBarDue(0.2, 359, 1)).toBe(true);
    expect(gateBarDue(0.2, 360, 359)).toBe(false);
    expect(gateBarDue(0.2, 360, 360)).toBe(true);
    expect(gateBarDue(0.2, 0, DAY)).toBe(true);
  });
});

/** A network of `n` subnets at spot prices `prices` (pools of 1000 alpha), no holders but stakers. */
function network(
  pack: KernelRulePack,
  prices: readonly number[],
  over: Partial<KernelParams> = {},
  init: { rootStake?: number; flowEma?: number } = {},
): { params: KernelParams; state: KernelState } {
  const params: KernelParams = { ...DEFAULT_KERNEL_PARAMS, slots: 8, rulePack: pack, ...over };
  const subnets: KernelSubnetInit[] = prices.map((p, i) => ({
    taoReserve: 1000 * p,
    alphaIn: 1000,
    movingPrice: p,
    registeredAt: -1_000_000,
    startBlock: 0,
    lastEpochBlock: i,
    holdings: { staker: 20_000, speculator: 50_000 },
    flowEma: init.flowEma ?? 0,
  }));
  const state = createKernelState({
    params,
    subnets,
    issuance: 10_000_000,
    rootStake: init.rootStake ?? 0,
    block: 1,
  });
  return { params, state };
}

describe('dtao-2025-02: subsidy terms (rulepacks.md §2.8 example 3)', () => {
  it('issuance grows by tao_in only; the bought alpha leaves the supply', () => {
    const { params, state } = network('dtao-2025-02', [0.25, 0.5], { blocksPerStep: 1 });
    const c = state.columns;
    const out0 = [c.alphaOut[0]!, c.alphaOut[1]!];
    const pools0 = c.taoReserve[0]! + c.taoReserve[1]!;
    const issuance0 = state.issuance;
    kernelStep({ state, params });
    // E = 1 TAO; both subnets are below their share: tao_in = p·E, the rest is chain-bought.
    expect(state.issuance - issuance0).toBeCloseTo(0.75, 9);
    expect(state.uncountedTao).toBeCloseTo(0.25, 9);
    expect(c.taoReserve[0]! + c.taoReserve[1]! - pools0).toBeCloseTo(1, 9);
    expect(c.chainBuyTao[0]).toBeCloseTo(1 / 12, 9);
    // 1/12 TAO buys 1000·(1/12)/(250 + 1/12) alpha, recycled: alpha_in = 1000 − bought + 1.
    const bought = (1000 * (1 / 12)) / (250 + 1 / 12);
    expect(bought).toBeCloseTo(0.333222257, 8); // 333_222_257 rao, floored
    // The chain floors the bought alpha to the rao: 333_222_257 rao, as the spec's example.
    expect(c.alphaIn[0]).toBeCloseTo(1000 - 0.333222257 + 1, 9);
    // AlphaOut grows by the block's alpha out only (1 alpha): nothing bought is kept.
    expect(c.alphaOut[0]! - out0[0]!).toBeCloseTo(1, 9);
    expect(c.alphaOut[1]! - out0[1]!).toBeCloseTo(1, 9);
    expect(c.protocolAlpha[0]).toBe(0);
    expect(kernelBalance(state).taoError).toBeLessThan(1e-12);
    expect(kernelBalance(state).alphaError).toBeLessThan(1e-12);
  });

  it('the same block under price-2026-06 counts every TAO in issuance and keeps the bought alpha', () => {
    const { params, state } = network('price-2026-06', [0.25, 0.5], { blocksPerStep: 1 }, { rootStake: 1e5 });
    const issuance0 = state.issuance;
    kernelStep({ state, params });
    expect(state.issuance - issuance0).toBeCloseTo(1, 9);
    expect(state.uncountedTao).toBe(0);
    expect(state.columns.protocolAlpha[0]).toBeGreaterThan(0);
  });

  it('root alpha of an unsubsidised subnet is sold for TAO staked on root', () => {
    const { params, state } = network('dtao-2025-02', [0.9, 0.8], {}, { rootStake: 1e5 });
    const root0 = state.rootStake;
    kernelStep({ state, params });
    const c = state.columns;
    expect(c.chainBuyTao[0]).toBe(0);
    expect(state.rootStake).toBeGreaterThan(root0);
    expect(c.holdings[HOLDER_INDEX.root * 8]).toBe(0);
    expect(c.pendingRoot[0]).toBe(0);
    expect(kernelBalance(state).taoError).toBeLessThan(1e-12);
    expect(kernelBalance(state).alphaError).toBeLessThan(1e-12);
  });
});

describe('taoflow-2025-11 vs price-2026-06', () => {
  const prices = [0.2, 0.15, 0.1, 0.05];
  /** Slot 0 sees a steady net outflow, the others a steady inflow; TAO slot 0 got in the last step. */
  const lastStepTao = (pack: KernelRulePack) => {
    const { params, state } = network(pack, prices, {}, { flowEma: 0.001, rootStake: 1e5 });
    const intents: KernelIntent[] = [
      { kind: 'unstake', slot: 0, alpha: 1500, holder: 'speculator' },
      { kind: 'stake', slot: 1, tao: 20, holder: 'speculator' },
      { kind: 'stake', slot: 2, tao: 20, holder: 'speculator' },
      { kind: 'stake', slot: 3, tao: 20, holder: 'speculator' },
    ];
    let before = 0;
    for (let d = 0; d < 30; d++) {
      before = state.columns.emittedTao[0]!;
      kernelStep({ state, params, intents });
    }
    return { got: state.columns.emittedTao[0]! - before, state };
  };

  it('a subnet with sustained net outflow gets no TAO under taoflow, a price share under price', () => {
    const flow = lastStepTao('taoflow-2025-11');
    const price = lastStepTao('price-2026-06');
    expect(flow.state.columns.flowEma[0]).toBeLessThan(0);
    expect(flow.state.columns.flowEma[1]).toBeGreaterThan(0.001);
    expect(flow.got).toBe(0);
    expect(price.got).toBeGreaterThan(100);
  });

  it('the flow EMA follows the stake and unstake TAO the pool actually swapped', () => {
    const { params, state } = network('taoflow-2025-11', prices);
    const report = kernelStep({
      state,
      params,
      intents: [{ kind: 'stake', slot: 1, tao: 72, holder: 'speculator' }],
    });
    const decay = (1 - DEFAULT_FLOW_SMOOTHING) ** DAY;
    expect(report.filled[0]).toBe(72);
    expect(state.columns.flowEma[1]).toBeCloseTo((1 - decay) * (72 / DAY), 15);
    expect(state.columns.flowEma[0]).toBe(0);
  });
});

describe('netflow-2026-05', () => {
  it('accumulates a protocol-cost EMA from the TAO each subnet receives, and keeps bought alpha', () => {
    const { params, state } = network('netflow-2026-05', [0.2, 0.1], {}, { flowEma: 0.1, rootStake: 1e5 });
    kernelStep({ state, params });
    const c = state.columns;
    const decay = (1 - DEFAULT_FLOW_SMOOTHING) ** DAY;
    for (const i of [0, 1]) {
      const cost = (c.injectedTao[i]! + c.chainBuyTao[i]!) / DAY;
      expect(c.protocolEma[i]).toBeCloseTo((1 - decay) * cost, 15);
    }
    expect(c.chainBuyTao[0]! + c.chainBuyTao[1]!).toBeGreaterThan(0);
    expect(c.protocolAlpha[0]! + c.protocolAlpha[1]!).toBeGreaterThan(0);
  });
});

describe('every pack: accounting', () => {
  const slot = fc.integer({ min: 0, max: 7 });
  const intent: fc.Arbitrary<KernelIntent> = fc.oneof(
    ...userIntents(slot),
    fc.record({ kind: fc.constant('setEmissionEnabled' as const), slot, enabled: fc.boolean() }),
    fc.record({
      kind: fc.constant('buyback' as const),
      slot,
      tao: fc.double({ min: 0, max: 200, noNaN: true }),
    }),
  );

  it.each(KERNEL_RULE_PACKS)('%s: the balance identities hold over a few hundred random steps', (pack) => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 360, DAY),
        fc.array(fc.array(intent, { maxLength: 4 }), { minLength: 100, maxLength: 100 }),
        (blocksPerStep, steps) => {
          const { params, state } = network(
            pack,
            [0.3, 0.2, 0.1, 0.05, 0.02],
            { blocksPerStep, networkRateLimit: 0, networkImmunityPeriod: 2 * DAY, minLock: 100 },
            { rootStake: 2e5, flowEma: 0.01 },
          );
          for (const intents of steps) {
            kernelStep({ state, params, intents });
            const b = kernelBalance(state);
            expect(b.taoError).toBeLessThan(1e-6);
            expect(b.alphaError).toBeLessThan(1e-9);
            expect(b.minAmount).toBeGreaterThan(-1e-6);
            for (let i = 0; i < 8; i++) {
              if (state.columns.active[i] === 1) expect(spotAt(state.columns, i)).toSatisfy(Number.isFinite);
            }
          }
        },
      ),
      { numRuns: 3 },
    );
  });

  it.each(KERNEL_RULE_PACKS)('%s: a clone carries the pack state and runs the same future', (pack) => {
    const { params, state } = network(pack, [0.3, 0.2, 0.1], {}, { rootStake: 2e5, flowEma: 0.01 });
    const intents: KernelIntent[] = [{ kind: 'stake', slot: 1, tao: 50, holder: 'speculator' }];
    kernelStep({ state, params, intents });
    const fork = cloneKernelState(state);
    expect(fork.gateBar).toBe(state.gateBar);
    expect(fork.uncountedTao).toBe(state.uncountedTao);
    expect(fork.columns.flowEma).not.toBe(state.columns.flowEma);
    for (let d = 0; d < 3; d++) {
      kernelStep({ state, params, intents });
      kernelStep({ state: fork, params, intents });
    }
    expect(fork).toEqual(state);
  });
});
