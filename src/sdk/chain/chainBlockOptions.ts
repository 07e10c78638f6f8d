/**
 * The block options a node runs every chain with: Yuma Consensus as the epoch, and the binding mechanisms
 * as the chain's add-on. The add-on's steps return at once on a chain whose genesis switched no mechanism
 * on (its states and state roots are exactly the plain chain's), so one node serves both kinds of chain
 * and a mechanism call on a plain chain gets a receipt (`MechanismDisabled`), not a missing-call error.
 */
import { yumaEpoch } from '../../engine/epoch/index.ts';
import { mechanismsAddOn } from '../../engine/mechanisms/mechanismsAddOn.ts';

/** Epoch and add-on of every block the node produces or replays. */
export const NODE_BLOCK_OPTIONS = { epoch: yumaEpoch, addOn: mechanismsAddOn } as const;
