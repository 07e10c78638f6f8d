import { describe, expect, it } from 'vitest';
import { BLOCKS_PER_DAY } from '../chainConstants.ts';
import { MAINNET_TAO_WEIGHT_RAW } from '../coinbase/rootProportion.ts';
import { DEFAULT_CHAIN_PARAMS, NEW_SUBNET } from '../state/defaults.ts';
import { DEFAULT_KERNEL_PARAMS } from './defaultKernelParams.ts';

describe('DEFAULT_KERNEL_PARAMS', () => {
  it('is the chain defaults converted to floats, one day per step', () => {
    const p = DEFAULT_CHAIN_PARAMS;
    expect(DEFAULT_KERNEL_PARAMS).toEqual({
      slots: p.subnetLimit,
      blocksPerStep: BLOCKS_PER_DAY,
      tempo: p.defaultTempo,
      taoWeight: Number(MAINNET_TAO_WEIGHT_RAW) / 2 ** 64,
      ownerCut: p.subnetOwnerCut / 65_535,
      emaHalvingBlocks: p.emaPriceHalvingBlocks,
      movingAlpha: Number(p.movingAlpha) / 2 ** 32,
      feeRate: NEW_SUBNET.feeRate / 65_535,
      minLock: Number(p.networkMinLock) / 1e9,
      lockReductionInterval: p.networkLockReductionInterval,
      networkRateLimit: p.networkRateLimit,
      networkImmunityPeriod: p.networkImmunityPeriod,
      newSubnetEmissionEnabled: p.newSubnetEmissionEnabled,
    });
  });

  it('keeps the production values', () => {
    expect(DEFAULT_KERNEL_PARAMS).toMatchObject({
      slots: 128,
      blocksPerStep: 7_200,
      tempo: 360,
      minLock: 1_000,
    });
    expect(DEFAULT_KERNEL_PARAMS.ownerCut).toBeCloseTo(0.18, 4);
  });
});
