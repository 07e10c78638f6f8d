/**
 * Alpha holders who value a subnet by the TAO it earns (spec/market.md §3). A subnet's value in TAO is
 *   F = F₀ + (N − N₀) / (r + π − g),
 * N being the TAO per day its pool gains (emission in, buybacks) less what recipients' sales take out (an
 * EMA), F₀ and N₀ their values at the start (so the start price needs no premium fitted per subnet: the
 * premium prices changes of yield). Their target price is F over the alpha in wallets, and each step they
 * trade κ × their position × ln(target / price) TAO per day toward it, on top of the TAO per day that
 * balanced the pool at the start (while the team stays). Their TAO comes from, and goes back to, USD.
 */
import { HOLDER_CLASSES, HOLDER_INDEX, type KernelState } from '../../../engine/kernel/types.ts';
import { type AgentContext, stake, tradesNow, unstake } from './agents.ts';
import type { ModelParams } from './params.ts';
import { spotPrice } from './view.ts';
import { ON_NETWORK, type World } from './world.ts';

/** Days over which the holders' yield estimate averages (as the chain's flow EMA, about a month). */
export const HOLDER_YIELD_HALF_LIFE_DAYS = 30;

/** Alpha held in wallets on a slot (every holder class). */
export function walletAlpha(state: KernelState, slot: number): number {
  const n = state.columns.active.length;
  const holdings = state.columns.holdings;
  let alpha = 0;
  // Classes in their column order (HOLDER_INDEX), summed in that order, without a lookup per class.
  for (let k = 0; k < HOLDER_CLASSES.length; k++) alpha += holdings[k * n + slot]!;
  return alpha;
}

/** The holders' target price of a slot (TAO per alpha), 0 when its value is gone. */
export function holderTargetPrice(args: {
  state: KernelState;
  world: World;
  slot: number;
  params: ModelParams['alphaHolders'];
}): number {
  const { state, world, slot, params } = args;
  const ratePerDay = (params.rootYieldPerYear + params.riskPremiumPerYear - params.growthPerYear) / 365;
  const value =
    world.holderValueStart[slot]! + (world.holderYield[slot]! - world.holderYieldStart[slot]!) / ratePerDay;
  const held = walletAlpha(state, slot);
  return value > 0 && held > 0 ? value / held : 0;
}

/** Weight of a step of `dt` days in the holders' yield estimate. */
export function holderYieldWeight(dt: number): number {
  return 1 - 0.5 ** (dt / HOLDER_YIELD_HALF_LIFE_DAYS);
}

/** Move the holders' yield estimate toward this step's TAO per day into the pool (`yieldNow`). */
export function updateHolderYield(world: World, slot: number, yieldNow: number, weight: number): void {
  world.holderYield[slot] = world.holderYield[slot]! + (yieldNow - world.holderYield[slot]!) * weight;
}

/** Start a slot's valuation at its current price and yield, with `baseTao` per day balancing its pool. */
export function startHolderValuation(args: {
  state: KernelState;
  world: World;
  slot: number;
  yieldNow: number;
  baseTao: number;
}): void {
  const { state, world, slot } = args;
  world.holderValueStart[slot] = spotPrice(state, slot) * walletAlpha(state, slot);
  world.holderYieldStart[slot] = args.yieldNow;
  world.holderYield[slot] = args.yieldNow;
  world.holderBaseTao[slot] = args.baseTao;
}

/** Log gap beyond which holders trade no faster (a price far off target moves them, not without bound). */
const MAX_GAP = 3;

/**
 * The stakers' side of each slot on its day of the trading cycle (class `staker`): validators sell their
 * costs and a share of the rest of their dividends, and holders trade toward their target. When holders
 * buy while validators sell, the overlap is crossed at the step's price (the validators' TAO sold for
 * USD, the holders' bought with it) and only the rest goes through the pool, where what fills is booked:
 * validators' TAO as dilution, holders' as demand.
 */
export function alphaHoldersAct(ctx: AgentContext): void {
  const { state, world, params, dt } = ctx;
  const h = params.alphaHolders;
  const active = state.columns.active;
  const holdings = state.columns.holdings;
  const stakers = HOLDER_INDEX.staker * active.length;
  const period = dt * ctx.tradeEvery;
  for (let i = 0; i < world.slots; i++) {
    if (active[i] !== 1 || !tradesNow(ctx, i)) continue;
    const price = ctx.spot === undefined ? spotPrice(state, i) : ctx.spot[i]!;
    if (!(price > 0)) continue;
    const held = holdings[stakers + i]!;
    const validatorAlpha = Math.min(held, ctx.sales.validator[i]! * period);
    const target = holderTargetPrice({ state, world, slot: i, params: h });
    const gap = target > 0 ? Math.max(-MAX_GAP, Math.min(MAX_GAP, Math.log(target / price))) : -MAX_GAP;
    const base = world.status[i] === ON_NETWORK ? world.holderBaseTao[i]! : 0;
    const holderTao = (base + h.adjustmentPerDay * held * price * gap) * period;
    const crossed = holderTao > 0 ? Math.min(holderTao, validatorAlpha * price) : 0;
    ctx.taoFlows.dilution += crossed;
    ctx.taoFlows.demand -= crossed;
    const validatorRest = validatorAlpha - crossed / price;
    if (validatorRest > 0) unstake(ctx, i, validatorRest, 'staker', 'dilution');
    if (holderTao > crossed) stake(ctx, i, holderTao - crossed, 'staker', 'demand');
    else if (holderTao < 0) {
      const alpha = Math.min(held - validatorAlpha, -holderTao / price);
      if (alpha > 0) unstake(ctx, i, alpha, 'staker', 'demand');
    }
  }
}
