/**
 * TAO price: market cap = start cap × exogenous demand × (useful output / start)^w + returned value,
 * where useful output is the product quality of subnets whose team is still on the network (scaled by
 * AI demand over competition) and returned value is the USD of alpha burned by buybacks (each USD
 * returned adds `returnedValueMultiple` USD of cap). Price = cap / issuance, so emission dilutes holders.
 */
import type { Market } from './exogenous.ts';
import type { ModelParams } from './params.ts';
import { ON_NETWORK, type World } from './world.ts';

/** Useful output index: quality of products still on the network, scaled by AI demand over competition. */
export function usefulOutput(world: World, aiDemand: number, competition: number): number {
  let u = 0;
  for (let i = 0; i < world.slots; i++) {
    if (world.status[i] === ON_NETWORK)
      u += world.quality[i]! * world.outsideBase[i]! * Math.sqrt(world.miners[i]! / 255);
  }
  return (u * aiDemand) / competition;
}

/** TAO price in USD: the market cap (exogenous demand, useful output, returned value) over issuance. */
export function taoPrice(args: {
  startCap: number;
  startOutput: number;
  world: World;
  market: Market;
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
