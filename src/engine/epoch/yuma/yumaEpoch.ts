/** The exact Yuma Consensus epoch behind the chain's epoch contract (spec §7). */
import type { EpochFunction } from '../types.ts';
import { runYumaEpoch } from './runYumaEpoch.ts';

/**
 * {@link runYumaEpoch} as an {@link EpochFunction}: what the chain calls at each subnet's epoch.
 * @example const { state: next } = applyBlock(state, extrinsics, { epoch: yumaEpoch })
 */
export const yumaEpoch: EpochFunction = (input) => runYumaEpoch(input);
