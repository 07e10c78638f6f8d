/** Everything one future of the Bittensor model carries from step to step, and its set-up. */
import { BLOCKS_PER_DAY, createKernelState } from '../../../engine/kernel/index.ts';
import { IntentBatch } from '../../../engine/kernel/intentBatch.ts';
import type { KernelParams, KernelState, StepReport } from '../../../engine/kernel/types.ts';
import type { RunInput } from '../../contract/types.ts';
import { createStream, type Rng } from '../../rng/stream.ts';
import { checkTimelineDate } from '../../scenario/ruleTimeline.ts';
import type { StartingState } from '../../start/startingState.ts';
import type { AgentContext, Wallets } from './agents.ts';
import { initialMarket, type Market } from './exogenous.ts';
import { seedFlowEma } from './flowEmaSeed.ts';
import { createFlowTags, type FlowTags } from './flowTags.ts';
import { type AlphaBasket, outsideWealth, startAlphaBasket } from './holderReturns.ts';
import { initialNetwork } from './init.ts';
import { kernelParams, rulesKey, startDateOf, timelineRulesOn } from './kernelParams.ts';
import { anyMechanism, createMechanismBook, type MechanismBook } from './mechanismAgents.ts';
import { SERIES } from './metrics.ts';
import type { ModelScenario } from './modelScenario.ts';
import { type NeuronBook, setupNeurons } from './neuronAgents.ts';
import type { ModelParams } from './params.ts';
import { recordedNetwork } from './recordedNetwork.ts';
import { recordSteps } from './recordSteps.ts';
import { topDecileTeams } from './tally.ts';
import { createTaoMarket, noFlows, type TaoFlows, type TaoMarket } from './taoMarket.ts';
import { usefulOutput } from './usefulOutput.ts';
import { spotPrice } from './view.ts';
import { warmStart } from './warmStart.ts';
import { withStartingState } from './withStartingState.ts';
import { createWorld, type World } from './world.ts';

/** The random streams of one future, one per source of randomness. */
export interface FutureStreams {
  readonly market: Rng;
  /** Demand jumps: apart from the market's diffusion, so a change in the jump rate keeps runs paired. */
  readonly jumps: Rng;
  readonly teams: Rng;
  readonly init: Rng;
  readonly adversaries: Rng;
  readonly entry: Rng;
  readonly mechanisms: Rng;
  readonly neurons: Rng;
}

/** One future's state: the chain, the agents' world and wallets, and the running tallies. */
export interface FutureContext {
  readonly scenario: ModelScenario;
  /** The model in force: the fork's base model before the fork point, the scenario's after. */
  params: ModelParams;
  kernel: KernelParams;
  mechanismsOn: boolean;
  readonly rng: FutureStreams;
  /** Step length in days. */
  readonly dt: number;
  readonly totalSteps: number;
  /** Step of the fork point (-1 without a fork). */
  readonly forkStep: number;
  readonly world: World;
  readonly market: Market;
  readonly state: KernelState;
  readonly initialTeams: number;
  readonly topDecile: readonly number[];
  neuronBook: NeuronBook | null;
  readonly startOutput: number;
  readonly price0: number;
  /** The TAO/USD market, the step's TAO traded against USD by class, and the intents that carry it. */
  readonly taoMarket: TaoMarket;
  readonly taoFlows: TaoFlows;
  readonly flowTags: FlowTags;
  /** TAO per day the baseline investors buy at the start (what balances the market then). */
  readonly investorTaoPerDay: number;
  /** Alpha per slot per day each emission recipient sells, planned each step. */
  readonly sales: {
    readonly owner: Float64Array;
    readonly miner: Float64Array;
    readonly validator: Float64Array;
  };
  /** The alpha basket bought at the start, and outside holders' wealth then (TAO). */
  readonly basket: AlphaBasket;
  readonly outsideWealthStart: number;
  /** The timeline's rules the kernel runs under (`rulesKey`; empty without a timeline). */
  rulesKey: string;
  /** Whether some subnet's alpha market cap has exceeded TAO's. */
  alphaCapAboveTao: boolean;
  taoUsd: number;
  taoUsdAverage: number;
  priceHalved: boolean;
  readonly wallets: Wallets;
  readonly book: MechanismBook;
  readonly prevEmittedAlpha: Float64Array;
  readonly prevEmittedTao: Float64Array;
  /** Alpha emitted per slot per day over the last step. */
  readonly alphaPerDay: Float64Array;
  /** Spot prices at the start of each step (what the agents read): set after each kernel step. */
  readonly spot: Float64Array;
  rootGrowth: number;
  deregistered: number;
  usefulWork: number;
  /**
   * {@link usefulOutputSum} as the last settlement computed it, while no subnet has been pruned or
   * registered since (NaN otherwise): the products change only in steps' agent phases, so the next
   * market and the record read it rather than summing again.
   */
  usefulSum: number;
  emittedPerDay: number;
  /** The step's intents, reused from step to step. */
  readonly intents: IntentBatch;
  /** Recorded steps, the series rows (`SERIES` wide) and the next row to fill. */
  readonly steps: Int32Array;
  readonly series: Float64Array;
  nextRecord: number;
  /** The step under way, its whole day, and what its phases hand on to later ones. */
  step: number;
  wholeDay: number;
  agents: AgentContext;
  readonly leavers: number[];
  rootBefore: number;
  report: StepReport;
}

/** Stands in for the agents' view while the context it reads is built; replaced before any use. */
const NO_VIEW = null as unknown as AgentContext;

/** The report before any kernel step. */
const NO_REPORT: StepReport = Object.freeze({
  emitted: 0,
  filled: [],
  proceeds: [],
  received: [],
  registered: [],
  pruned: [],
  dissolutionTao: [],
  epochs: 0,
});

/** What the agents see this step (the mechanism fields are undefined unless a mechanism is on). */
export function agentView(ctx: FutureContext): AgentContext {
  // Every field present in one literal (no spread): one hidden class for every future's view.
  return {
    stayAdjustUsd: ctx.mechanismsOn ? ctx.book.stayAdjustUsd : undefined,
    forceLeave: ctx.mechanismsOn ? ctx.book.forceLeave : undefined,
    step: ctx.step,
    tradeEvery: Math.max(1, Math.round(ctx.params.execution.tradeEveryDays / ctx.dt)),
    state: ctx.state,
    world: ctx.world,
    market: ctx.market,
    params: ctx.params,
    dt: ctx.dt,
    day: ctx.wholeDay,
    taoUsd: ctx.taoUsd,
    taoUsdAverage: ctx.taoUsdAverage,
    alphaPerDay: ctx.alphaPerDay,
    intents: ctx.intents,
    spot: ctx.spot,
    sales: ctx.sales,
    flowTags: ctx.flowTags,
    taoFlows: ctx.taoFlows,
  };
}

/** An {@link AgentContext} whose per-step fields {@link refreshAgentView} updates. */
type MutableAgentContext = { -readonly [K in keyof AgentContext]: AgentContext[K] };

/**
 * The agents' view for the step under way: the last step's view updated in place (a view per step would
 * be garbage each step), or a new one when the model in force or its mechanisms changed (a fork).
 */
export function refreshAgentView(ctx: FutureContext): void {
  const view = ctx.agents as MutableAgentContext;
  if (view.params !== ctx.params || (view.forceLeave !== undefined) !== ctx.mechanismsOn) {
    ctx.agents = agentView(ctx);
    return;
  }
  view.step = ctx.step;
  view.day = ctx.wholeDay;
  view.taoUsd = ctx.taoUsd;
  view.taoUsdAverage = ctx.taoUsdAverage;
}

/**
 * The chain a future starts from: the recorded network of `start` (with `params` from
 * {@link withStartingState}) or the synthetic one, on the kernel, flow EMAs seeded for flow packs.
 */
export function startingState(args: {
  params: ModelParams;
  kernel: KernelParams;
  world: World;
  rng: Rng;
  start?: StartingState | undefined;
}): KernelState {
  const { params, kernel, world, rng, start } = args;
  const subnets =
    start === undefined
      ? initialNetwork({ params, world, rng })
      : recordedNetwork({ params, world, rng, start });
  return createKernelState({
    params: kernel,
    subnets: seedFlowEma(subnets, kernel),
    issuance: params.network.issuanceTao,
    rootStake: params.network.rootStakeTao,
    block: 0,
  });
}

/**
 * Set up one future: its streams, the starting network and chain state, neurons mode, wallets and
 * tallies (in this order: the order of the random draws is part of the results).
 */
export function createFutureContext(input: RunInput<ModelScenario>): FutureContext {
  const { scenario, seed, runIndex } = input;
  checkTimelineDate(scenario.rules, startDateOf(scenario));
  // Before a fork point the future follows the base model; the branch's own model takes over after it.
  const params = withStartingState(scenario.fork?.baseModel ?? scenario.model, scenario.startingState);
  const market = createStream(seed, runIndex, 'market');
  const jumps = createStream(seed, runIndex, 'jumps');
  const teams = createStream(seed, runIndex, 'teams');
  const init = createStream(seed, runIndex, 'init');
  const adversaries = createStream(seed, runIndex, 'adversaries');
  const entry = createStream(seed, runIndex, 'entry');
  const mechanisms = createStream(seed, runIndex, 'mechanisms');
  const mechanismsOn = anyMechanism(params);
  const kp = kernelParams({ ...scenario, model: params });
  const dt = kp.blocksPerStep / BLOCKS_PER_DAY;
  const totalSteps = Math.round(scenario.horizonDays / dt);
  const forkStep = scenario.fork === undefined ? -1 : Math.round(scenario.fork.atDays / dt);
  const maxTeams =
    kp.slots + Math.ceil(params.entry.registrationsPerYear * (scenario.horizonDays / 365) * 3) + 16;
  const world = createWorld(kp.slots, maxTeams);
  const exogenous = initialMarket();
  const state = startingState({ params, kernel: kp, world, rng: init, start: scenario.startingState });
  const initialTeams = world.nextTeamId;
  const topDecile = topDecileTeams(world, initialTeams);
  const neurons = createStream(seed, runIndex, 'neurons');
  const neuronBook = setupNeurons(state, params, neurons);

  const spot = new Float64Array(kp.slots);
  for (let i = 0; i < kp.slots; i++) spot[i] = state.columns.active[i] === 1 ? spotPrice(state, i) : 0;
  const steps = recordSteps(scenario);
  const price0 = params.market.taoPriceUsd;
  const warm = warmStart({ state, kernel: kp, params, world, market: exogenous, taoUsd: price0, dt });
  // One literal with every field: a spread copy gets a new hidden class once V8's spread fast path warms
  // up (a few futures in), which deoptimises every phase that reads the context.
  const ctx: FutureContext = {
    scenario,
    params,
    kernel: kp,
    mechanismsOn,
    rng: { market, jumps, teams, init, adversaries, entry, mechanisms, neurons },
    dt,
    totalSteps,
    forkStep,
    world,
    market: exogenous,
    state,
    initialTeams,
    topDecile,
    neuronBook,
    startOutput: usefulOutput(world, 1, 1),
    price0,
    taoMarket: createTaoMarket(price0),
    taoFlows: noFlows(),
    flowTags: createFlowTags(),
    investorTaoPerDay: warm.investorTaoPerDay,
    sales: warm.sales,
    basket: startAlphaBasket(state, world),
    outsideWealthStart: outsideWealth(state),
    rulesKey: rulesKey(timelineRulesOn(scenario, 0)),
    alphaCapAboveTao: false,
    taoUsd: price0,
    taoUsdAverage: price0,
    priceHalved: false,
    wallets: {
      stakers: 0.02 * params.network.rootStakeTao,
      speculators: params.speculators.capitalTao,
      rootClaims: 0,
      specAlpha: new Float64Array(kp.slots),
      pumps: [],
      pumpProfitTao: 0,
      selfMiningTao: 0,
    },
    book: createMechanismBook(kp.slots),
    prevEmittedAlpha: new Float64Array(kp.slots),
    prevEmittedTao: new Float64Array(kp.slots),
    alphaPerDay: warm.alphaPerDay,
    spot,
    rootGrowth: 1,
    deregistered: 0,
    usefulWork: 0,
    usefulSum: Number.NaN,
    emittedPerDay: 0,
    intents: new IntentBatch(256),
    steps,
    series: new Float64Array(steps.length * SERIES.length),
    nextRecord: 0,
    step: 0,
    wholeDay: 0,
    agents: NO_VIEW, // set below: the view reads the context
    leavers: [],
    rootBefore: 0,
    report: NO_REPORT,
  };
  ctx.agents = agentView(ctx);
  return ctx;
}
