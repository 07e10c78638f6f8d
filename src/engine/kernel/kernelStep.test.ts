import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneKernelState } from './cloneKernelState.ts';
import { createKernelState, type KernelSubnetInit } from './createKernelState.ts';
import { DEFAULT_KERNEL_PARAMS } from './defaultKernelParams.ts';
import { kernelBalance } from './kernelBalance.ts';
import { userIntents } from './kernelIntents.testkit.ts';
import { kernelStep } from './kernelStep.ts';
import { spotAt } from './poolSwapTao.ts';
import {
  HOLDER_CLASSES,
  HOLDER_INDEX,
  type HolderClass,
  type KernelParams,
  type KernelState,
} from './types.ts';

const DAY = 7200;

function subnet(i: number, over: Partial<KernelSubnetInit> = {}): KernelSubnetInit {
  const price = 0.01 + 0.013 * i;
  const tao = 2_000 + 700 * i;
  return {
    taoReserve: tao,
    alphaIn: tao / price,
    movingPrice: price * (0.8 + 0.05 * i),
    holdings: { staker: (0.5 * tao) / price, owner: 100 * i, miner: 50, speculator: 10 * i, root: 0 },
    ...over,
  };
}

function network(args: { params?: Partial<KernelParams>; subnets?: number; issuance?: number }): {
  params: KernelParams;
  state: KernelState;
} {
  const params: KernelParams = { ...DEFAULT_KERNEL_PARAMS, slots: 12, ...args.params };
  const n = args.subnets ?? 8;
  const state = createKernelState({
    params,
    // Registered long ago: past any immunity period.
    subnets: Array.from({ length: n }, (_, i) => subnet(i, { registeredAt: -1_000_000 })),
    issuance: args.issuance ?? 10_000_000,
    rootStake: 500_000,
  });
  return { params, state };
}

const holding = (state: KernelState, h: HolderClass, slot: number) =>
  state.columns.holdings[HOLDER_INDEX[h] * state.columns.active.length + slot]!;

describe('kernelStep: conservation', () => {
  const holder = fc.constantFrom(...HOLDER_CLASSES);
  const slot = fc.integer({ min: -1, max: 12 });
  const intent = fc.oneof(
    // The user flows at larger sizes than the accounting tests draw, then every other intent.
    ...userIntents(slot, { stakeTao: 5_000, unstakeAlpha: 1e6, rootStakeTao: 1e5 }),
    fc.record({
      kind: fc.constant('buyback' as const),
      slot,
      tao: fc.double({ min: 0, max: 500, noNaN: true }),
    }),
    fc.record({
      kind: fc.constant('burnRegister' as const),
      slot,
      tao: fc.double({ min: 0, max: 5, noNaN: true }),
    }),
    fc.record({
      kind: fc.constant('destroyAlpha' as const),
      slot,
      alpha: fc.double({ min: 0, max: 1e5, noNaN: true }),
      holder,
      mode: fc.constantFrom('burn' as const, 'recycle' as const),
    }),
    fc.record({
      kind: fc.constant('rootUnstake' as const),
      tao: fc.double({ min: 0, max: 1e6, noNaN: true }),
    }),
    fc.record({ kind: fc.constant('startCall' as const), slot }),
    fc.record({ kind: fc.constant('setEmissionEnabled' as const), slot, enabled: fc.boolean() }),
    fc.record({
      kind: fc.constant('ownerMining' as const),
      slot,
      detected: fc.double({ min: 0, max: 1, noNaN: true }),
      undetected: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  );

  it('issuance equals TAO held and every alpha is accounted for, over random intents', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 45, 360, DAY),
        fc.array(fc.array(intent, { maxLength: 6 }), { minLength: 1, maxLength: 25 }),
        (blocksPerStep, steps) => {
          // Small limits so that registrations fill the slots and then prune.
          const { params, state } = network({
            params: { blocksPerStep, networkRateLimit: 0, networkImmunityPeriod: 2 * DAY, minLock: 100 },
            issuance: 10_499_000, // the first halving falls inside the run
          });
          const issuance0 = state.issuance;
          let emitted = 0;
          for (const intents of steps) {
            const before = state.recycledTao;
            const report = kernelStep({ state, params, intents });
            emitted += report.emitted;
            expect(report.filled.length).toBe(intents.length);
            const b = kernelBalance(state);
            expect(b.taoError).toBeLessThan(1e-6);
            expect(b.alphaError).toBeLessThan(1e-9);
            expect(b.minAmount).toBeGreaterThan(-1e-6);
            expect(state.recycledTao).toBeGreaterThanOrEqual(before - 1e-6);
          }
          // Issuance moves only by what subnets received, less what dissolutions recycled.
          expect(state.issuance).toBeLessThanOrEqual(issuance0 + emitted + 1e-6);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('kernelStep: coinbase', () => {
  it('a day step follows 7200 one-block steps', () => {
    const day = network({ params: { blocksPerStep: DAY } });
    const block = network({ params: { blocksPerStep: 1 } });
    for (let d = 0; d < 5; d++) {
      kernelStep(day);
      for (let b = 0; b < DAY; b++) kernelStep(block);
    }
    const a = day.state.columns;
    const b = block.state.columns;
    const rel = (x: number, y: number) => Math.abs(x / y - 1);
    for (let i = 0; i < 8; i++) {
      expect(rel(spotAt(a, i), spotAt(b, i))).toBeLessThan(2e-4);
      expect(rel(a.movingPrice[i]!, b.movingPrice[i]!)).toBeLessThan(2e-4);
      expect(rel(a.taoReserve[i]!, b.taoReserve[i]!)).toBeLessThan(2e-4);
      expect(rel(a.alphaOut[i]!, b.alphaOut[i]!)).toBeLessThan(2e-4);
    }
    expect(day.state.issuance).toBeCloseTo(block.state.issuance, 6);
  });

  it('splits a step at the halving', () => {
    const { params, state } = network({ issuance: 10_500_000 - 1000 });
    const report = kernelStep({ state, params });
    // 1000 blocks at 1 TAO, then 6200 at 0.5 TAO.
    expect(report.emitted).toBeCloseTo(1000 + 6200 * 0.5, 6);
    expect(state.block).toBe(DAY);
  });

  it('pays each tempo crossed and keeps what accrued after the last epoch pending', () => {
    const { params, state } = network({ params: { slots: 12 } });
    const report = kernelStep({ state, params });
    expect(report.epochs).toBe(8 * 20);
    const c = state.columns;
    for (let i = 0; i < 8; i++) {
      // Slot i's epochs fall at blocks ≡ −(i + 1) (mod 360): the last one is (i + 1) blocks before the end.
      expect(c.lastEpochBlock[i]).toBe(DAY - (i + 1));
      const e = 1; // alpha emission per block below 10.5M issuance
      const ownerRate = params.ownerCut * e;
      expect(c.pendingOwner[i]).toBeCloseTo(ownerRate * (i + 1), 9);
      expect(c.pendingServer[i]).toBeCloseTo(((e - ownerRate) / 2) * (i + 1), 9);
    }
  });

  it('root alpha accrues to root stakers when moving prices sum above 1, else is recycled', () => {
    const rich = network({ params: { blocksPerStep: 360 * 3 } });
    for (let i = 0; i < 8; i++) rich.state.columns.movingPrice[i] = 0.2;
    const poor = network({ params: { blocksPerStep: 360 * 3 } });
    for (let i = 0; i < 8; i++) poor.state.columns.movingPrice[i] = 0.1;
    const root0 = holding(rich.state, 'root', 0);
    kernelStep(rich);
    kernelStep(poor);
    expect(holding(rich.state, 'root', 0)).toBeGreaterThan(root0);
    expect(holding(poor.state, 'root', 0)).toBe(0);
    expect(poor.state.columns.pendingRoot[0]).toBe(0);
    expect(poor.state.columns.alphaOut[0]!).toBeLessThan(rich.state.columns.alphaOut[0]!);
  });

  it('a subnet with emission disabled gets no TAO but keeps minting alpha out', () => {
    const { params, state } = network({});
    const report = kernelStep({
      state,
      params,
      intents: [{ kind: 'setEmissionEnabled', slot: 2, enabled: false }],
    });
    expect(report.filled).toEqual([1]);
    expect(state.columns.emittedTao[2]).toBe(0);
    expect(state.columns.emittedAlpha[2]).toBeCloseTo(DAY, 6);
    expect(report.emitted).toBeCloseTo(DAY, 6); // the others took it all
  });

  it('owner mining: the detected part is burned and cuts the share, the rest goes to the owner', () => {
    const honest = network({});
    const mining = network({});
    const intents = [{ kind: 'ownerMining' as const, slot: 1, detected: 0.4, undetected: 0.2 }];
    kernelStep(honest);
    kernelStep({ ...mining, intents });
    expect(mining.state.columns.minerBurned[1]).toBe(0.4);
    expect(mining.state.columns.burnedAlpha[1]!).toBeGreaterThan(0);
    expect(holding(mining.state, 'owner', 1)).toBeGreaterThan(holding(honest.state, 'owner', 1));
    expect(holding(mining.state, 'miner', 1)).toBeLessThan(holding(honest.state, 'miner', 1));
    // Next step, subnet 1's TAO share is cut by the MinerBurned weighting.
    kernelStep({ ...mining, intents });
    kernelStep(honest);
    const got = mining.state.columns.emittedTao[1]!;
    const fair = honest.state.columns.emittedTao[1]!;
    expect(got).toBeLessThan(fair * 0.8);
  });
});

describe('kernelStep: intents', () => {
  it('stake and unstake go through the pool with the fee; unstakes are clamped to holdings', () => {
    const { params, state } = network({});
    const report = kernelStep({
      state,
      params,
      intents: [
        { kind: 'stake', slot: 0, tao: 100, holder: 'speculator' },
        { kind: 'unstake', slot: 0, alpha: 1e12, holder: 'speculator' },
      ],
    });
    expect(report.filled[0]).toBe(100);
    const bought = report.received[0]!;
    expect(bought).toBeGreaterThan(0);
    expect(bought).toBeLessThan(100 / 0.01);
    // The unstake sold everything the speculators held: what they had at genesis (0) plus the purchase.
    expect(report.filled[1]).toBeCloseTo(bought, 9);
    expect(report.proceeds[1]!).toBeLessThan(100);
    expect(report.proceeds[1]!).toBeGreaterThan(99.8); // two fees of 0.05%
    expect(holding(state, 'speculator', 0)).toBe(0);
  });

  it('buybacks burn, burnRegister destroys and keeps the fee in the subnet account', () => {
    const { params, state } = network({});
    const out0 = state.columns.alphaOut[3]!;
    const report = kernelStep({
      state: state,
      params: { ...params, blocksPerStep: 1 },
      intents: [
        { kind: 'buyback', slot: 3, tao: 50 },
        { kind: 'burnRegister', slot: 4, tao: 2 },
      ],
    });
    expect(report.filled).toEqual([50, 2]);
    expect(state.columns.burnedAlpha[3]!).toBeGreaterThan(0);
    expect(state.columns.alphaOut[3]!).toBeGreaterThan(out0); // burned alpha stays in AlphaOut
    expect(state.columns.accountTao[4]).toBeCloseTo(2 * (33 / 65_535), 9);
    expect(state.columns.burnedValueTao[4]).toBeCloseTo(2 - state.columns.accountTao[4]!, 9);
  });

  it('registers in a free slot at the median price, then prunes the lowest EMA when full', () => {
    const { params, state } = network({
      params: { slots: 9, networkRateLimit: 0, networkImmunityPeriod: 1000, blocksPerStep: 360 },
    });
    kernelStep({ state, params }); // block 0 would read as "never registered"
    const medianPrice = (spotAt(state.columns, 3) + spotAt(state.columns, 4)) / 2;
    const first = kernelStep({ state, params, intents: [{ kind: 'register', startImmediately: false }] });
    expect(first.registered).toEqual([8]);
    expect(first.filled[0]).toBe(1000); // the minimum lock: nothing registered before
    expect(spotAt(state.columns, 8)).toBeCloseTo(medianPrice, 12);
    expect(state.columns.startBlock[8]).toBe(Number.POSITIVE_INFINITY);
    expect(state.columns.emittedAlpha[8]).toBe(0); // not started: no emission
    const lowest = 0; // subnet 0 has the lowest moving price
    const specAlpha = holding(state, 'staker', lowest);
    const external = state.external;
    const second = kernelStep({ state, params, intents: [{ kind: 'register', startImmediately: true }] });
    expect(second.pruned).toEqual([lowest]);
    expect(second.registered).toEqual([lowest]);
    expect(second.filled[0]).toBeGreaterThan(1000); // the lock doubles, then decays
    expect(second.dissolutionTao[HOLDER_INDEX.staker]!).toBeGreaterThan(0);
    expect(specAlpha).toBeGreaterThan(0);
    expect(state.external).toBeGreaterThan(external - second.filled[0]!);
    expect(kernelBalance(state).taoError).toBeLessThan(1e-12);
  });

  it('a rate-limited registration is refused', () => {
    const { params, state } = network({ params: { networkRateLimit: 28_800 } });
    kernelStep({ state, params }); // block 0 would read as "never registered"
    const r = kernelStep({
      state,
      params,
      intents: [
        { kind: 'register', startImmediately: true },
        { kind: 'register', startImmediately: true },
      ],
    });
    expect(r.registered).toEqual([8]);
    expect(r.filled[1]).toBe(0);
  });
});

describe('cloneKernelState', () => {
  it('forks: stepping the copy leaves the original untouched', () => {
    const { params, state } = network({});
    const copy = cloneKernelState(state);
    kernelStep({ state: copy, params, intents: [{ kind: 'stake', slot: 1, tao: 10, holder: 'staker' }] });
    expect(state.block).toBe(0);
    expect(copy.block).toBe(DAY);
    expect(state.columns.taoReserve[1]).toBe(subnet(1).taoReserve);
  });
});
