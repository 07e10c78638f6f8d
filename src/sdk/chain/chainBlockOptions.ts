/**
 * The block options every chain runs with, on a node or in-process: Yuma Consensus as the epoch, and the
 * binding mechanisms as the chain's add-on. The add-on's steps return at once on a chain whose genesis switched no mechanism
 * on (its states and state roots are exactly the plain chain's), so one node serves both kinds of chain
 * and a mechanism call on a plain chain gets a receipt (`MechanismDisabled`), not a missing-call error.
 */
import { yumaEpoch } from '../../engine/epoch/index.ts';
import { mechanismsAddOn } from '../../engine/mechanisms/mechanismsAddOn.ts';

/** Epoch and add-on of every block produced or replayed. */
export const CHAIN_BLOCK_OPTIONS = { epoch: yumaEpoch, addOn: mechanismsAddOn } as const;
