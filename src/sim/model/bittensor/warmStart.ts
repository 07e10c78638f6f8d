/**
 * A start with nothing to jump: the record pins subnets, supplies and prices; what it lacks (flow rates,
 * miners' margins, the holders and investors who absorb the sales) is solved here from one trial step of
 * the chain on a copy of the state, so the first step sees the same emission income as later ones, each
 * pool's buyers match its sellers and the TAO market's baseline investors buy what is sold on it.
 */
import { cloneKernelState, kernelStep } from '../../../engine/kernel/index.ts';
import { HOLDER_INDEX, type KernelParams, type KernelState } from '../../../engine/kernel/types.ts';
import { startHolderValuation } from './alphaHolders.ts';
import { buybackTaoPerDay } from './buybacks.ts';
import type { Market } from './exogenous.ts';
import type { ModelParams } from './params.ts';
import { createSalesPlan, minerCostUsd, minerFlow, planSlotSales, type SalesPlan } from './sellPlan.ts';
import { spotPrice } from './view.ts';
import { ON_NETWORK, type World } from './world.ts';

/** What the trial step solves: alpha per slot per day, and the investors' baseline TAO bought per day. */
export interface WarmStart {
  readonly alphaPerDay: Float64Array;
  readonly taoInPerDay: Float64Array;
  /** What each recipient sells per day at the start, the plan until each slot's first trade. */
  readonly sales: SalesPlan;
  /** TAO per day the baseline investors buy at the start price and reference value. */
  readonly investorTaoPerDay: number;
}

/**
 * Solve the start: run one step of the chain on a copy of `state` with no trades, read each slot's alpha
 * and TAO emission per day and root's alpha, then set miners to break-even, stakers' tilt, the holders'
 * valuation and baseline, and return the investors' baseline.
 */
export function warmStart(args: {
  state: KernelState;
  kernel: KernelParams;
  params: ModelParams;
  world: World;
  market: Market;
  taoUsd: number;
  dt: number;
}): WarmStart {
  const { state, kernel, params, world, market, taoUsd, dt } = args;
  const trial = cloneKernelState(state);
  kernelStep({ state: trial, params: kernel, intents: [] });
  const n = kernel.slots;
  const c = state.columns;
  const t = trial.columns;
  const alphaPerDay = new Float64Array(n);
  const taoInPerDay = new Float64Array(n);
  const root = HOLDER_INDEX.root * n;
  let soldOnMarket = 0;
  let holdersIn = 0;
  let buybacks = 0;
  const sales = createSalesPlan(n);
  const minerCost = minerCostUsd(params, market.computeCost);
  for (let i = 0; i < n; i++) {
    if (c.active[i] !== 1) continue;
    alphaPerDay[i] = Math.max(0, t.emittedAlpha[i]! - c.emittedAlpha[i]!) / dt;
    taoInPerDay[i] = Math.max(0, t.emittedTao[i]! - c.emittedTao[i]!) / dt;
    const price = spotPrice(state, i);
    const alphaUsd = price * taoUsd;
    // Miners at break-even on the income they will see (the count their incentive pays for).
    const minerUsd = minerFlow(alphaPerDay[i]!, kernel.ownerCut) * alphaUsd;
    world.miners[i] = Math.max(1, Math.min(255, minerUsd / minerCost));
    planSlotSales(
      sales,
      i,
      params,
      alphaPerDay[i]!,
      kernel.ownerCut,
      alphaUsd,
      world.miners[i]!,
      world.validators[i]!,
      minerCost,
      world.status[i] === ON_NETWORK,
    );
    const recipientsTao = (sales.owner[i]! + sales.miner[i]! + sales.validator[i]!) * price;
    // Root sells its dividends for TAO it restakes on root: it leaves the pool, not for USD.
    const rootTao = (Math.max(0, t.holdings[root + i]! - c.holdings[root + i]!) / dt) * price;
    const chainBuys = Math.max(0, t.chainBuyTao[i]! - c.chainBuyTao[i]!) / dt;
    const buyback = buybackTaoPerDay(world, i, params, market, taoUsd);
    // The pool is balanced when the TAO it gains from chain buys, buybacks and holders equals what sellers take.
    const base = recipientsTao + rootTao - chainBuys - buyback;
    startHolderValuation({
      state,
      world,
      slot: i,
      yieldNow: taoInPerDay[i]! + buyback - recipientsTao,
      baseTao: base,
    });
    soldOnMarket += recipientsTao;
    holdersIn += base;
    buybacks += buyback;
  }
  return { alphaPerDay, taoInPerDay, sales, investorTaoPerDay: soldOnMarket - holdersIn - buybacks };
}
