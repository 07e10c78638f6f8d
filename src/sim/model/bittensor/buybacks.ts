/** Revenue-funded buybacks: TAO bought with a team's revenue, spent on its alpha, which is burned. */
import type { Market } from './exogenous.ts';
import type { ModelParams } from './params.ts';
import { ON_NETWORK, type World } from './world.ts';

/** Buyback TAO per day of a slot's team at TAO price `taoUsd` (positional: it runs per slot per step). */
export function buybackTaoPerDay(
  world: World,
  slot: number,
  params: ModelParams,
  market: Market,
  taoUsd: number,
): number {
  if (world.buybacker[slot] !== 1 || world.status[slot] !== ON_NETWORK || !(taoUsd > 0)) return 0;
  const revenue = (world.outsideBase[slot]! * world.quality[slot]! * market.aiDemand) / market.competition;
  return (params.teams.buybackShare * params.teams.onNetworkRevenueShare * revenue) / taoUsd;
}
