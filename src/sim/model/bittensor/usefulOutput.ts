/** The network's useful output: what the products still on the network are worth to their users. */
import { ON_NETWORK, type World } from './world.ts';

/**
 * Useful output index: quality of products still on the network (their outside value, scaled by the
 * square root of the miners' share of a full subnet), scaled by AI demand over competition.
 */
export function usefulOutput(world: World, aiDemand: number, competition: number): number {
  let u = 0;
  for (let i = 0; i < world.slots; i++) {
    if (world.status[i] === ON_NETWORK)
      u += world.quality[i]! * world.outsideBase[i]! * Math.sqrt(world.miners[i]! / 255);
  }
  return (u * aiDemand) / competition;
}
