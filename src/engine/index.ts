/**
 * The pure protocol engine: exact chain state machine, fixed-point emulation, AMM, coinbase,
 * registration and epoch, and the binding mechanisms as the chain's add-on. No I/O; everything it
 * needs comes in as arguments.
 */
export { AddOnMissingError, type ChainAddOn } from './chain/addOn.ts';
export {
  type AddOnOptions,
  applyBlock,
  applyExtrinsic,
  type BlockOptions,
  type BlockResult,
  type Receipt,
} from './chain/applyBlock.ts';
export { CHAIN_REJECTION_CODES, type ChainRejectionCode } from './chain/chainRejectionCodes.ts';
export { MAX_UNREVEALED_COMMITS } from './chain/commitRevealWindow.ts';
export type { AddOnEvent, ChainEvent, CoreEvent } from './chain/events.ts';
export {
  type AddOnCall,
  CALL_NAMES,
  type CallName,
  type CoreExtrinsic,
  type Extrinsic,
  type SudoSetHyperparameter,
} from './chain/extrinsics.ts';
export { formatIp, type IpAddress, parseIp } from './chain/ipAddress.ts';
export { stateRoot } from './chain/stateRoot.ts';
export {
  HYPERPARAMETER_NAMES,
  type HyperparameterName,
  type HyperparameterValue,
  SUBNET_HYPERPARAMETERS,
} from './chain/subnetHyperparameters.ts';
export { type WeightsReveal, weightsCommitHash, weightsCommitPreimage } from './chain/weightsCommitHash.ts';
export * from './chainConstants.ts';
export { blockEmissionForIssuance, TOTAL_SUPPLY } from './emission/blockEmission.ts';
export { stakeProportionalEpoch } from './epoch/stakeProportionalEpoch.ts';
export type { EpochFunction, EpochInput, EpochOutput } from './epoch/types.ts';
export { runYumaEpoch, yumaEpoch } from './epoch/yuma/index.ts';
export * from './errors.ts';
export { createGenesis, type GenesisConfig, type GenesisSubnet } from './genesis/createGenesis.ts';
export { checkInvariants } from './invariants/checkInvariants.ts';
export { taoHoldings } from './invariants/taoHoldings.ts';
export * from './mechanisms/index.ts';
export type {
  AddOnState,
  AxonInfo,
  ChainParams,
  ChainState,
  Neuron,
  SubnetState,
  WeightCommit,
} from './state/types.ts';
export * from './types.ts';
