/** Epoch implementations behind the chain's contract: the exact Yuma Consensus and a simple stand-in. */
export { stakeProportionalEpoch } from './stakeProportionalEpoch.ts';
export type {
  EpochFunction,
  EpochInput,
  EpochNeuron,
  EpochOutput,
  MechanismInput,
  MechanismOutput,
} from './types.ts';
export * from './yuma/index.ts';
