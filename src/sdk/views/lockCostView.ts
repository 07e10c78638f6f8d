/** `tm_lockCost` (subtensor's `subnetInfo_getLockCost`, btcli's burn cost): what `register_network` locks in the next block. */
import { blockEmissionForIssuance } from '../../engine/emission/blockEmission.ts';
import { networkLockCost } from '../../engine/registration/lockCost.ts';
import type { ChainState } from '../../engine/state/types.ts';
import type { Rao } from '../../engine/types.ts';

/**
 * The lock of a subnet registered in the block after `state`.
 * @example lockCostView(node.state) // 100_000_000_000n on a fresh dev chain
 */
export function lockCostView(state: ChainState): Rao {
  return networkLockCost({
    lastLock: state.lastLock,
    lastLockBlock: state.lastLockBlock,
    block: state.block + 1,
    minLock: state.params.networkMinLock,
    reductionInterval: BigInt(state.params.networkLockReductionInterval),
    blockEmission: blockEmissionForIssuance(state.totalIssuance),
  });
}
