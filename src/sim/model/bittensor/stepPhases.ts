/**
 * One step of a future as an ordered list of phases: the fork switch, the market, each agent's act, the
 * kernel step, settlement and recording. The order is the model: it fixes the order of the random draws
 * and of every sum, so it must not change without changing results.
 */
import { kernelStep } from '../../../engine/kernel/index.ts';
import type { Phase, Phases } from '../../contract/runPhases.ts';
import { minersAct, pumpersAct, speculatorsAct, stakersAct, teamsAct, tradesNow } from './agents.ts';
import {
  alphaHoldersAct,
  holderYieldWeight,
  startHolderValuation,
  updateHolderYield,
} from './alphaHolders.ts';
import { buybackTaoPerDay } from './buybacks.ts';
import { type FutureContext, refreshAgentView } from './createFutureContext.ts';
import { advanceMarket } from './exogenous.ts';
import { isFlowPack, seedFlowEmaInPlace } from './flowEmaSeed.ts';
import { addStepFlows, clearFlowTags } from './flowTags.ts';
import { dissolveInBasket } from './holderReturns.ts';
import { addTeam } from './init.ts';
import { kernelParams, rulesKey, timelineRulesOn } from './kernelParams.ts';
import { anyMechanism, mechanismsAct, mechanismsBeforeTeams, mechanismsSettle } from './mechanismAgents.ts';
import { SERIES_METRICS } from './metrics.ts';
import { neuronsAct, setupNeurons } from './neuronAgents.ts';
import { minerCostUsd, planSlotSales } from './sellPlan.ts';
import { settleWallets } from './settleWallets.ts';
import { clearTaoMarket, TAO_FLOW_CLASSES } from './taoMarket.ts';
import { currentUsefulSum, scaledUsefulOutput, usefulOutputSum } from './usefulOutput.ts';
import { spotPrice } from './view.ts';
import { withStartingState } from './withStartingState.ts';
import { EMPTY, HISTORY_DAYS, ON_NETWORK, recordPrice } from './world.ts';

type StepPhase = Phase<FutureContext>;

/** At the fork point the branch's rules and agents take over the state as it stands. */
const forkSwitch: StepPhase = {
  name: 'fork',
  run(ctx) {
    const { scenario } = ctx;
    if (ctx.step !== ctx.forkStep + 1 || scenario.fork === undefined) return;
    const before = ctx.kernel;
    ctx.params = withStartingState(scenario.model, scenario.startingState);
    ctx.kernel = kernelParams(scenario, stepStartDay(ctx));
    ctx.mechanismsOn = anyMechanism(ctx.params);
    if (isFlowPack(ctx.kernel.rulePack) && !isFlowPack(before.rulePack)) seedFlowEmaInPlace(ctx.state);
    if (ctx.neuronBook === null) ctx.neuronBook = setupNeurons(ctx.state, ctx.params, ctx.rng.neurons);
  },
};

/** The whole day the step starts on. */
const stepStartDay = (ctx: FutureContext): number => Math.floor((ctx.step - 1) * ctx.dt);

/**
 * The rule timeline: when the rules in force change on the step's first day (a new entry, a pack's dated
 * variant, a chain parameter), the kernel runs under them from this step on.
 */
const ruleTimeline: StepPhase = {
  name: 'rules',
  run(ctx) {
    const key = rulesKey(timelineRulesOn(ctx.scenario, stepStartDay(ctx)));
    if (key === ctx.rulesKey) return;
    const before = ctx.kernel;
    const next = kernelParams({ ...ctx.scenario, model: ctx.params }, stepStartDay(ctx));
    ctx.rulesKey = key;
    ctx.kernel = next;
    if (isFlowPack(next.rulePack) && !isFlowPack(before.rulePack)) seedFlowEmaInPlace(ctx.state);
  },
};

/**
 * Exogenous paths move the TAO reference value, the market clears the last step's flows (the baseline
 * investors' purchases among them), then the 30-day average price follows.
 */
const market: StepPhase = {
  name: 'market',
  run(ctx) {
    const { dt, price0, taoMarket } = ctx;
    const p = ctx.params;
    advanceMarket(ctx.market, p.market, ctx.rng.market, dt, ctx.rng.jumps);
    // Useful output against its expected path (the exogenous indices at 1): expected growth adds no trend.
    const output =
      ctx.startOutput > 0 ? scaledUsefulOutput(currentUsefulSum(ctx), 1, 1) / ctx.startOutput : 1;
    const logReference =
      taoMarket.logStart +
      Math.log(ctx.market.demand) +
      p.market.fundamentalsWeight * Math.log(Math.max(output, 1e-9));
    ctx.taoUsd = clearTaoMarket({
      market: taoMarket,
      logReference,
      flows: ctx.taoFlows,
      supply: ctx.state.issuance,
      params: p.taoMarket,
      dt,
    });
    for (const k of TAO_FLOW_CLASSES) ctx.taoFlows[k] = 0;
    if (ctx.taoUsd < 0.5 * price0) ctx.priceHalved = true;
    ctx.taoUsdAverage += (ctx.taoUsd - ctx.taoUsdAverage) * (1 - 0.5 ** (dt / 30));
  },
};

/** An empty intent batch and the agents' view of the step. */
const openIntents: StepPhase = {
  name: 'intents',
  run(ctx) {
    ctx.intents.clear();
    clearFlowTags(ctx.flowTags);
    refreshAgentView(ctx);
  },
};

/**
 * What each emission recipient sells per day, at the step's prices and costs, planned for the slots that
 * trade this step (a slot's plan stands until its next trade).
 */
const planSales: StepPhase = {
  name: 'plan sales',
  run(ctx) {
    const { world, sales, params, agents } = ctx;
    const active = ctx.state.columns.active;
    const minerCost = minerCostUsd(params, ctx.market.computeCost);
    for (let i = 0; i < world.slots; i++) {
      if (active[i] !== 1) {
        sales.owner[i] = 0;
        sales.miner[i] = 0;
        sales.validator[i] = 0;
        continue;
      }
      if (!tradesNow(agents, i)) continue;
      planSlotSales(
        sales,
        i,
        params,
        ctx.alphaPerDay[i]!,
        ctx.kernel.ownerCut,
        ctx.spot[i]! * ctx.taoUsd,
        world.miners[i]!,
        world.validators[i]!,
        minerCost,
        world.status[i] === ON_NETWORK,
      );
    }
  },
};

const mechanismsFirst: StepPhase = {
  name: 'mechanisms before teams',
  run(ctx) {
    if (ctx.mechanismsOn) mechanismsBeforeTeams(ctx.agents, ctx.book, ctx.rng.mechanisms);
  },
};

const teams: StepPhase = {
  name: 'teams',
  run(ctx) {
    ctx.leavers.length = 0;
    teamsAct(ctx.agents, ctx.rng.teams, ctx.leavers);
  },
};

const mechanisms: StepPhase = {
  name: 'mechanisms',
  run(ctx) {
    if (ctx.mechanismsOn)
      mechanismsAct(ctx.agents, ctx.book, ctx.rng.mechanisms, ctx.leavers, ctx.emittedPerDay);
  },
};

const miners: StepPhase = { name: 'miners', run: (ctx) => minersAct(ctx.agents) };
const alphaHolders: StepPhase = {
  name: 'validators and alpha holders',
  run: (ctx) => alphaHoldersAct(ctx.agents),
};
const stakers: StepPhase = { name: 'stakers', run: (ctx) => stakersAct(ctx.agents, ctx.wallets) };
const speculators: StepPhase = {
  name: 'speculators',
  run: (ctx) => speculatorsAct(ctx.agents, ctx.wallets),
};
const pumpers: StepPhase = {
  name: 'pumpers',
  run: (ctx) => pumpersAct(ctx.agents, ctx.wallets, ctx.rng.adversaries),
};

/** New subnets arrive as a Poisson stream and register at once. */
const entry: StepPhase = {
  name: 'entry',
  run(ctx) {
    const arrivals = ctx.rng.entry.poisson((ctx.params.entry.registrationsPerYear * ctx.dt) / 365);
    for (let k = 0; k < arrivals; k++) ctx.intents.push({ kind: 'register', startImmediately: true });
  },
};

const neurons: StepPhase = {
  name: 'neurons',
  run(ctx) {
    if (ctx.neuronBook !== null)
      neuronsAct(ctx.neuronBook, ctx.params, ctx.rng.neurons, ctx.state.block + ctx.kernel.blocksPerStep);
  },
};

const kernel: StepPhase = {
  name: 'kernel step',
  run(ctx) {
    ctx.rootBefore = ctx.state.rootStake;
    ctx.report = kernelStep({ state: ctx.state, params: ctx.kernel, intents: ctx.intents });
  },
};

/** Fills into wallets, and the step's emission, useful work and root growth. */
const settle: StepPhase = {
  name: 'settle wallets',
  run(ctx) {
    const { report, dt, rootBefore } = ctx;
    settleWallets({ wallets: ctx.wallets, intents: ctx.intents, report });
    // Baseline investors buy alongside the step's sellers, more when the price is below the reference value.
    const discount = Math.exp(ctx.taoMarket.logReference - ctx.taoMarket.logPrice);
    ctx.taoFlows.demand -= ctx.investorTaoPerDay * discount ** ctx.params.taoMarket.investorElasticity * dt;
    addStepFlows({
      flows: ctx.taoFlows,
      tags: ctx.flowTags,
      intents: ctx.intents,
      report,
      mechanismsOn: ctx.mechanismsOn,
    });
    ctx.emittedPerDay = report.emitted / dt;
    ctx.usefulSum = usefulOutputSum(ctx.world);
    ctx.usefulWork += scaledUsefulOutput(ctx.usefulSum, ctx.market.aiDemand, ctx.market.competition) * dt;
    // Root dividends sold and restaked grow a root staker's TAO (other root flows are stakers' own).
    if (rootBefore > 0) ctx.rootGrowth *= 1 + Math.max(0, ctx.state.rootStake - rootBefore) / rootBefore;
  },
};

const pruned: StepPhase = {
  name: 'pruned',
  run(ctx) {
    const { world, wallets, wholeDay } = ctx;
    const slots = ctx.kernel.slots;
    if (ctx.report.pruned.length > 0) ctx.usefulSum = Number.NaN;
    for (const slot of ctx.report.pruned) {
      // Open pumps on a dissolved subnet are closed at its last price (dissolution pays pro rata by value).
      const last = world.history[((wholeDay + HISTORY_DAYS - 1) % HISTORY_DAYS) * slots + slot]!;
      for (let k = wallets.pumps.length - 1; k >= 0; k--) {
        const pump = wallets.pumps[k]!;
        if (pump.slot !== slot || pump.teamId !== world.teamId[slot]) continue;
        wallets.pumpProfitTao += pump.alpha * last - pump.taoIn;
        wallets.pumps.splice(k, 1);
      }
      const id = world.teamId[slot]!;
      dissolveInBasket(ctx.basket, slot, id, last);
      if (id >= 0) world.teamPruned[id] = 1;
      world.status[slot] = EMPTY;
      world.teamId[slot] = -1;
      wallets.specAlpha[slot] = 0;
      ctx.deregistered += 1;
    }
  },
};

const registered: StepPhase = {
  name: 'registered',
  run(ctx) {
    const rng = ctx.rng.entry;
    if (ctx.report.registered.length > 0) ctx.usefulSum = Number.NaN;
    for (const slot of ctx.report.registered) {
      addTeam({
        world: ctx.world,
        slot,
        quality: Math.exp(0.5 * rng.normal()),
        params: ctx.params,
        rng,
        day: ctx.wholeDay,
        initialShare: -1,
      });
      startHolderValuation({ state: ctx.state, world: ctx.world, slot, yieldNow: 0, baseTao: 0 });
    }
  },
};

/** Per slot: alpha per day, team emission, spot price and its history, self-miners' take. */
const slotPrices: StepPhase = {
  name: 'slot prices',
  run(ctx) {
    const { state, world, wallets, params, dt, market, taoUsd } = ctx;
    const { prevEmittedAlpha, prevEmittedTao, alphaPerDay, spot } = ctx;
    const yieldWeight = holderYieldWeight(dt);
    const c = state.columns;
    // Columns read once: the loop's stores into typed arrays would otherwise make every read reload them.
    const { emittedAlpha, emittedTao, active, alphaIn, alphaOut } = c;
    const { teamId, teamEmission, selfMiner, status } = world;
    const { owner, miner, validator } = ctx.sales;
    const row = ctx.wholeDay % HISTORY_DAYS;
    const issuance = state.issuance;
    const ownerCut = ctx.kernel.ownerCut;
    let capAbove = false;
    for (let i = 0; i < ctx.kernel.slots; i++) {
      const da = emittedAlpha[i]! - prevEmittedAlpha[i]!;
      alphaPerDay[i] = da > 0 ? da / dt : 0;
      prevEmittedAlpha[i] = emittedAlpha[i]!;
      const dTao = emittedTao[i]! - prevEmittedTao[i]!;
      prevEmittedTao[i] = emittedTao[i]!;
      const id = teamId[i]!;
      if (id >= 0 && dTao > 0) teamEmission[id] = teamEmission[id]! + dTao;
      const isActive = active[i] === 1;
      const price = isActive ? spotPrice(state, i) : 0;
      spot[i] = price;
      recordPrice(world, row, i, price);
      if (isActive) {
        const sold = (owner[i]! + miner[i]! + validator[i]!) * price;
        const bought = buybackTaoPerDay(world, i, params, market, taoUsd);
        updateHolderYield(world, i, (dTao > 0 ? dTao / dt : 0) + bought - sold, yieldWeight);
        // The whole subnet's alpha at its price against all TAO issued (both in TAO).
        if (price * (alphaIn[i]! + alphaOut[i]!) > issuance) capAbove = true;
      }
      if (selfMiner[i] === 1 && status[i] === ON_NETWORK) {
        const take =
          params.adversaries.selfMiningTakeShare * (1 - params.adversaries.selfMiningDetectedShare);
        wallets.selfMiningTao += da * (1 - ownerCut) * 0.5 * take * price;
      }
    }
    if (capAbove) ctx.alphaCapAboveTao = true;
  },
};

const mechanismsSettlement: StepPhase = {
  name: 'mechanisms settle',
  run(ctx) {
    if (ctx.mechanismsOn)
      mechanismsSettle({
        state: ctx.state,
        book: ctx.book,
        report: ctx.report,
        world: ctx.world,
        spot: ctx.spot,
      });
  },
};

/** Write the series row(s) due at this step. */
export const record: StepPhase = {
  name: 'record',
  run(ctx) {
    const { steps, series } = ctx;
    const width = SERIES_METRICS.keys.length;
    while (ctx.nextRecord < steps.length && steps[ctx.nextRecord] === ctx.step) {
      SERIES_METRICS.write(ctx, series, ctx.nextRecord * width);
      ctx.nextRecord += 1;
    }
  },
};

/** The phases of every step after the start, in order. */
export const STEP_PHASES: Phases<FutureContext> = [
  forkSwitch,
  ruleTimeline,
  market,
  openIntents,
  planSales,
  mechanismsFirst,
  teams,
  mechanisms,
  miners,
  stakers,
  alphaHolders,
  speculators,
  pumpers,
  entry,
  neurons,
  kernel,
  settle,
  pruned,
  registered,
  slotPrices,
  mechanismsSettlement,
  record,
];
