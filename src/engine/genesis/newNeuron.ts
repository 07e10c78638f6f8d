/** The neuron record registration creates (spec §8). */
import type { Neuron } from '../state/types.ts';
import type { Hotkey } from '../types.ts';

/** A neuron record as registration creates it. */
export function newNeuron(hk: Hotkey, block: number): Neuron {
  return {
    hotkey: hk,
    blockAtRegistration: block,
    lastUpdate: block,
    validatorPermit: false,
    emission: 0n,
    incentive: 0,
    dividends: 0,
    consensus: 0,
    validatorTrust: 0,
    active: true,
    axon: null,
  };
}
