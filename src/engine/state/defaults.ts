/** Default parameters: the production runtime's values (spec §11), as new subnets get them (§9.2). */
import { BLOCKS_PER_DAY, DEFAULT_FEE_RATE, MINIMUM_RESERVE, RAO_PER_TAO } from '../chainConstants.ts';
import type { ChainParams, EpochParams } from './types.ts';

/** Chain-wide defaults. */
export const DEFAULT_CHAIN_PARAMS: ChainParams = Object.freeze({
  defaultTempo: 360,
  maxEpochsPerBlock: 2,
  /** `SubnetOwnerCut` (u16 of 65535, 18%). */
  subnetOwnerCut: 11_796,
  /** `DefaultDelegateTake` and `MaxDelegateTake`: separate parameters that equal the owner cut by chance. */
  defaultTake: 11_796,
  maxTake: 11_796,
  /** `TxDelegateTakeRateLimit`: 30 days. */
  takeIncreaseRateLimit: 30 * BLOCKS_PER_DAY,
  /** `PendingChildKeyCooldown`: one day. */
  childkeyCooldown: BLOCKS_PER_DAY,
  rootValidators: 64,
  minStake: 2_000_000n,
  nominatorMinStake: 20_000_000n,
  /** `NetworkMinLockCost`: 1000 TAO. */
  networkMinLock: 1_000n * RAO_PER_TAO,
  networkLockReductionInterval: 57_600,
  networkRateLimit: 28_800,
  networkImmunityPeriod: 864_000,
  subnetLimit: 128,
  startCallDelay: 0,
  emaPriceHalvingBlocks: 201_600,
  movingAlpha: 12_885n,
  minimumReserve: MINIMUM_RESERVE,
  immuneOwnerUidsLimit: 1,
  minNonImmuneUids: 10,
  newSubnetEmissionEnabled: false,
  newSubnetCommitRevealEnabled: false,
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
  /** `DefaultNeuronBurnCost`: 1 TAO. */
  burn: RAO_PER_TAO,
  burnHalfLife: 360,
  minBurn: 500_000n,
  maxBurn: 100_000_000_000n,
  maxAllowedUids: 256,
  immunityPeriod: 5000,
  minAllowedWeights: 1,
  weightsSetRateLimit: 100,
  /** `DefaultRevealPeriodEpochs`. */
  commitRevealPeriod: 1,
  /** `InitialServingRateLimit` of the runtime. */
  servingRateLimit: 50,
  feeRate: DEFAULT_FEE_RATE,
});
