/**
 * What emission recipients sell, per slot and day: each covers its USD costs from the alpha it receives
 * and sells a share of the rest as it arrives (a share of the flow, never of the stock it already holds).
 * Owners sell from the owner cut, miners from the miners' half, validators from the validators' half.
 */
import type { ModelParams } from './params.ts';

/** Share of the emission after the owner cut that goes to miners (the rest to validators and stakers). */
export const MINER_SHARE = 0.5;

/** Alpha sold per day out of `flow` alpha received per day, with costs of `costAlpha` alpha per day. */
export function soldOfFlow(flow: number, costAlpha: number, sellShare: number): number {
  if (!(flow > 0)) return 0;
  const cost = Math.min(flow, Math.max(0, costAlpha));
  return cost + sellShare * (flow - cost);
}

/** Alpha per day the miners of a slot emitting `alphaPerDay` receive. */
export function minerFlow(alphaPerDay: number, ownerCut: number): number {
  return alphaPerDay * (1 - ownerCut) * MINER_SHARE;
}

/** A miner's cost in USD per day as compute gets cheaper (required capability rises, so it falls slower). */
export function minerCostUsd(params: ModelParams, computeCost: number): number {
  return params.miners.costUsdPerDay * computeCost ** 0.3;
}

/** Alpha per day each recipient class sells, per slot. */
export interface SalesPlan {
  readonly owner: Float64Array;
  readonly miner: Float64Array;
  readonly validator: Float64Array;
}

/** An empty plan for `slots` slots. */
export function createSalesPlan(slots: number): SalesPlan {
  return {
    owner: new Float64Array(slots),
    miner: new Float64Array(slots),
    validator: new Float64Array(slots),
  };
}

/**
 * Plan the daily sales of slot `i`'s owner, miners and validators at alpha price `alphaUsd` (USD per
 * alpha) into `plan`. `onNetwork` false: the team has left and sells its stock on leaving, not its flow.
 * (Positional arguments: it runs for every slot every step.)
 */
export function planSlotSales(
  plan: SalesPlan,
  i: number,
  params: ModelParams,
  alphaPerDay: number,
  ownerCut: number,
  alphaUsd: number,
  miners: number,
  validators: number,
  minerCost: number,
  onNetwork: boolean,
): void {
  const perUsd = alphaUsd > 0 ? 1 / alphaUsd : 0;
  const afterCut = alphaPerDay * (1 - ownerCut);
  plan.owner[i] = onNetwork
    ? soldOfFlow(alphaPerDay * ownerCut, params.teams.opexUsdPerDay * perUsd, params.teams.ownerSellShare)
    : 0;
  plan.miner[i] = soldOfFlow(afterCut * MINER_SHARE, miners * minerCost * perUsd, params.miners.sellShare);
  plan.validator[i] = soldOfFlow(
    afterCut * (1 - MINER_SHARE),
    validators * params.validators.costUsdPerDay * perUsd,
    params.validators.sellShare,
  );
}
