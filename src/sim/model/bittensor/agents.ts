/**
 * Agents: each a policy that reads the chain state and the world and returns intents for the kernel.
 * Policies change only their own bookkeeping (a team's review date, a speculator's cash); value moves
 * only when the kernel applies the intents. Rates are per day and scaled by the step length `dt`.
 */
import { DEFAULT_KERNEL_PARAMS } from '../../../engine/kernel/defaultKernelParams.ts';
import type { IntentBatch } from '../../../engine/kernel/intentBatch.ts';
import { type HolderClass, holderColumnOf, type KernelState } from '../../../engine/kernel/types.ts';
import type { Rng } from '../../rng/stream.ts';
import { buybackTaoPerDay } from './buybacks.ts';
import type { Market } from './exogenous.ts';
import { type FlowTags, tagLastIntent } from './flowTags.ts';
import type { ModelParams } from './params.ts';
import { MINER_SHARE, minerCostUsd, type SalesPlan } from './sellPlan.ts';
import type { TaoFlowClass, TaoFlows } from './taoMarket.ts';
import { spotPrice } from './view.ts';
import { HISTORY_DAYS, historyHigh, LEFT, ON_NETWORK, type World } from './world.ts';

/** What every policy reads. */
export interface AgentContext {
  readonly state: KernelState;
  readonly world: World;
  readonly market: Market;
  readonly params: ModelParams;
  /** Step length in days. */
  readonly dt: number;
  readonly day: number;
  /** TAO price in USD this step. */
  readonly taoUsd: number;
  /** 30-day average TAO price in USD: what teams plan with. */
  readonly taoUsdAverage: number;
  /** Alpha emitted per slot per day over the last step (alpha out). */
  readonly alphaPerDay: Float64Array;
  /** Step number, for the trading cycle. */
  readonly step: number;
  /** Steps between a slot's periodic trades (owner, miner and root sales; staker rebalancing). */
  readonly tradeEvery: number;
  /** The step's intents, in order (the caller empties the batch before the agents act). */
  readonly intents: IntentBatch;
  /**
   * Spot price per slot as of the step's start, as {@link spotPrice} reads it (the agents all act before
   * any intent moves a pool); without it, read from the state.
   */
  readonly spot?: Float64Array;
  /** Alpha per slot per day each emission recipient sells (planned from the step's prices, {@link planSlotSales}). */
  readonly sales: SalesPlan;
  /** Intents that trade TAO against USD, by flow class (read after the kernel step). */
  readonly flowTags: FlowTags;
  /** TAO traded against USD this step, for trades crossed off the pool and booked at the step's price. */
  readonly taoFlows: TaoFlows;
  /** Mechanisms: USD per day a team adds to its income for staying (bond, vesting, covenant, credits). */
  readonly stayAdjustUsd?: Float64Array | undefined;
  /** Mechanisms: 1 where a team leaves this step whatever its review says (a cliff exiter). */
  readonly forceLeave?: Uint8Array | undefined;
}

/** One pump-for-share position. */
export interface Pump {
  readonly slot: number;
  /** Team on the slot when the pump started (a pruned slot may hold another subnet later). */
  readonly teamId: number;
  alpha: number;
  taoIn: number;
  readonly until: number;
  buyIntent: number;
  sellIntent: number;
}

/** Cash (TAO outside the chain's pools) held by agent groups between steps. */
export interface Wallets {
  stakers: number;
  speculators: number;
  rootClaims: number;
  /** Speculators' own alpha per slot (the class also holds pumpers' alpha). */
  readonly specAlpha: Float64Array;
  /** Open pumps: slot, alpha held, TAO paid, day to dump, and the intents that buy and sell it (-1 = none). */
  readonly pumps: Pump[];
  pumpProfitTao: number;
  selfMiningTao: number;
}

/** Spot price of a slot at the step's start. */
function spotOf(ctx: AgentContext, slot: number): number {
  return ctx.spot === undefined ? spotPrice(ctx.state, slot) : ctx.spot[slot]!;
}

/** Offset of a class's column in the kernel's holdings: `holdings[offset + slot]`, as `holding` reads it. */
function classOffset(state: KernelState, cls: HolderClass): number {
  return holderColumnOf(cls) * state.columns.active.length;
}

/** Sell `alpha` of a class; with `flow`, the TAO it brings is traded against USD in that flow class. */
export function unstake(
  ctx: AgentContext,
  slot: number,
  alpha: number,
  holder: HolderClass,
  flow?: TaoFlowClass,
): void {
  ctx.intents.unstake(slot, alpha, holder);
  if (flow !== undefined) tagLastIntent(ctx.flowTags, ctx.intents, flow);
}

/** Buy alpha with `tao` for a class; with `flow`, that TAO is first bought with USD in that flow class. */
export function stake(
  ctx: AgentContext,
  slot: number,
  tao: number,
  holder: HolderClass,
  flow?: TaoFlowClass,
): void {
  ctx.intents.stake(slot, tao, holder);
  if (flow !== undefined) tagLastIntent(ctx.flowTags, ctx.intents, flow);
}

/** A buyback: TAO bought with revenue, spent on alpha that is burned. */
function buyback(ctx: AgentContext, slot: number, tao: number): void {
  ctx.intents.buyback(slot, tao);
  tagLastIntent(ctx.flowTags, ctx.intents, 'valueReturned');
}

function ownerMining(ctx: AgentContext, slot: number, detected: number, undetected: number): void {
  ctx.intents.ownerMining(slot, detected, undetected);
}

/** Whether a slot's periodic trades happen this step (each slot has its own day in the cycle). */
export function tradesNow(ctx: AgentContext, slot: number): boolean {
  return (ctx.step + slot) % ctx.tradeEvery === 0;
}

/** Outside revenue a team's product could earn per day (USD). */
export function outsideRevenue(ctx: AgentContext, slot: number): number {
  const { world, market } = ctx;
  return (world.outsideBase[slot]! * world.quality[slot]! * market.aiDemand) / market.competition;
}

/**
 * Subnet teams: quality drift, selling the owner cut, buybacks, self-mining, and the leave decision. The
 * slots whose team leaves are appended to `leavers` (a list the caller may reuse), which is returned.
 */
export function teamsAct(ctx: AgentContext, rng: Rng, leavers: number[] = []): number[] {
  const { state, world, params, dt, day, taoUsd } = ctx;
  const t = params.teams;
  const sigma = params.teams.qualityVolatilityPerYear * Math.sqrt(dt / 365);
  const drift = 0.5 * sigma * sigma;
  const holdings = state.columns.holdings;
  const owners = classOffset(state, 'owner');
  const { status: statuses, quality, leaveSellPerDay } = world;
  const ownerSales = ctx.sales.owner;
  for (let i = 0; i < world.slots; i++) {
    const status = statuses[i];
    if (status === LEFT) {
      const sell = Math.min(holdings[owners + i]!, leaveSellPerDay[i]! * dt);
      if (sell > 0) unstake(ctx, i, sell, 'owner', 'dilution');
      continue;
    }
    if (status !== ON_NETWORK) continue;
    quality[i] = quality[i]! * Math.exp(sigma * rng.normal() - drift);
    const ownerAlpha = holdings[owners + i]!;
    if (tradesNow(ctx, i)) {
      const sell = Math.min(ownerAlpha, ownerSales[i]! * dt * ctx.tradeEvery);
      if (sell > 0) unstake(ctx, i, sell, 'owner', 'dilution');
    }
    const bought = buybackTaoPerDay(world, i, params, ctx.market, taoUsd) * dt;
    if (bought > 0) buyback(ctx, i, bought);
    if (world.selfMiner[i] === 1) {
      const take = params.adversaries.selfMiningTakeShare;
      const detected = take * params.adversaries.selfMiningDetectedShare;
      ownerMining(ctx, i, detected, take - detected);
    }
    const forced = ctx.forceLeave !== undefined && ctx.forceLeave[i] === 1;
    if (day >= world.nextReview[i]! || forced) {
      world.nextReview[i] = day + t.decisionEveryDays;
      const revenue = outsideRevenue(ctx, i);
      const price = spotOf(ctx, i);
      const minerAlpha = ctx.alphaPerDay[i]! * (1 - ownerCutShare(params)) * MINER_SHARE;
      const undetected =
        world.selfMiner[i] === 1
          ? params.adversaries.selfMiningTakeShare * (1 - params.adversaries.selfMiningDetectedShare)
          : 0;
      let ownerIncome =
        (ctx.alphaPerDay[i]! * ownerCutShare(params) + minerAlpha * undetected) * price * taoUsd +
        t.onNetworkRevenueShare * revenue;
      if (ctx.stayAdjustUsd !== undefined) ownerIncome += ctx.stayAdjustUsd[i]!;
      const outside = revenue - t.opexUsdPerDay;
      const switching = (revenue * t.switchingCostDays) / 365;
      if (forced || outside - ownerIncome > switching) {
        world.status[i] = LEFT;
        const id = world.teamId[i]!;
        if (id >= 0) world.teamLeftDay[id] = day;
        world.leaveSellPerDay[i] = ownerAlpha / Math.max(1, t.leaveSellDays);
        world.quality[i] = 0; // the product leaves with the team
        leavers.push(i);
      }
    }
  }
  return leavers;
}

/** The owner cut as a proportion (SubnetOwnerCut 11796/65535, the kernel's default). */
export function ownerCutShare(_params: ModelParams): number {
  return DEFAULT_KERNEL_PARAMS.ownerCut;
}

/** Miners: enter and exit by profit; sell their costs and a share of the rest of what they mine. */
export function minersAct(ctx: AgentContext): void {
  const { state, world, params, dt, taoUsd, market } = ctx;
  const m = params.miners;
  const cost = minerCostUsd(params, market.computeCost);
  const active = state.columns.active;
  const holdings = state.columns.holdings;
  const miners = classOffset(state, 'miner');
  const stayFull =
    m.entryElasticity >= 0 &&
    m.entryElasticity < Number.POSITIVE_INFINITY &&
    dt >= 0 &&
    dt < Number.POSITIVE_INFINITY;
  const minerCount = world.miners;
  const { alphaPerDay } = ctx;
  const minerSales = ctx.sales.miner;
  for (let i = 0; i < world.slots; i++) {
    if (active[i] !== 1) continue;
    const minersNow = minerCount[i]!;
    const minedUsd = alphaPerDay[i]! * (1 - ownerCutShare(params)) * MINER_SHARE * spotOf(ctx, i) * taoUsd;
    const perMiner = minedUsd / Math.max(1, minersNow);
    const ratio = Math.max(perMiner, 1e-9) / cost;
    // A full subnet that still pays (ratio >= 1, so margin >= 0) stays at 255 miners: no log or exp needed.
    if (!(stayFull && minersNow === 255 && ratio >= 1)) {
      const margin = Math.max(-3, Math.min(3, Math.log(ratio)));
      minerCount[i] = Math.max(1, Math.min(255, minersNow * Math.exp(m.entryElasticity * margin * dt)));
    }
    if (tradesNow(ctx, i)) {
      const sell = Math.min(holdings[miners + i]!, minerSales[i]! * dt * ctx.tradeEvery);
      if (sell > 0) unstake(ctx, i, sell, 'miner', 'dilution');
    }
  }
}

/**
 * Stakers: leave subnets whose team left, and sell root dividends for TAO that they restake on root (the
 * chain's default claim). Where to hold alpha is the alpha holders' valuation ({@link alphaHoldersAct}),
 * not a chase of alpha-denominated yields, most of which is dilution moving between holders.
 */
export function stakersAct(ctx: AgentContext, wallets: Wallets): void {
  const { state, world, params, dt, intents } = ctx;
  const s = params.stakers;
  if (wallets.rootClaims > 0) {
    intents.push({ kind: 'rootStake', tao: wallets.rootClaims });
    wallets.rootClaims = 0;
  }
  const active = state.columns.active;
  const holdings = state.columns.holdings;
  const roots = classOffset(state, 'root');
  const stakers = classOffset(state, 'staker');
  for (let i = 0; i < world.slots; i++) {
    const rootAlpha = holdings[roots + i]!;
    if (rootAlpha > 0 && tradesNow(ctx, i)) unstake(ctx, i, rootAlpha, 'root');
    if (active[i] !== 1 || world.status[i] !== LEFT) continue;
    const exit = holdings[stakers + i]! * Math.min(1, s.darkExitPerDay * dt);
    if (exit > 0) unstake(ctx, i, exit, 'staker');
  }
}

/** A speculator position worth less than this (TAO) is closed rather than halved again. */
const SPECULATOR_DUST_TAO = 1;

/** Speculators: buy recent winners, sell losers, and dump everything on a deep drawdown. */
export function speculatorsAct(ctx: AgentContext, wallets: Wallets): void {
  const { state, world, params, day } = ctx;
  const p = params.speculators;
  if (day < 7) return;
  const n = world.slots;
  const budget = (p.capitalTao / Math.max(1, n)) * 8; // concentrate on the movers
  const active = state.columns.active;
  // With a positive sensitivity a 7-day loss (log return <= 0) targets no position: no log needed.
  const lossTarget = 0;
  const sensitive = p.momentumSensitivity > 0;
  const { history, status } = world;
  const { specAlpha } = wallets;
  const taoReserve = state.columns.taoReserve;
  const weekAgoRow = ((day - 7) % HISTORY_DAYS) * n;
  for (let i = 0; i < n; i++) {
    if (active[i] !== 1) continue;
    const now = spotOf(ctx, i);
    const weekAgo = history[weekAgoRow + i]!;
    if (now <= 0 || weekAgo <= 0) continue;
    const held = specAlpha[i]!;
    if (held > 0 && (status[i] === LEFT || now < (1 - p.panicDrawdown) * recentHigh(world, i, day))) {
      unstake(ctx, i, held, 'speculator');
      specAlpha[i] = 0;
      continue;
    }
    // Positions are sized to the pool: no trader buys more than a share of its TAO depth.
    const room = Math.min(budget, p.maxPoolShare * taoReserve[i]!);
    const targetTao =
      sensitive && now <= weekAgo
        ? lossTarget
        : Math.max(0, Math.min(1, p.momentumSensitivity * Math.log(now / weekAgo))) * room;
    const heldTao = held * now;
    if (targetTao > heldTao * 1.1 && wallets.speculators > 0) {
      const tao = Math.min(targetTao - heldTao, wallets.speculators);
      wallets.speculators -= tao;
      stake(ctx, i, tao, 'speculator');
    } else if (targetTao < heldTao * 0.5 && held > 0) {
      // Halve the position, or close it when what would remain is dust.
      const alpha = heldTao * 0.5 < SPECULATOR_DUST_TAO ? held : held * 0.5;
      specAlpha[i] = held - alpha;
      unstake(ctx, i, alpha, 'speculator');
    }
  }
}

/**
 * Pump-for-share: an adversary buys a small subnet's alpha to lift its EMA price (and so its emission
 * share), then dumps after a while. Profit is what comes back minus what went in.
 */
export function pumpersAct(ctx: AgentContext, wallets: Wallets, rng: Rng): void {
  const { state, world, params, dt, day, intents } = ctx;
  const a = params.adversaries;
  for (const pump of wallets.pumps) {
    if (pump.alpha > 0 && day >= pump.until && world.teamId[pump.slot] === pump.teamId) {
      pump.sellIntent = intents.length;
      intents.unstake(pump.slot, pump.alpha, 'speculator');
    }
  }
  const arrivals = rng.poisson((a.pumpersPerYear * dt) / 365);
  for (let k = 0; k < arrivals; k++) {
    const slot = Math.floor(rng.uniform() * world.slots);
    if (state.columns.active[slot] !== 1 || world.status[slot] !== ON_NETWORK) continue;
    wallets.pumps.push({
      slot,
      teamId: world.teamId[slot]!,
      alpha: 0,
      taoIn: a.pumpTao,
      until: day + a.pumpHoldDays,
      buyIntent: intents.length,
      sellIntent: -1,
    });
    intents.stake(slot, a.pumpTao, 'speculator');
  }
}

/** Highest price of a slot over the kept history. */
function recentHigh(world: World, slot: number, day: number): number {
  if (day >= HISTORY_DAYS) return historyHigh(world, slot); // every day of the ring, kept up as it is written
  let high = 0;
  for (let d = 0; d < Math.min(HISTORY_DAYS, day); d++)
    high = Math.max(high, world.history[d * world.slots + slot]!);
  return high;
}
