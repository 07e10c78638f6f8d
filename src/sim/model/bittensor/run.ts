/**
 * One future of a Bittensor network: the kernel runs the chain's economics (the scenario's rule pack,
 * `price-2026-06` by default), agents decide each step, and exogenous paths move TAO demand, AI demand, compute
 * cost and competition.
 *
 * TAO price: market cap = start cap × exogenous demand × (useful output / start)^w + returned value,
 * where useful output is the product quality of subnets whose team is still on the network (scaled by
 * AI demand over competition) and returned value is the USD of alpha burned by buybacks (each USD
 * returned adds `returnedValueMultiple` USD of cap). Price = cap / issuance, so emission dilutes holders.
 */
import { createKernelState, type KernelSubnetInit, kernelStep } from '../../../engine/kernel/index.ts';
import type {
  KernelIntent,
  KernelMechanisms,
  KernelParams,
  KernelState,
  StepReport,
} from '../../../engine/kernel/types.ts';
import { spotPriceF64 } from '../../../engine/pool/balancerF64.ts';
import { DEFAULT_RULE_PACK, tracksFlowEma } from '../../../engine/rules/rulePackTraits.ts';
import { createStream } from '../../rng/stream.ts';
import type { ModelParams } from '../params.ts';
import type { RunInput, RunOutput } from '../types.ts';
import { minersAct, pumpersAct, speculatorsAct, stakersAct, teamsAct, type Wallets } from './agents.ts';
import { advanceMarket, initialMarket } from './exogenous.ts';
import { addTeam, initialNetwork } from './init.ts';
import { IntentPool } from './intentPool.ts';
import {
  anyMechanism,
  bestMechanismAdversary,
  createMechanismBook,
  mechanismsAct,
  mechanismsBeforeTeams,
  mechanismsSettle,
} from './mechanismAgents.ts';
import { EVENTS, gini, indexOf, NEURON_OUTCOMES, OUTCOMES, SERIES } from './metrics.ts';
import { type NeuronOutcomes, neuronOutcomes, neuronsAct, setupNeurons } from './neuronAgents.ts';
import { spotPrice } from './view.ts';
import { createWorld, EMPTY, HISTORY_DAYS, ON_NETWORK, recordPrice } from './world.ts';

/** What the model reads from a resolved scenario. */
export interface ModelScenario {
  readonly horizonDays: number;
  readonly step: 'block' | 'tempo' | 'day';
  readonly recordEveryDays: number;
  readonly model: ModelParams;
  /**
   * A fork: the future runs under `baseModel` until day `atDays`, then under `model` from that state
   * on, with the same random streams: every branch of a fork shares its history up to the fork point.
   */
  readonly fork?: { readonly atDays: number; readonly baseModel: ModelParams };
}

const BLOCKS_PER_DAY = 7200;
const STEP_BLOCKS = { block: 1, tempo: 360, day: BLOCKS_PER_DAY } as const;

/** Kernel parameters for a scenario (the production runtime's values, spec §11). */
export function kernelParams(scenario: ModelScenario): KernelParams {
  return {
    rulePack: scenario.model.rulePack,
    slots: 128,
    blocksPerStep: STEP_BLOCKS[scenario.step],
    tempo: 360,
    taoWeight: scenario.model.network.taoWeight,
    ownerCut: 11_796 / 65_535,
    emaHalvingBlocks: 201_600,
    movingAlpha: 12_885 / 2 ** 32,
    feeRate: 33 / 65_535,
    minLock: 1000,
    lockReductionInterval: 57_600,
    networkRateLimit: 28_800,
    networkImmunityPeriod: 864_000,
    newSubnetEmissionEnabled: true,
    ...mechanismParams(scenario.model),
  };
}

/** The kernel's mechanism parameters (none when every mechanism is off, so the kernel runs as before). */
export function mechanismParams(model: ModelParams): { mechanisms?: KernelMechanisms } {
  const m = model.mechanisms;
  const days = (d: number) => Math.max(1, d * BLOCKS_PER_DAY);
  if (!(m.covenant.enabled || m.vesting.enabled || m.credits.enabled || m.usage.enabled || m.compute.enabled))
    return {};
  return {
    mechanisms: {
      periodBlocks: days(m.periodDays),
      ...(m.covenant.enabled && {
        covenant: {
          share: m.covenant.share,
          tolerance: m.covenant.tolerance,
          gracePeriods: m.covenant.gracePeriods,
        },
      }),
      ...(m.vesting.enabled && {
        vesting: {
          vestBlocks: days(m.vesting.vestDays),
          cliffBlocks: m.vesting.cliffDays * BLOCKS_PER_DAY,
          startBlock: 0,
        },
      }),
      ...(m.credits.enabled && {
        credits: { releaseBlocks: days(m.credits.releaseDays), tolerance: m.credits.tolerance },
      }),
      ...(m.usage.enabled && {
        usage: { lambda: m.usage.lambda, halfLifeBlocks: days(m.usage.halfLifeDays) },
      }),
      ...(m.compute.enabled && {
        compute: { taoPerBlock: m.compute.taoPerDay / BLOCKS_PER_DAY, feeShare: m.compute.feeShare },
      }),
    },
  };
}

/**
 * The initial subnets with the flow packs' EMA seeded as the chain seeded it at the switch to flow
 * shares (rulepacks.md §3.6): min(moving price, spot price) TAO per block, so the first shares are about
 * the price shares and drift towards real flows. Other packs do not read the flow EMA.
 */
export function seedFlowEma(
  subnets: readonly KernelSubnetInit[],
  params: KernelParams,
): readonly KernelSubnetInit[] {
  if (!isFlowPack(params.rulePack)) return subnets;
  return subnets.map((s) => {
    const spot = spotPriceF64({ taoReserve: s.taoReserve, alphaReserve: s.alphaIn, wQuote: s.wQuote ?? 0.5 });
    return { ...s, flowEma: Math.min(s.movingPrice ?? 0, spot) };
  });
}

/** Whether a pack keeps flow EMAs (its traits): the switch into one seeds them. */
function isFlowPack(pack: KernelParams['rulePack']): boolean {
  return tracksFlowEma(pack ?? DEFAULT_RULE_PACK);
}

/**
 * {@link seedFlowEma} on a running state: a switch to flow shares seeds each subnet's EMA from its
 * prices, and the EMAs consume only flows from the switch on (the protocol EMA starts from 0, as on the
 * chain at the netflow switch, rulepacks.md §7).
 */
function seedFlowEmaInPlace(state: KernelState): void {
  const c = state.columns;
  for (let i = 0; i < c.active.length; i++) {
    if (c.active[i] !== 1) continue;
    c.flowEma[i] = Math.min(c.movingPrice[i]!, spotPrice(state, i));
    c.flowMark[i] = c.userStakeTao[i]! - c.userUnstakeTao[i]! + c.rootUnstakeTao[i]!;
    c.protocolEma[i] = 0;
    c.rootSellMark[i] = c.rootUnstakeTao[i]!;
  }
}

/** Record indices: every `recordEveryDays`, plus the last step. */
export function recordSteps(scenario: ModelScenario): Int32Array {
  const dt = STEP_BLOCKS[scenario.step] / BLOCKS_PER_DAY;
  const total = Math.round(scenario.horizonDays / dt);
  const every = Math.max(1, Math.round(scenario.recordEveryDays / dt));
  const out: number[] = [];
  for (let s = 0; s <= total; s += every) out.push(s);
  if (out.at(-1) !== total) out.push(total);
  return Int32Array.from(out);
}

/** The chain state a future starts from (the kernel alone, for benchmarks of the bare kernel). */
export function initialKernelState(input: RunInput<ModelScenario>): {
  state: KernelState;
  params: KernelParams;
} {
  const params = input.scenario.model;
  const kp = kernelParams(input.scenario);
  const world = createWorld(kp.slots, kp.slots);
  const subnets = initialNetwork({ params, world, rng: createStream(input.seed, input.runIndex, 'init') });
  const state = createKernelState({
    params: kp,
    subnets: seedFlowEma(subnets, kp),
    issuance: params.network.issuanceTao,
    rootStake: params.network.rootStakeTao,
    block: 0,
  });
  return { state, params: kp };
}

/** Run one future. */
export function runFuture(input: RunInput<ModelScenario>): RunOutput {
  return simulateFuture(input).output;
}

/** Run one future and keep its final chain state (for tests and forks). */
export function simulateFuture(input: RunInput<ModelScenario>): { output: RunOutput; state: KernelState } {
  const { scenario, seed, runIndex } = input;
  // Before a fork point the future follows the base model; the branch's own model takes over after it.
  let params = scenario.fork?.baseModel ?? scenario.model;
  const rngMarket = createStream(seed, runIndex, 'market');
  const rngTeams = createStream(seed, runIndex, 'teams');
  const rngInit = createStream(seed, runIndex, 'init');
  const rngAdversary = createStream(seed, runIndex, 'adversaries');
  const rngEntry = createStream(seed, runIndex, 'entry');
  const rngMechanisms = createStream(seed, runIndex, 'mechanisms');
  let mechanismsOn = anyMechanism(params);
  let kp = kernelParams({ ...scenario, model: params });
  const dt = kp.blocksPerStep / BLOCKS_PER_DAY;
  const totalSteps = Math.round(scenario.horizonDays / dt);
  const forkStep = scenario.fork === undefined ? -1 : Math.round(scenario.fork.atDays / dt);
  const maxTeams =
    kp.slots + Math.ceil(params.entry.registrationsPerYear * (scenario.horizonDays / 365) * 3) + 16;
  const world = createWorld(kp.slots, maxTeams);
  const market = initialMarket();
  const subnets = initialNetwork({ params, world, rng: rngInit });
  const state = createKernelState({
    params: kp,
    subnets: seedFlowEma(subnets, kp),
    issuance: params.network.issuanceTao,
    rootStake: params.network.rootStakeTao,
    block: 0,
  });
  const initialTeams = world.nextTeamId;
  const topDecile = topDecileTeams(world, initialTeams);
  const rngNeurons = createStream(seed, runIndex, 'neurons');
  let neuronBook = setupNeurons(state, params, rngNeurons);

  const startCap = params.market.taoPriceUsd * params.network.issuanceTao;
  const startOutput = usefulOutput(world, 1, 1);
  const wallets: Wallets = {
    stakers: 0.02 * params.network.rootStakeTao,
    speculators: params.speculators.capitalTao,
    rootClaims: 0,
    specAlpha: new Float64Array(kp.slots),
    pumps: [],
    pumpProfitTao: 0,
    selfMiningTao: 0,
  };
  const prevEmittedAlpha = new Float64Array(kp.slots);
  const prevEmittedTao = new Float64Array(kp.slots);
  const alphaPerDay = new Float64Array(kp.slots);
  // Spot prices at the start of each step (what the agents read): set after each step's kernel step.
  const spot = new Float64Array(kp.slots);
  for (let i = 0; i < kp.slots; i++) spot[i] = state.columns.active[i] === 1 ? spotPrice(state, i) : 0;
  let prevBurnedValue = 0;
  let returnedUsd = 0;
  let rootGrowth = 1;
  let priceHalved = false;
  let deregistered = 0;
  const book = createMechanismBook(kp.slots);
  let usefulWork = 0;
  let emittedPerDay = 0;

  const steps = recordSteps(scenario);
  const series = new Float64Array(steps.length * SERIES.length);
  let nextRecord = 0;
  const price0 = params.market.taoPriceUsd;
  let taoUsd = price0;
  let taoUsdAverage = price0;

  const record = (step: number) => {
    while (nextRecord < steps.length && steps[nextRecord] === step) {
      const row = nextRecord * SERIES.length;
      const c = state.columns;
      const emitted = sum(c.emittedTao);
      series[row + 0] = taoUsd;
      series[row + 1] = taoUsd / price0 - 1;
      series[row + 2] = emitted > 0 ? (sum(c.burnedValueTao) + sum(c.mechRecycledTao)) / emitted : 0;
      series[row + 3] = countStatus(world.status, ON_NETWORK);
      series[row + 4] = countLeft(world);
      series[row + 5] = state.issuance;
      series[row + 6] = emitted > 0 ? sum(c.chainBuyTao) / emitted : 0;
      series[row + 7] = gini(world.teamEmission, world.nextTeamId);
      series[row + 8] = sum(world.miners);
      nextRecord += 1;
    }
  };
  record(0);

  const intents: KernelIntent[] = [];
  const pool = new IntentPool();
  for (let step = 1; step <= totalSteps; step++) {
    if (step === forkStep + 1 && scenario.fork !== undefined) {
      // The fork point: the branch's rules and agents take over the state as it stands.
      const before = kp;
      params = scenario.model;
      kp = kernelParams(scenario);
      mechanismsOn = anyMechanism(params);
      if (isFlowPack(kp.rulePack) && !isFlowPack(before.rulePack)) seedFlowEmaInPlace(state);
      if (neuronBook === null) neuronBook = setupNeurons(state, params, rngNeurons);
    }
    const day = step * dt;
    const wholeDay = Math.floor(day);
    advanceMarket(market, params.market, rngMarket, dt);
    taoUsd = taoPrice({
      startCap,
      startOutput,
      world,
      market,
      params,
      returnedUsd,
      issuance: state.issuance,
    });
    if (taoUsd < 0.5 * price0) priceHalved = true;
    taoUsdAverage += (taoUsd - taoUsdAverage) * (1 - 0.5 ** (dt / 30));

    intents.length = 0;
    pool.reset();
    const tradeEvery = Math.max(1, Math.round(params.execution.tradeEveryDays / dt));
    const ctx = {
      ...(mechanismsOn && { stayAdjustUsd: book.stayAdjustUsd, forceLeave: book.forceLeave }),
      step,
      tradeEvery,
      state,
      world,
      market,
      params,
      dt,
      day: wholeDay,
      taoUsd,
      taoUsdAverage,
      alphaPerDay,
      intents,
      pool,
      spot,
    };
    if (mechanismsOn) mechanismsBeforeTeams(ctx, book, rngMechanisms);
    const leavers = teamsAct(ctx, rngTeams);
    if (mechanismsOn) mechanismsAct(ctx, book, rngMechanisms, leavers, emittedPerDay);
    minersAct(ctx);
    stakersAct(ctx, wallets);
    speculatorsAct(ctx, wallets);
    pumpersAct(ctx, wallets, rngAdversary);
    const arrivals = rngEntry.poisson((params.entry.registrationsPerYear * dt) / 365);
    for (let k = 0; k < arrivals; k++) intents.push({ kind: 'register', startImmediately: true });

    if (neuronBook !== null) neuronsAct(neuronBook, params, rngNeurons, state.block + kp.blocksPerStep);
    const rootBefore = state.rootStake;
    const report = kernelStep({ state, params: kp, intents });

    settleWallets({ wallets, intents, report });
    emittedPerDay = report.emitted / dt;
    usefulWork += usefulOutput(world, market.aiDemand, market.competition) * dt;
    // Root dividends sold and restaked grow a root staker's TAO (other root flows are stakers' own).
    if (rootBefore > 0) rootGrowth *= 1 + Math.max(0, state.rootStake - rootBefore) / rootBefore;

    for (const slot of report.pruned) {
      // Open pumps on a dissolved subnet are closed at its last price (dissolution pays pro rata by value).
      const last = world.history[((wholeDay + HISTORY_DAYS - 1) % HISTORY_DAYS) * kp.slots + slot]!;
      for (let k = wallets.pumps.length - 1; k >= 0; k--) {
        const pump = wallets.pumps[k]!;
        if (pump.slot !== slot || pump.teamId !== world.teamId[slot]) continue;
        wallets.pumpProfitTao += pump.alpha * last - pump.taoIn;
        wallets.pumps.splice(k, 1);
      }
      const id = world.teamId[slot]!;
      if (id >= 0) world.teamPruned[id] = 1;
      world.status[slot] = EMPTY;
      world.teamId[slot] = -1;
      wallets.specAlpha[slot] = 0;
      deregistered += 1;
    }
    for (const slot of report.registered) {
      addTeam({
        world,
        slot,
        quality: Math.exp(0.5 * rngEntry.normal()),
        params,
        rng: rngEntry,
        day: wholeDay,
        initialShare: -1,
      });
    }

    const c = state.columns;
    for (let i = 0; i < kp.slots; i++) {
      const da = c.emittedAlpha[i]! - prevEmittedAlpha[i]!;
      alphaPerDay[i] = da > 0 ? da / dt : 0;
      prevEmittedAlpha[i] = c.emittedAlpha[i]!;
      const dTao = c.emittedTao[i]! - prevEmittedTao[i]!;
      prevEmittedTao[i] = c.emittedTao[i]!;
      const id = world.teamId[i]!;
      if (id >= 0 && dTao > 0) world.teamEmission[id] = world.teamEmission[id]! + dTao;
      const price = c.active[i] === 1 ? spotPrice(state, i) : 0;
      spot[i] = price;
      recordPrice(world, wholeDay % HISTORY_DAYS, i, price);
      if (world.selfMiner[i] === 1 && world.status[i] === ON_NETWORK) {
        const take =
          params.adversaries.selfMiningTakeShare * (1 - params.adversaries.selfMiningDetectedShare);
        wallets.selfMiningTao += da * (1 - kp.ownerCut) * 0.5 * take * price;
      }
    }
    const burned = sum(c.burnedValueTao);
    returnedUsd += (burned - prevBurnedValue) * taoUsd * params.market.returnedValueMultiple;
    prevBurnedValue = burned;
    if (mechanismsOn) mechanismsSettle({ state, book, report, world, spot });
    record(step);
  }

  // Close open pumps at the horizon price to measure their profit.
  for (const pump of wallets.pumps) {
    wallets.pumpProfitTao += pump.alpha * spotPrice(state, pump.slot) - pump.taoIn;
  }

  // The shape follows the (branch's) model: neuron outcomes only when it runs neurons mode.
  const neuronsShown = scenario.model.neurons.enabled;
  const outcomes = new Float64Array(OUTCOMES.length + (neuronsShown ? NEURON_OUTCOMES.length : 0));
  const c = state.columns;
  const emitted = sum(c.emittedTao);
  let leftEmission = 0;
  let totalEmission = 0;
  for (let id = 0; id < world.nextTeamId; id++) {
    totalEmission += world.teamEmission[id]!;
    if (world.teamLeftDay[id]! >= 0) leftEmission += world.teamEmission[id]!;
  }
  const retained = countRetained(world, initialTeams);
  const set = (key: string, v: number) => {
    outcomes[indexOf(OUTCOMES, key)] = v;
  };
  set('finalTaoPriceUsd', taoUsd);
  set('holderReturn', taoUsd / price0 - 1);
  set('rootStakerReturn', (rootGrowth * taoUsd) / price0 - 1);
  set('returnRatio', emitted > 0 ? (sum(c.burnedValueTao) + sum(c.mechRecycledTao)) / emitted : 0);
  set('subnetsRetained', retained / Math.max(1, initialTeams));
  set('subnetsLeft', countLeft(world));
  set('subnetsDeregistered', deregistered);
  set('leftEmissionShare', totalEmission > 0 ? leftEmission / totalEmission : 0);
  set('emissionGini', gini(world.teamEmission, world.nextTeamId));
  set('chainBuyShare', emitted > 0 ? sum(c.chainBuyTao) / emitted : 0);
  set(
    'topQualityRetained',
    topDecile.filter((id) => world.teamLeftDay[id]! < 0).length / Math.max(1, topDecile.length),
  );
  set('pumpProfitTao', wallets.pumpProfitTao);
  set('selfMiningTao', wallets.selfMiningTao);
  const mintedTao = sum(c.computeMintTao);
  set('emissionPerUsefulWork', usefulWork > 0 ? (emitted + mintedTao) / usefulWork : 0);
  let farmAndLeave = 0;
  for (let id = 0; id < world.nextTeamId; id++)
    if (world.teamLeftDay[id]! >= 0 && world.teamEmission[id]! > 0) farmAndLeave += 1;
  set('farmAndLeave', farmAndLeave);
  set('underReportProfitTao', book.underReportProfitTao);
  set('washProfitTao', book.washProfitTao);
  set('cliffExitProfitTao', book.cliffExitProfitTao);
  set('griefProfitTao', book.griefProfitTao);
  set(
    'bestAdversaryProfitTao',
    Math.max(wallets.pumpProfitTao, wallets.selfMiningTao, ...bestMechanismAdversary(params, book)),
  );
  set('mechanismBurnTao', sum(c.mechRecycledTao));
  set('defaults', sum(c.defaults));
  if (neuronsShown && neuronBook !== null) {
    const n = neuronOutcomes(neuronBook);
    NEURON_OUTCOMES.forEach((info, k) => {
      outcomes[OUTCOMES.length + k] = n[info.key as keyof NeuronOutcomes];
    });
  }

  const events = new Uint8Array(EVENTS.length);
  events[indexOf(EVENTS, 'topDecileLeavesWithinYear')] = topDecile.some(
    (id) => world.teamLeftDay[id]! >= 0 && world.teamLeftDay[id]! < 365,
  )
    ? 1
    : 0;
  events[indexOf(EVENTS, 'priceHalves')] = priceHalved ? 1 : 0;
  events[indexOf(EVENTS, 'quarterOfTeamsLeave')] = initialTeams - retained >= 0.25 * initialTeams ? 1 : 0;
  return { output: { steps, series, outcomes, events }, state };
}

/** Move what the kernel filled into the agents' wallets (TAO from sales, alpha from buys, pump P&L). */
function settleWallets(args: {
  wallets: Wallets;
  intents: readonly KernelIntent[];
  report: StepReport;
}): void {
  const { wallets, intents, report } = args;
  const pumpIntents = settledPumpIntents;
  pumpIntents.clear();
  for (const pump of wallets.pumps) {
    if (pump.buyIntent >= 0) {
      pumpIntents.add(pump.buyIntent);
      pump.alpha = report.received[pump.buyIntent] ?? 0;
      pump.taoIn = report.filled[pump.buyIntent] ?? 0;
      pump.buyIntent = -1;
    }
    if (pump.sellIntent >= 0) {
      pumpIntents.add(pump.sellIntent);
      wallets.pumpProfitTao += (report.proceeds[pump.sellIntent] ?? 0) - pump.taoIn;
      pump.alpha = 0;
    }
  }
  for (let k = wallets.pumps.length - 1; k >= 0; k--)
    if (wallets.pumps[k]!.sellIntent >= 0) wallets.pumps.splice(k, 1);
  for (let k = 0; k < intents.length; k++) {
    const intent = intents[k]!;
    if (pumpIntents.size > 0 && pumpIntents.has(k)) continue;
    if (intent.kind === 'unstake') {
      const proceeds = report.proceeds[k] ?? 0;
      if (intent.holder === 'staker') wallets.stakers += proceeds;
      else if (intent.holder === 'root') wallets.rootClaims += proceeds;
      else if (intent.holder === 'speculator') wallets.speculators += proceeds;
    } else if (intent.kind === 'stake') {
      const unspent = intent.tao - (report.filled[k] ?? 0);
      if (intent.holder === 'staker') wallets.stakers += unspent;
      if (intent.holder === 'speculator') {
        wallets.speculators += unspent;
        wallets.specAlpha[intent.slot] = wallets.specAlpha[intent.slot]! + (report.received[k] ?? 0);
      }
    }
  }
}

/** Pump intents of the step being settled (reused: settling is not re-entrant). */
const settledPumpIntents = new Set<number>();

/** Useful output index: quality of products still on the network, scaled by AI demand over competition. */
function usefulOutput(world: ReturnType<typeof createWorld>, aiDemand: number, competition: number): number {
  let u = 0;
  for (let i = 0; i < world.slots; i++) {
    if (world.status[i] === ON_NETWORK)
      u += world.quality[i]! * world.outsideBase[i]! * Math.sqrt(world.miners[i]! / 255);
  }
  return (u * aiDemand) / competition;
}

function taoPrice(args: {
  startCap: number;
  startOutput: number;
  world: ReturnType<typeof createWorld>;
  market: ReturnType<typeof initialMarket>;
  params: ModelParams;
  returnedUsd: number;
  issuance: number;
}): number {
  const { market, params } = args;
  const output = usefulOutput(args.world, market.aiDemand, market.competition);
  const fundamentals = args.startOutput > 0 ? Math.max(output, 0) / args.startOutput : 1;
  const cap =
    args.startCap * market.demand * fundamentals ** params.market.fundamentalsWeight + args.returnedUsd;
  return cap / args.issuance;
}

function topDecileTeams(world: ReturnType<typeof createWorld>, initialTeams: number): number[] {
  const ids = Array.from({ length: initialTeams }, (_, i) => i).sort(
    (a, b) => world.teamInitialShare[b]! - world.teamInitialShare[a]! || a - b,
  );
  return ids.slice(0, Math.max(1, Math.round(initialTeams / 10)));
}

function countStatus(status: Uint8Array, value: number): number {
  let n = 0;
  for (let i = 0; i < status.length; i++) if (status[i] === value) n += 1;
  return n;
}

function countLeft(world: ReturnType<typeof createWorld>): number {
  let n = 0;
  for (let id = 0; id < world.nextTeamId; id++) if (world.teamLeftDay[id]! >= 0) n += 1;
  return n;
}

function countRetained(world: ReturnType<typeof createWorld>, initialTeams: number): number {
  let n = 0;
  for (let id = 0; id < initialTeams; id++)
    if (world.teamLeftDay[id]! < 0 && world.teamPruned[id] === 0) n += 1;
  return n;
}

function sum(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s;
}
