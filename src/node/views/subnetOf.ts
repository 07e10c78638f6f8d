/** The subnet a view is asked about, or the RPC error that says it does not exist. */
import type { ChainState, SubnetState } from '../../engine/state/types.ts';
import type { NetUid } from '../../engine/types.ts';
import { RpcError } from '../rpc/rpcErrors.ts';

/** The subnet `netuid`; throws `INVALID_PARAMS` naming `field` when there is none. */
export function subnetOf(state: ChainState, netuid: number, field = 'params[0]'): SubnetState {
  const subnet = state.subnets.get(netuid as NetUid);
  if (subnet !== undefined) return subnet;
  throw new RpcError('INVALID_PARAMS', {
    detail: `no subnet ${netuid} at block ${state.block}`,
    data: {
      field,
      fix: `give one of the netuids tm_subnets lists (${[...state.subnets.keys()].join(', ')})`,
    },
  });
}
