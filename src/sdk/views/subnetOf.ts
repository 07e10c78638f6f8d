/** The subnet a view is asked about, or the error that says it does not exist. */
import type { ChainState, SubnetState } from '../../engine/state/types.ts';
import type { NetUid } from '../../engine/types.ts';
import { ViewError } from './viewError.ts';

/** The code of a view asked about a subnet that does not exist. */
export const NO_SUCH_SUBNET = 'NO_SUCH_SUBNET';

/** The subnet `netuid`; throws a `NO_SUCH_SUBNET` {@link ViewError} naming `field` when there is none. */
export function subnetOf(state: ChainState, netuid: number, field = 'params[0]'): SubnetState {
  const subnet = state.subnets.get(netuid as NetUid);
  if (subnet !== undefined) return subnet;
  throw new ViewError(
    NO_SUCH_SUBNET,
    field,
    `no subnet ${netuid} at block ${state.block}`,
    `give one of the netuids the chain has (${[...state.subnets.keys()].join(', ')})`,
  );
}
