/** Default parameters: the production runtime's values (spec §11), as new subnets get them (§9.2). */
import type { ChainParams, EpochParams } from './types.ts';

/** Chain-wide defaults. */
export const DEFAULT_CHAIN_PARAMS: ChainParams = Object.freeze({
  defaultTempo: 360,
  maxEpochsPerBlock: 2,
  subnetOwnerCut: 11_796,
  defaultTake: 11_796,
  maxTake: 11_796,
  takeIncreaseRateLimit: 216_000,
  childkeyCooldown: 7_200,
  rootValidators: 64,
  minStake: 2_000_000n,
  nominatorMinStake: 20_000_000n,
  networkMinLock: 1_000_000_000_000n,
  networkLockReductionInterval: 57_600,
  networkRateLimit: 28_800,
  networkImmunityPeriod: 864_000,
  subnetLimit: 128,
  startCallDelay: 0,
  emaPriceHalvingBlocks: 201_600,
  movingAlpha: 12_885n,
  minimumReserve: 1_000_000n,
  immuneOwnerUidsLimit: 1,
  minNonImmuneUids: 10,
  newSubnetEmissionEnabled: false,
});

/** Epoch hyperparameters of a new subnet. */
export const DEFAULT_EPOCH_PARAMS: EpochParams = Object.freeze({
  kappa: 32_767,
  bondsMovingAverage: 900_000,
  bondsPenalty: 65_535,
  yuma3: true,
  liquidAlpha: false,
  alphaLow: 45_875,
  alphaHigh: 58_982,
  alphaSigmoidSteepness: 1000,
  maxAllowedValidators: 64,
  activityCutoffFactorMilli: 13_889,
  stakeThreshold: 0n,
});

/** Subnet registration defaults (spec §8, §9.2). */
export const NEW_SUBNET = Object.freeze({
  burn: 1_000_000_000n,
  burnHalfLife: 360,
  minBurn: 500_000n,
  maxBurn: 100_000_000_000n,
  maxAllowedUids: 256,
  immunityPeriod: 5000,
  minAllowedWeights: 1,
  weightsSetRateLimit: 100,
  feeRate: 33,
});
