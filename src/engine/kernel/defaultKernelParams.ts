/** The kernel's parameters for the production runtime (spec §11, mainnet migrations), one day per step. */

import { DEFAULT_SUBNET_OWNER_CUT_U16 } from '../coinbase/pendingSplit.ts';
import { MAINNET_TAO_WEIGHT_RAW } from '../coinbase/rootProportion.ts';
import { DEFAULT_CHAIN_PARAMS, NEW_SUBNET } from '../state/defaults.ts';
import type { KernelParams } from './types.ts';

/** Blocks per day at 12 s blocks. */
export const BLOCKS_PER_DAY = 7_200;

/** Production defaults with `blocksPerStep` = one day. */
export const DEFAULT_KERNEL_PARAMS: KernelParams = Object.freeze({
  slots: DEFAULT_CHAIN_PARAMS.subnetLimit,
  blocksPerStep: BLOCKS_PER_DAY,
  tempo: DEFAULT_CHAIN_PARAMS.defaultTempo,
  taoWeight: Number(MAINNET_TAO_WEIGHT_RAW) / 2 ** 64,
  ownerCut: DEFAULT_SUBNET_OWNER_CUT_U16 / 65_535,
  emaHalvingBlocks: DEFAULT_CHAIN_PARAMS.emaPriceHalvingBlocks,
  movingAlpha: Number(DEFAULT_CHAIN_PARAMS.movingAlpha) / 2 ** 32,
  feeRate: NEW_SUBNET.feeRate / 65_535,
  minLock: Number(DEFAULT_CHAIN_PARAMS.networkMinLock) / 1e9,
  lockReductionInterval: DEFAULT_CHAIN_PARAMS.networkLockReductionInterval,
  networkRateLimit: DEFAULT_CHAIN_PARAMS.networkRateLimit,
  networkImmunityPeriod: DEFAULT_CHAIN_PARAMS.networkImmunityPeriod,
  newSubnetEmissionEnabled: DEFAULT_CHAIN_PARAMS.newSubnetEmissionEnabled,
});
