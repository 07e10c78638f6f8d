/** The kernel's parameters for the production runtime (spec §11, mainnet migrations), one day per step. */

import { BLOCKS_PER_DAY, RAO_PER_TAO } from '../chainConstants.ts';
import { MAINNET_TAO_WEIGHT_RAW } from '../coinbase/rootProportion.ts';
import { I96F32, U16_MAX, U64F64 } from '../fixed/format.ts';
import { DEFAULT_CHAIN_PARAMS, NEW_SUBNET } from '../state/defaults.ts';
import type { KernelParams } from './types.ts';

const U16_MAX_F64 = Number(U16_MAX);

/** Production defaults with `blocksPerStep` = one day: the chain's defaults as floats (TAO, proportions). */
export const DEFAULT_KERNEL_PARAMS: KernelParams = Object.freeze({
  slots: DEFAULT_CHAIN_PARAMS.subnetLimit,
  blocksPerStep: BLOCKS_PER_DAY,
  tempo: DEFAULT_CHAIN_PARAMS.defaultTempo,
  taoWeight: Number(MAINNET_TAO_WEIGHT_RAW) / Number(U64F64.one),
  ownerCut: DEFAULT_CHAIN_PARAMS.subnetOwnerCut / U16_MAX_F64,
  emaHalvingBlocks: DEFAULT_CHAIN_PARAMS.emaPriceHalvingBlocks,
  movingAlpha: Number(DEFAULT_CHAIN_PARAMS.movingAlpha) / Number(I96F32.one),
  feeRate: NEW_SUBNET.feeRate / U16_MAX_F64,
  minLock: Number(DEFAULT_CHAIN_PARAMS.networkMinLock) / Number(RAO_PER_TAO),
  lockReductionInterval: DEFAULT_CHAIN_PARAMS.networkLockReductionInterval,
  networkRateLimit: DEFAULT_CHAIN_PARAMS.networkRateLimit,
  networkImmunityPeriod: DEFAULT_CHAIN_PARAMS.networkImmunityPeriod,
  newSubnetEmissionEnabled: DEFAULT_CHAIN_PARAMS.newSubnetEmissionEnabled,
});
