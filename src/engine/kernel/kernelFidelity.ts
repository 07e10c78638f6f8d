/**
 * Fidelity of the fast kernel against the exact engine: both run the same 30-day scenario from the same
 * genesis (the kernel's state is read off the exact one) and are compared at the end: emission shares,
 * spot prices and pool reserves of every subnet.
 *
 * The scenario: 16 subnets with varied reserves, prices, moving prices and stakes, a root stake, emission
 * enabled; daily stakes into four subnets and daily unstakes from three; one large stake and a partial
 * exit; neuron registrations (burned_register on the exact side, burnRegister with the same burn on the
 * kernel side) on three subnets; one network registration whose subnet starts at once, gets TAO emission
 * four days later and then a stake; an owner mining on its own subnet (MinerBurned); and the first TAO
 * halving, which falls inside a step. Most subnets are capped (chain buys), two are not.
 *
 * Time is compressed by `timeScale`. The exact engine runs every block through `applyBlock` with the
 * stand-in epoch; with chain buys on most subnets it does ~300 blocks/s here (the swaps take the
 * safe-bigmath approximate power path once injections move w_q off exactly 0.5), so 216,000 blocks would
 * take ~12 minutes. The default, 24, makes a day 300 blocks (9,000 blocks, ~30 s) and scales every rate
 * so that a compressed day does what a real day does: tempo, EMA halving period, SubnetMovingAlpha and
 * the lock parameters by s; pools, root stake, flows and lock by 1/s against the unchanged 1 TAO per
 * block. Per-block moves are then s times larger relative to the pools (still ~1e-3), and the EMA is
 * floored s times less often. `timeScale: 5` (43,200 blocks) and `1` run closer to the real size.
 */
import { applyBlock } from '../chain/applyBlock.ts';
import type { Extrinsic } from '../chain/extrinsics.ts';
import { spotPrice } from '../chain/poolOps.ts';
import { subnetsToEmitTo } from '../chain/runCoinbase.ts';
import { BLOCKS_PER_DAY, RAO_PER_TAO } from '../chainConstants.ts';
import { movingAlphaPrice } from '../coinbase/movingPrice.ts';
import { subnetTaoEmissions } from '../coinbase/shares.ts';
import { stakeProportionalEpoch } from '../epoch/stakeProportionalEpoch.ts';
import { InputError, invariant } from '../errors.ts';
import { type I96F32, toF64, U64F64, U96F32 } from '../fixed/index.ts';
import { createGenesis } from '../genesis/createGenesis.ts';
import { DEFAULT_CHAIN_PARAMS } from '../state/defaults.ts';
import type { ChainState } from '../state/types.ts';
import { emissionSharesF64 } from './emissionSharesF64.ts';
import { kernelParamsFromChain, kernelStateFromChain } from './kernelStateFromChain.ts';
import { kernelStep } from './kernelStep.ts';
import { spotAt } from './poolSwapTao.ts';
import type { KernelIntent, KernelState } from './types.ts';

/** Step lengths the kernel can be checked at. */
export type FidelityStep = 'day' | 'tempo' | 'block';

/** Largest relative difference (kernel vs exact) over the subnets at the end, per quantity. */
export interface FidelityRun {
  readonly step: FidelityStep;
  readonly blocksPerStep: number;
  readonly share: number;
  readonly price: number;
  readonly taoReserve: number;
  readonly alphaReserve: number;
  /** Alpha outside the pools (not part of the bound: holders are modelled per class). */
  readonly alphaOut: number;
  readonly issuance: number;
  /** The bound checked: the largest of share, price and the two reserves. */
  readonly max: number;
}

/** The scenario's size and the divergence of each kernel step length. */
export interface FidelityReport {
  readonly timeScale: number;
  readonly days: number;
  readonly blocks: number;
  readonly subnets: number;
  readonly runs: readonly FidelityRun[];
}

const TAO = RAO_PER_TAO;
const RAO = Number(RAO_PER_TAO);
const SUBNETS = 16;
const NEW_NETUID = SUBNETS + 1;
/** Real-size scenario (TAO, before compression): reserves, prices, moving price / price, stake / alphaIn. */
const RESERVE_K = [3, 5, 8, 12, 20, 30, 45, 60, 4, 6, 10, 15, 25, 35, 50, 80];
const PRICE = [
  0.008, 0.016, 0.024, 0.04, 0.06, 0.1, 0.16, 0.24, 0.012, 0.02, 0.03, 0.05, 0.08, 0.12, 0.2, 0.4,
];
const EMA_RATIO = [1.3, 0.7, 1.1, 0.9, 1.2, 0.8, 1, 1.25, 0.75, 1.15, 0.85, 1.05, 0.95, 1.2, 0.8, 1.1];
const STAKE_RATIO = [0.3, 1, 2, 0.5, 1.5, 0.8, 3, 0.4, 1.2, 0.6, 2.5, 0.9, 0.2, 1.8, 0.7, 1.1];
const ROOT_STAKE = 3_000_000;
/** The owner of this subnet sets part of its validator's weight on its own UID (owner mining). */
const OWNER_MINING_NETUID = 5;
const OWNER_WEIGHT = 28_086;
const MINER_WEIGHT = 65_535;

/** One scripted action of a day, in real-size units. */
type Action =
  | { readonly kind: 'stake'; readonly netuid: number; readonly tao: number }
  | { readonly kind: 'unstake'; readonly netuid: number; readonly alpha: number }
  | { readonly kind: 'exit'; readonly netuid: number; readonly alpha: number }
  | { readonly kind: 'registerNeuron'; readonly netuid: number; readonly hotkey: string }
  | { readonly kind: 'registerNetwork' }
  | { readonly kind: 'enableEmission'; readonly netuid: number };

/** The actions of day `d` (applied at block d × dayBlocks, days 1 … days − 1). */
function actions(d: number): Action[] {
  const out: Action[] = [];
  for (const [n, tao] of [
    [1, 400],
    [2, 250],
    [3, 600],
    [4, 150],
  ] as const) {
    out.push({ kind: 'stake', netuid: n, tao: tao * (1 + 0.1 * (d % 3)) });
  }
  for (const n of [9, 10, 11]) out.push({ kind: 'unstake', netuid: n, alpha: 0.004 * alphaIn(n) });
  if (d === 10) out.push({ kind: 'stake', netuid: 8, tao: 5_000 });
  if (d === 20) out.push({ kind: 'exit', netuid: 8, alpha: 10_000 });
  if (d === 5) out.push({ kind: 'registerNeuron', netuid: 3, hotkey: 'reg-a' });
  if (d === 12) out.push({ kind: 'registerNeuron', netuid: 9, hotkey: 'reg-b' });
  if (d === 21) out.push({ kind: 'registerNeuron', netuid: 12, hotkey: 'reg-c' });
  if (d === 22) out.push({ kind: 'registerNeuron', netuid: 12, hotkey: 'reg-d' });
  if (d === 8) out.push({ kind: 'registerNetwork' });
  if (d === 12) out.push({ kind: 'enableEmission', netuid: NEW_NETUID });
  if (d === 15) out.push({ kind: 'stake', netuid: NEW_NETUID, tao: 300 });
  return out;
}

const alphaIn = (n: number) => (RESERVE_K[n - 1]! * 1000) / PRICE[n - 1]!;
const raoOf = (tao: number, scale: number) => BigInt(Math.round((tao / scale) * RAO));
const validatorOf = (n: number) => (n === NEW_NETUID ? 'new-owner' : `v${n}`);

interface Scenario {
  readonly scale: number;
  readonly days: number;
  readonly dayBlocks: number;
  readonly genesis: ChainState;
}

function scenario(scale: number, days: number): Scenario {
  const p = DEFAULT_CHAIN_PARAMS;
  if (!Number.isInteger(p.defaultTempo / scale) || scale < 1) {
    throw new InputError(
      'timeScale',
      `must be a whole divisor of ${p.defaultTempo} (the tempo), e.g. 1, 5 or 24`,
    );
  }
  const dayBlocks = BLOCKS_PER_DAY / scale;
  const subnets = Array.from({ length: SUBNETS }, (_, i) => {
    const n = i + 1;
    const weights: Array<readonly [number, number]> =
      n === OWNER_MINING_NETUID
        ? [
            [0, OWNER_WEIGHT],
            [2, MINER_WEIGHT],
          ]
        : [[2, MINER_WEIGHT]];
    return {
      netuid: n,
      ownerColdkey: `owner${n}`,
      ownerHotkey: `owner-hk${n}`,
      taoReserve: raoOf(RESERVE_K[i]! * 1000, scale),
      alphaIn: raoOf(alphaIn(n), scale),
      movingPrice: PRICE[i]! * EMA_RATIO[i]!,
      // A validator cut-off longer than a day: weights are set once a day.
      epoch: { activityCutoffFactorMilli: 50_000 },
      neurons: [
        {
          hotkey: `v${n}`,
          coldkey: `vc${n}`,
          stake: raoOf(alphaIn(n) * STAKE_RATIO[i]!, scale),
          validatorPermit: true,
          weights,
        },
        { hotkey: `m${n}`, coldkey: `mc${n}` },
      ],
    };
  });
  // The first halving (10.5M TAO at 1 TAO per block) falls 15.3 days in, inside a step.
  const pools = subnets.reduce((s, x) => s + x.taoReserve, 0n);
  const root = raoOf(ROOT_STAKE, scale);
  const issuance = 10_500_000n * TAO - BigInt(Math.round(15.3 * dayBlocks)) * TAO;
  const genesis = createGenesis({
    sudo: 'sudo',
    author: 'author',
    params: {
      defaultTempo: p.defaultTempo / scale,
      emaPriceHalvingBlocks: p.emaPriceHalvingBlocks / scale,
      movingAlpha: p.movingAlpha * BigInt(scale),
      networkMinLock: p.networkMinLock / BigInt(scale),
      networkLockReductionInterval: p.networkLockReductionInterval / scale,
      networkRateLimit: p.networkRateLimit / scale,
      networkImmunityPeriod: p.networkImmunityPeriod / scale,
      childkeyCooldown: p.childkeyCooldown / scale,
    },
    balances: { whale: issuance - pools - root },
    rootStakes: [{ coldkey: 'root-ck', hotkey: 'root-hk', amount: root }],
    subnets,
  });
  return { scale, days, dayBlocks, genesis };
}

/** The exact run: its final state and the burn each neuron registration paid (TAO, keyed `day:netuid:hotkey`). */
function runExact(sc: Scenario): { state: ChainState; burns: Map<string, number> } {
  let state = sc.genesis;
  const burns = new Map<string, number>();
  const total = sc.days * sc.dayBlocks;
  for (let b = 1; b <= total; b++) {
    const day = b / sc.dayBlocks;
    const isDay = Number.isInteger(day) && day < sc.days;
    const extrinsics = isDay ? exactExtrinsics(day, sc.scale) : [];
    const result = applyBlock(state, extrinsics, { epoch: stakeProportionalEpoch });
    for (const r of result.receipts) {
      invariant(
        r.ok,
        'FIDELITY_SCENARIO',
        `${r.call} rejected on day ${day}: ${r.ok ? '' : r.error.message}`,
      );
    }
    for (const e of result.events) {
      if (e.type === 'NeuronRegistered') burns.set(`${day}:${e.netuid}:${e.hotkey}`, Number(e.burn) / RAO);
    }
    state = result.state;
  }
  return { state, burns };
}

function exactExtrinsics(day: number, scale: number): Extrinsic[] {
  const out: Extrinsic[] = [];
  for (const a of actions(day)) {
    switch (a.kind) {
      case 'stake':
        out.push({
          call: 'add_stake',
          signer: 'whale',
          hotkey: validatorOf(a.netuid),
          netuid: a.netuid,
          amount: raoOf(a.tao, scale),
        });
        break;
      case 'unstake':
        out.push({
          call: 'remove_stake',
          signer: `vc${a.netuid}`,
          hotkey: `v${a.netuid}`,
          netuid: a.netuid,
          amount: raoOf(a.alpha, scale),
        });
        break;
      case 'exit':
        out.push({
          call: 'remove_stake',
          signer: 'whale',
          hotkey: validatorOf(a.netuid),
          netuid: a.netuid,
          amount: raoOf(a.alpha, scale),
        });
        break;
      case 'registerNeuron':
        out.push({ call: 'burned_register', signer: 'whale', hotkey: a.hotkey, netuid: a.netuid });
        break;
      case 'registerNetwork':
        out.push({ call: 'register_network', signer: 'whale', hotkey: 'new-owner' });
        out.push({ call: 'start_call', signer: 'whale', netuid: NEW_NETUID });
        break;
      case 'enableEmission':
        out.push({ call: 'sudo_set_emission_enabled', signer: 'sudo', netuid: a.netuid, enabled: true });
        break;
    }
  }
  // Validators refresh their weights daily so they stay active.
  for (let n = 1; n <= SUBNETS; n++) {
    const weights = n === OWNER_MINING_NETUID ? [OWNER_WEIGHT, MINER_WEIGHT] : [MINER_WEIGHT];
    out.push({
      call: 'set_weights',
      signer: `v${n}`,
      netuid: n,
      uids: n === OWNER_MINING_NETUID ? [0, 2] : [2],
      weights,
    });
  }
  return out;
}

function kernelIntents(args: {
  day: number;
  scale: number;
  burns: ReadonlyMap<string, number>;
}): KernelIntent[] {
  const { day, scale } = args;
  const out: KernelIntent[] = [];
  for (const a of actions(day)) {
    switch (a.kind) {
      case 'stake':
        out.push({ kind: 'stake', slot: a.netuid - 1, tao: a.tao / scale, holder: 'speculator' });
        break;
      case 'unstake':
        out.push({ kind: 'unstake', slot: a.netuid - 1, alpha: a.alpha / scale, holder: 'staker' });
        break;
      case 'exit':
        out.push({ kind: 'unstake', slot: a.netuid - 1, alpha: a.alpha / scale, holder: 'speculator' });
        break;
      case 'registerNeuron': {
        const tao = args.burns.get(`${day}:${a.netuid}:${a.hotkey}`) ?? 0;
        out.push({ kind: 'burnRegister', slot: a.netuid - 1, tao });
        break;
      }
      case 'registerNetwork':
        out.push({ kind: 'register', startImmediately: true });
        break;
      case 'enableEmission':
        out.push({ kind: 'setEmissionEnabled', slot: a.netuid - 1, enabled: true });
        break;
    }
  }
  return out;
}

/** Withheld share of the owner-mining subnet's miner incentive, as the stand-in epoch splits it. */
const OWNER_MINING_SHARE = OWNER_WEIGHT / (OWNER_WEIGHT + MINER_WEIGHT);

function runKernel(sc: Scenario, args: { blocksPerStep: number; burns: Map<string, number> }): KernelState {
  const params = kernelParamsFromChain(sc.genesis, args.blocksPerStep);
  const state = kernelStateFromChain({ chain: sc.genesis, params });
  const total = sc.days * sc.dayBlocks;
  const mining: KernelIntent = {
    kind: 'ownerMining',
    slot: OWNER_MINING_NETUID - 1,
    detected: OWNER_MINING_SHARE,
    undetected: 0,
  };
  while (state.block < total) {
    const day = state.block / sc.dayBlocks;
    const daily =
      Number.isInteger(day) && day > 0 && day < sc.days
        ? kernelIntents({ day, scale: sc.scale, burns: args.burns })
        : [];
    kernelStep({ state, params, intents: [...daily, mining] });
  }
  return state;
}

/** Exact shares of the next block's TAO emission by netuid (U64F64 arithmetic of the chain). */
function exactShares(chain: ChainState): Map<number, number> {
  const emitting = subnetsToEmitTo([...chain.subnets.values()]);
  const scale = 10n ** 18n;
  const emissions = subnetTaoEmissions({
    blockEmission: scale,
    subnets: emitting.map((s) => ({
      movingPrice: movingAlphaPrice({ mechanism: s.mechanism, stored: s.movingPrice as I96F32 }),
      minerBurned: s.minerBurned,
      emissionEnabled: s.emissionEnabled,
    })),
  });
  return new Map(emitting.map((s, i) => [s.netuid as number, toF64(U96F32, emissions[i]!) / 1e18]));
}

const rel = (kernel: number, exact: number) =>
  exact === 0 ? Math.abs(kernel) : Math.abs(kernel - exact) / Math.abs(exact);

function compare(
  exact: ChainState,
  kernel: KernelState,
  step: FidelityStep,
  blocksPerStep: number,
): FidelityRun {
  const c = kernel.columns;
  const shares = new Float64Array(c.active.length);
  emissionSharesF64({ state: kernel, out: shares });
  const exactShare = exactShares(exact);
  let share = 0;
  let price = 0;
  let taoReserve = 0;
  let alphaReserve = 0;
  let alphaOut = 0;
  for (const s of exact.subnets.values()) {
    if (s.netuid === 0) continue;
    const i = s.netuid - 1;
    if (c.active[i] !== 1) throw new Error(`fidelity: kernel has no subnet in slot ${i}`);
    share = Math.max(share, rel(shares[i]!, exactShare.get(s.netuid) ?? 0));
    price = Math.max(price, rel(spotAt(c, i), toF64(U64F64, spotPrice(s))));
    taoReserve = Math.max(taoReserve, rel(c.taoReserve[i]!, Number(s.taoReserve) / RAO));
    alphaReserve = Math.max(alphaReserve, rel(c.alphaIn[i]!, Number(s.alphaIn) / RAO));
    alphaOut = Math.max(alphaOut, rel(c.alphaOut[i]!, Number(s.alphaOut) / RAO));
  }
  return {
    step,
    blocksPerStep,
    share,
    price,
    taoReserve,
    alphaReserve,
    alphaOut,
    issuance: rel(kernel.issuance, Number(exact.totalIssuance) / RAO),
    max: Math.max(share, price, taoReserve, alphaReserve),
  };
}

/**
 * Run the scenario on the exact engine and on the kernel at each step length; report the divergence.
 * @example kernelFidelity({ steps: ['day', 'tempo'] }).runs.map((r) => r.max) // each below 0.005
 */
export function kernelFidelity(options?: {
  /** Time compression (default 5; must divide 360). 1 runs 216,000 exact blocks. */
  readonly timeScale?: number;
  /** Days simulated (default 30). */
  readonly days?: number;
  readonly steps?: readonly FidelityStep[];
}): FidelityReport {
  const scale = options?.timeScale ?? 24;
  const sc = scenario(scale, options?.days ?? 30);
  const exact = runExact(sc);
  const tempo = sc.genesis.params.defaultTempo;
  const runs = (options?.steps ?? ['day', 'tempo']).map((step) => {
    const blocksPerStep = step === 'day' ? sc.dayBlocks : step === 'tempo' ? tempo : 1;
    const kernel = runKernel(sc, { blocksPerStep, burns: exact.burns });
    return compare(exact.state, kernel, step, blocksPerStep);
  });
  return { timeScale: scale, days: sc.days, blocks: sc.days * sc.dayBlocks, subnets: SUBNETS + 1, runs };
}
