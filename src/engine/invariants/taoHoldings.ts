/** Total TAO held anywhere, the right-hand side of the supply identity (see `state/types.ts`). */
import { type ChainAddOn, checkAddOn } from '../chain/addOn.ts';
import type { ChainState } from '../state/types.ts';

/**
 * Total TAO held anywhere: free balances, pools, subnet accounts, pending root TAO, burned TAO and
 * what the add-on holds (pass the add-on whose data the state carries). In rao.
 */
export function taoHoldings(state: ChainState, addOn?: ChainAddOn): bigint {
  checkAddOn(state, addOn);
  let held = state.burnedTao + (state.addOn === undefined || addOn === undefined ? 0n : addOn.taoHeld(state));
  for (const b of state.balances.values()) held += b;
  for (const s of state.subnets.values()) held += s.taoReserve + s.accountTao + s.pendingRootTao;
  return held;
}
