/** The network's useful output: what the products still on the network are worth to their users. */
import { ON_NETWORK, type World } from './world.ts';

/**
 * Useful output index: quality of products still on the network (their outside value, scaled by the
 * square root of the miners' share of a full subnet), scaled by AI demand over competition.
 */
export function usefulOutput(world: World, aiDemand: number, competition: number): number {
  return scaledUsefulOutput(usefulOutputSum(world), aiDemand, competition);
}

/** {@link usefulOutput} before its scaling by the market (at AI demand and competition 1). */
export function usefulOutputSum(world: World): number {
  let u = 0;
  for (let i = 0; i < world.slots; i++) {
    if (world.status[i] === ON_NETWORK)
      u += world.quality[i]! * world.outsideBase[i]! * Math.sqrt(world.miners[i]! / 255);
  }
  return u;
}

/** {@link usefulOutput} from its sum ({@link usefulOutputSum}). */
export function scaledUsefulOutput(sum: number, aiDemand: number, competition: number): number {
  return (sum * aiDemand) / competition;
}

/**
 * {@link usefulOutputSum} of the network as it stands: `usefulSum` (the last settlement's sum, NaN once
 * a subnet was pruned or registered since) when it still holds, else summed again.
 */
export function currentUsefulSum(ctx: { readonly usefulSum: number; readonly world: World }): number {
  return Number.isNaN(ctx.usefulSum) ? usefulOutputSum(ctx.world) : ctx.usefulSum;
}
