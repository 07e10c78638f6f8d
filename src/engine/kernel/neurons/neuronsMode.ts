/**
 * The kernel's neurons mode: per-neuron Yuma (the fast epoch) for the subnets a scenario details, on
 * top of the subnet-level model. Slots without detail (null) keep the documented subnet-level incentive
 * model of `payEpochs`.
 */
import { createFastEpochWorkspace, type FastEpochWorkspace } from '../../epoch/fast/workspace.ts';
import { cloneNeuronSubnet, type NeuronSubnet } from './neuronSubnet.ts';

/** Neuron detail per slot, and the epoch workspace they share (scratch: no state between epochs). */
export interface NeuronsMode {
  readonly subnets: (NeuronSubnet | null)[];
  /** Epochs run per slot per step at most (a day step holds 20 tempos). */
  readonly maxEpochsPerStep: number;
  readonly ws: FastEpochWorkspace;
}

/**
 * Neurons mode over `slots` slots, none detailed yet.
 * @example const mode = createNeuronsMode(128, 1); mode.subnets[3] = createNeuronSubnet({...})
 */
export function createNeuronsMode(slots: number, maxEpochsPerStep: number): NeuronsMode {
  return {
    subnets: Array.from({ length: slots }, () => null),
    maxEpochsPerStep,
    ws: createFastEpochWorkspace(),
  };
}

/** A deep copy with its own workspace. */
export function cloneNeuronsMode(mode: NeuronsMode): NeuronsMode {
  return {
    subnets: mode.subnets.map((s) => (s === null ? null : cloneNeuronSubnet(s))),
    maxEpochsPerStep: mode.maxEpochsPerStep,
    ws: createFastEpochWorkspace(),
  };
}
