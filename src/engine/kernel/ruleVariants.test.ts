/**
 * The kernel runs a pack's dated variants (`params.ruleVariant`): dtao's launch terms against the spec's
 * worked examples (rulepacks.md §2.8) and against the exact engine's launch implementation, supply
 * conservation under them, the other settings the kernel honours (`keepBoughtAlpha`, `flowCap`), and
 * an absent variant running the pack's last form unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBlock } from '../chain/applyBlock.ts';
import { spotPrice } from '../chain/poolOps.ts';
import { RAO_PER_TAO } from '../chainConstants.ts';
import { stakeProportionalEpoch } from '../epoch/stakeProportionalEpoch.ts';
import { TensormarketError } from '../errors.ts';
import { toF64, U64F64 } from '../fixed/index.ts';
import { createGenesis } from '../genesis/createGenesis.ts';
import { RULE_PACK_TRAITS, RULE_PACKS, variantSettings } from '../rules/rulePack.ts';
import type { ChainState } from '../state/types.ts';
import { ROOT_NETUID } from '../types.ts';
import { createKernelState, type KernelSubnetInit } from './createKernelState.ts';
import { DEFAULT_KERNEL_PARAMS } from './defaultKernelParams.ts';
import { kernelBalance } from './kernelBalance.ts';
import { userIntents } from './kernelIntents.testkit.ts';
import { kernelParamsFromChain, kernelStateFromChain } from './kernelStateFromChain.ts';
import { kernelStep } from './kernelStep.ts';
import { spotAt } from './poolSwapTao.ts';
import type { KernelIntent, KernelParams, KernelRulePack, KernelState } from './types.ts';

const DAY = 7200;
const DTAO: KernelRulePack = 'dtao-2025-02';
const RAO = Number(RAO_PER_TAO);

/** Subnets at the given pools (TAO, alpha) and moving prices, started, with holders; slots 8. */
function network(args: {
  pack: KernelRulePack;
  variant?: string;
  pools: ReadonlyArray<readonly [number, number]>;
  movingPrices?: readonly number[];
  over?: Partial<KernelParams>;
  rootStake?: number;
  issuance?: number;
  flowEma?: number;
}): { params: KernelParams; state: KernelState } {
  const params: KernelParams = {
    ...DEFAULT_KERNEL_PARAMS,
    slots: 8,
    rulePack: args.pack,
    ...(args.variant === undefined ? {} : { ruleVariant: args.variant }),
    ...args.over,
  };
  const subnets: KernelSubnetInit[] = args.pools.map(([tao, alpha], i) => ({
    taoReserve: tao,
    alphaIn: alpha,
    movingPrice: args.movingPrices?.[i] ?? tao / alpha,
    registeredAt: -1_000_000,
    startBlock: 0,
    lastEpochBlock: i,
    holdings: { staker: 20_000, speculator: 50_000 },
    flowEma: args.flowEma ?? 0,
  }));
  const state = createKernelState({
    params,
    subnets,
    issuance: args.issuance ?? 10_000_000,
    rootStake: args.rootStake ?? 0,
    block: 1,
  });
  return { params, state };
}

describe('dtao launch terms: rulepacks.md §2.8 worked examples (one block, E = 1 TAO)', () => {
  it('example 1, no cap: alpha_in = T/p, all TAO injected, issuance +E, prices kept', () => {
    const { params, state } = network({
      pack: DTAO,
      variant: 'launch',
      pools: [
        [600, 1000],
        [900, 1000],
      ],
      over: { blocksPerStep: 1 },
    });
    const issuance0 = state.issuance;
    const report = kernelStep({ state, params });
    const c = state.columns;
    expect(report.emitted).toBeCloseTo(1, 12);
    expect(state.issuance - issuance0).toBeCloseTo(1, 12);
    expect(state.uncountedTao).toBe(0);
    expect([c.injectedTao[0], c.injectedTao[1]]).toEqual([expect.closeTo(0.4, 12), expect.closeTo(0.6, 12)]);
    expect([c.chainBuyTao[0], c.chainBuyTao[1]]).toEqual([0, 0]);
    // alpha_in = T/p = 0.6667 alpha for both (below A = 1).
    expect(c.alphaIn[0]! - 1000).toBeCloseTo(2 / 3, 9);
    expect(c.alphaIn[1]! - 1000).toBeCloseTo(2 / 3, 9);
    expect(spotAt(c, 0)).toBeCloseTo(0.6, 12);
    expect(spotAt(c, 1)).toBeCloseTo(0.9, 12);
  });

  it('example 2, Σp < 1: alpha_in = A, all TAO injected anyway, prices rise', () => {
    const { params, state } = network({
      pack: DTAO,
      variant: 'launch',
      pools: [
        [250, 1000],
        [500, 1000],
      ],
      over: { blocksPerStep: 1 },
    });
    const issuance0 = state.issuance;
    kernelStep({ state, params });
    const c = state.columns;
    expect(state.issuance - issuance0).toBeCloseTo(1, 12);
    expect(state.uncountedTao).toBe(0);
    expect(c.injectedTao[0]).toBeCloseTo(1 / 3, 12);
    expect(c.injectedTao[1]).toBeCloseTo(2 / 3, 12);
    expect([c.chainBuyTao[0], c.chainBuyTao[1]]).toEqual([0, 0]);
    expect([c.alphaIn[0], c.alphaIn[1]]).toEqual([1001, 1001]);
    expect(spotAt(c, 0)).toBeCloseTo(0.250_083_3, 7);
    expect(spotAt(c, 1)).toBeCloseTo(0.500_166_5, 7);
  });

  it('the same block under the subsidy terms (the default) chain-buys and counts only tao_in', () => {
    const { params, state } = network({
      pack: DTAO,
      pools: [
        [250, 1000],
        [500, 1000],
      ],
      over: { blocksPerStep: 1 },
    });
    const issuance0 = state.issuance;
    kernelStep({ state, params });
    expect(state.issuance - issuance0).toBeCloseTo(0.75, 9);
    expect(state.columns.chainBuyTao[0]).toBeGreaterThan(0);
  });

  it('root alpha is sold on every subnet, capped or not, for TAO staked on root', () => {
    const { params, state } = network({
      pack: DTAO,
      variant: 'launch',
      pools: [
        [250, 1000],
        [900, 1000],
      ],
      rootStake: 1e5,
    });
    const root0 = state.rootStake;
    const alphaOut0 = [state.columns.alphaOut[0]!, state.columns.alphaOut[1]!];
    kernelStep({ state, params });
    const c = state.columns;
    expect(state.rootStake).toBeGreaterThan(root0);
    for (const i of [0, 1]) {
      expect(c.chainBuyTao[i]).toBe(0);
      expect(c.unownedAlpha[i]).toBe(0);
      // AlphaOut grew by the day's alpha less the root alpha that went back to the pool.
      expect(c.alphaOut[i]! - alphaOut0[i]!).toBeLessThan(DAY);
    }
  });
});

describe('dtao launch terms: the kernel against the exact engine', () => {
  const TAO = RAO_PER_TAO;
  const BLOCKS = 300;

  /** A small network with random pools, moving prices and root stake, under the launch variant. */
  function genesis(args: {
    prices: readonly number[];
    reserves: readonly number[];
    emaRatio: readonly number[];
    rootStake: number;
  }): ChainState {
    const rao = (tao: number) => BigInt(Math.round(tao * RAO));
    const subnets = args.prices.map((p, i) => {
      const n = i + 1;
      const tao = args.reserves[i]!;
      return {
        netuid: n,
        ownerColdkey: `owner${n}`,
        ownerHotkey: `owner-hk${n}`,
        taoReserve: rao(tao),
        alphaIn: rao(tao / p),
        movingPrice: p * args.emaRatio[i]!,
        neurons: [
          { hotkey: `v${n}`, coldkey: `vc${n}`, stake: rao(tao / p), validatorPermit: true },
          { hotkey: `m${n}`, coldkey: `mc${n}` },
        ],
      };
    });
    const pools = subnets.reduce((s, x) => s + x.taoReserve, 0n);
    const root = rao(args.rootStake);
    return createGenesis({
      sudo: 'sudo',
      author: 'author',
      rulePack: DTAO,
      rules: variantSettings(DTAO, 'launch'),
      balances: { whale: 9_000_000n * TAO - pools - root },
      rootStakes: [{ coldkey: 'root-ck', hotkey: 'root-hk', amount: root }],
      subnets,
    });
  }

  const rel = (kernel: number, exact: number) => Math.abs(kernel - exact) / Math.abs(exact);

  /** Largest relative differences after `BLOCKS` blocks at a kernel step of `blocksPerStep`. */
  function divergence(chain: ChainState, exact: ChainState, blocksPerStep: number) {
    const params: KernelParams = {
      ...kernelParamsFromChain(chain, blocksPerStep),
      rulePack: DTAO,
      ruleVariant: 'launch',
    };
    const state = kernelStateFromChain({ chain, params });
    while (state.block < chain.block + BLOCKS) kernelStep({ state, params });
    const c = state.columns;
    const out = { price: 0, taoReserve: 0, alphaReserve: 0, issuance: 0, rootTao: 0 };
    let pendingRootTao = 0;
    for (const s of exact.subnets.values()) {
      if (s.netuid === ROOT_NETUID) continue;
      const i = s.netuid - 1;
      out.price = Math.max(out.price, rel(spotAt(c, i), toF64(U64F64, spotPrice(s))));
      out.taoReserve = Math.max(out.taoReserve, rel(c.taoReserve[i]!, Number(s.taoReserve) / RAO));
      out.alphaReserve = Math.max(out.alphaReserve, rel(c.alphaIn[i]!, Number(s.alphaIn) / RAO));
      pendingRootTao += Number(s.pendingRootTao) / RAO;
    }
    out.issuance = rel(state.issuance, Number(exact.totalIssuance) / RAO);
    // The kernel stakes root sells on root at once; the chain keeps them pending until the epoch.
    const exactRoot = Number(exact.subnets.get(ROOT_NETUID)!.taoReserve) / RAO + pendingRootTao;
    out.rootTao = rel(state.rootStake, exactRoot);
    return { ...out, rootGain: state.rootStake - Number(chain.subnets.get(ROOT_NETUID)!.taoReserve) / RAO };
  }

  it('agrees over 300 blocks on small random networks, capped and uncapped, at steps of 1 and 60', () => {
    const subnets = fc.integer({ min: 2, max: 5 });
    const network = subnets.chain((n) => {
      const column = (min: number, max: number) =>
        fc.array(fc.double({ min, max, noNaN: true }), { minLength: n, maxLength: n });
      return fc.record({
        prices: column(0.02, 0.9),
        reserves: column(2_000, 20_000),
        emaRatio: column(0.5, 1.5),
        // Root stake well above a tempo's root dividends: the kernel stakes sold root alpha's TAO on root
        // at once, the chain at the subnet's epoch, so a tiny root stake would see its rp drift apart.
        rootStake: fc.double({ min: 50_000, max: 2_000_000, noNaN: true }),
      });
    });
    const seen = { capped: 0, uncapped: 0 };
    fc.assert(
      fc.property(network, (net) => {
        // Capped at the first block when T/p > A, i.e. m_i / (Σm · p_i) > 1 with E = A = 1.
        const m = net.prices.map((p, i) => p * net.emaRatio[i]!);
        const sum = m.reduce((a, b) => a + b, 0);
        m.forEach((mi, i) => {
          if (mi / (sum * net.prices[i]!) > 1) seen.capped++;
          else seen.uncapped++;
        });
        const chain = genesis(net);
        let exact = chain;
        for (let b = 0; b < BLOCKS; b++)
          exact = applyBlock(exact, [], { epoch: stakeProportionalEpoch }).state;
        const perBlock = divergence(chain, exact, 1);
        expect(perBlock.rootGain).toBeGreaterThan(0);
        expect(perBlock.price).toBeLessThan(1e-4);
        expect(perBlock.taoReserve).toBeLessThan(1e-4);
        expect(perBlock.alphaReserve).toBeLessThan(1e-4);
        expect(perBlock.issuance).toBeLessThan(1e-12);
        expect(perBlock.rootTao).toBeLessThan(1e-4);
        // Spans sell the root alpha once, after the span's injections (the chain: after each block's).
        const spans = divergence(chain, exact, 60);
        expect(spans.price).toBeLessThan(1e-3);
        expect(spans.taoReserve).toBeLessThan(1e-3);
        expect(spans.alphaReserve).toBeLessThan(1e-3);
        expect(spans.issuance).toBeLessThan(1e-12);
        expect(spans.rootTao).toBeLessThan(1e-3);
      }),
      { numRuns: 6 },
    );
    expect(seen.capped).toBeGreaterThan(0);
    expect(seen.uncapped).toBeGreaterThan(0);
  }, 120_000);
});

describe('dtao launch terms: conservation', () => {
  const slot = fc.integer({ min: 0, max: 7 });
  const intent: fc.Arbitrary<KernelIntent> = fc.oneof(...userIntents(slot));

  it('TAO issued (+ uncounted) equals TAO held, and alpha is accounted, over a hundred random steps', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 360, DAY),
        fc.array(fc.array(intent, { maxLength: 4 }), { minLength: 100, maxLength: 100 }),
        (blocksPerStep, steps) => {
          // Σp < 1: the cap binds and prices rise, the case the launch terms differ on.
          const { params, state } = network({
            pack: DTAO,
            variant: 'launch',
            pools: [
              [300, 1000],
              [200, 1000],
              [100, 1000],
              [50, 1000],
              [20, 1000],
            ],
            over: { blocksPerStep, networkRateLimit: 0, networkImmunityPeriod: 2 * DAY, minLock: 100 },
            rootStake: 2e5,
          });
          let issued = 0;
          for (const intents of steps) {
            const before = state.issuance;
            const report = kernelStep({ state, params, intents });
            // Issuance grows by every TAO that entered a subnet (nothing is chain-bought or uncounted),
            // unless a pruned subnet's protocol share was recycled.
            if (report.pruned.length === 0) {
              expect(state.issuance - before).toBeCloseTo(report.emitted, 6);
              issued += state.issuance - before;
            }
            const b = kernelBalance(state);
            expect(b.taoError).toBeLessThan(1e-6);
            expect(b.alphaError).toBeLessThan(1e-9);
            expect(b.minAmount).toBeGreaterThan(-1e-6);
          }
          expect(state.uncountedTao).toBe(0);
          expect(issued).toBeGreaterThan(0);
          for (let i = 0; i < 8; i++) expect(state.columns.chainBuyTao[i]).toBe(0);
        },
      ),
      { numRuns: 3 },
    );
  });
});

describe('other dated settings the kernel honours', () => {
  it('netflow 2026-05-27 recycles chain-bought alpha; 2026-06-01 (and no variant) keeps it', () => {
    const run = (variant?: string) => {
      const { params, state } = network({
        pack: 'netflow-2026-05',
        ...(variant === undefined ? {} : { variant }),
        pools: [
          [200, 1000],
          [100, 1000],
        ],
        rootStake: 1e5,
        flowEma: 0.1,
      });
      const out0 = state.columns.alphaOut[0]!;
      kernelStep({ state, params });
      const c = state.columns;
      return { bought: c.chainBuyTao[0]!, kept: c.protocolAlpha[0]!, outGrowth: c.alphaOut[0]! - out0 };
    };
    const recycled = run('2026-05-27');
    const kept = run('2026-06-01');
    expect(recycled.bought).toBeGreaterThan(0);
    expect(recycled.kept).toBe(0);
    expect(kept.kept).toBeGreaterThan(0);
    expect(kept.outGrowth - recycled.outGrowth).toBeCloseTo(kept.kept, 6);
    expect(run()).toEqual(kept);
  });

  it('taoflow before 2025-12-12 caps alpha_in at A, from then at min(A, E) (after the halving E = 0.5)', () => {
    const injected = (variant: string) => {
      const { params, state } = network({
        pack: 'taoflow-2025-11',
        variant,
        pools: [[10, 1000]],
        issuance: 11_000_000, // past the first halving: E = 0.5 TAO, A = 1 alpha
        over: { blocksPerStep: 1 },
        flowEma: 0.1,
      });
      kernelStep({ state, params });
      return { tao: state.columns.injectedTao[0]!, bought: state.columns.chainBuyTao[0]! };
    };
    // p = 0.01 and T = E = 0.5: T/p = 50 alpha, so the cap binds and tao_in = cap·p.
    const early = injected('2025-11-10');
    const late = injected('2025-12-12');
    expect(early.tao).toBeCloseTo(0.01, 12);
    expect(late.tao).toBeCloseTo(0.005, 12);
    expect(early.tao + early.bought).toBeCloseTo(0.5, 12);
    expect(late.tao + late.bought).toBeCloseTo(0.5, 12);
  });
});

describe('ruleVariant: names and defaults', () => {
  it('an unknown variant throws UNKNOWN_RULE_VARIANT, at creation and at the first step', () => {
    const bad = { ...DEFAULT_KERNEL_PARAMS, slots: 8, rulePack: DTAO, ruleVariant: 'subsidy-2' };
    const create = () => network({ pack: DTAO, variant: 'subsidy-2', pools: [[100, 1000]] });
    expect(create).toThrow(TensormarketError);
    expect(create).toThrow(/dtao-2025-02 has no variant "subsidy-2"/);
    try {
      create();
    } catch (e) {
      expect((e as TensormarketError).code).toBe('UNKNOWN_RULE_VARIANT');
    }
    const { state } = network({ pack: DTAO, pools: [[100, 1000]] });
    expect(() => kernelStep({ state, params: bad })).toThrow(/has no variant "subsidy-2"/);
    // A variant of another pack is unknown to this one.
    expect(() => network({ pack: 'price-2026-06', variant: 'launch', pools: [[100, 1000]] })).toThrow(
      /price-2026-06 has no variant "launch"/,
    );
  });

  /** Every column's bytes and every scalar of a state, for a byte-for-byte comparison. */
  const bytesOf = (state: KernelState) => {
    const { columns, neurons: _, ...scalars } = state;
    const cols = Object.entries(columns).map(
      ([k, v]) => [k, new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength))] as const,
    );
    return { scalars, cols };
  };

  it.each(RULE_PACKS.filter((p) => RULE_PACK_TRAITS[p].variants.length > 0))(
    '%s: no variant runs the pack as its last variant does, byte for byte',
    (pack) => {
      const variants = RULE_PACK_TRAITS[pack].variants;
      const last = variants[variants.length - 1]!.variant;
      const run = (variant?: string) => {
        const { params, state } = network({
          pack,
          ...(variant === undefined ? {} : { variant }),
          pools: [
            [300, 1000],
            [120, 1000],
            [40, 1000],
            [15, 1000],
          ],
          movingPrices: [0.32, 0.1, 0.05, 0.012],
          rootStake: 3e5,
          flowEma: 0.05,
        });
        const intents: KernelIntent[] = [
          { kind: 'stake', slot: 1, tao: 80, holder: 'speculator' },
          { kind: 'unstake', slot: 0, alpha: 900, holder: 'staker' },
        ];
        for (let d = 0; d < 20; d++) kernelStep({ state, params, intents });
        return state;
      };
      const absent = run();
      const named = run(last);
      expect(bytesOf(absent)).toEqual(bytesOf(named));
      // The first variant's run differs (taoflow's differs only in the cap min(A, E), which equals A
      // before the first halving, as here).
      if (pack !== 'taoflow-2025-11') {
        expect(bytesOf(run(variants[0]!.variant))).not.toEqual(bytesOf(absent));
      }
    },
  );
});
