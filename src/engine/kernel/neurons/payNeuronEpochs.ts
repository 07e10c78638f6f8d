/**
 * Neurons mode's epoch (spec §7, on the fast float64 path): the subnet's miner alpha is split among
 * UIDs by Yuma incentive and its validator alpha by dividends; the bonds and permits the epoch stores
 * carry over to the next one, and dividends compound into the validators' stake (they stay staked).
 * A span with several tempos runs up to `maxEpochs` epochs, each on an equal part of the alpha: with a
 * day step and the default of 1, bonds move once per step (set the scenario's step to tempo for
 * per-tempo bonds).
 */
import { runFastEpoch } from '../../epoch/fast/runFastEpoch.ts';
import type { FastEpochWorkspace } from '../../epoch/fast/workspace.ts';
import type { NeuronSubnet } from './neuronSubnet.ts';

/** Inputs of {@link payNeuronEpochs}. */
export interface NeuronEpochsInput {
  readonly subnet: NeuronSubnet;
  readonly ws: FastEpochWorkspace;
  /** Miner (server) and validator alpha paid out over the span's epochs. */
  readonly server: number;
  readonly validator: number;
  /** Epochs that fell in the span, and the block of the last one. */
  readonly epochs: number;
  readonly lastBlock: number;
  readonly tempo: number;
  readonly maxEpochs: number;
}

/**
 * Run the span's epochs and credit each UID. Without any dividends, validator alpha follows the chain's
 * fallback (by active stake); alpha no UID can take (no incentive, or no dividends and no active stake)
 * is returned as `unassigned`: the holder class still holds it, no UID is credited.
 * @example payNeuronEpochs({ subnet, ws, server: 410, validator: 410, epochs: 20, lastBlock, tempo: 360, maxEpochs: 1 })
 */
export function payNeuronEpochs(input: NeuronEpochsInput): { unassigned: number } {
  const { subnet: s, ws } = input;
  const runs = Math.max(1, Math.min(input.epochs, input.maxEpochs));
  const server = input.server / runs;
  const validator = input.validator / runs;
  const n = s.validators + s.miners;
  let unassigned = 0;
  for (let r = 0; r < runs; r++) {
    const block = input.lastBlock - (runs - 1 - r) * input.tempo;
    const out = runFastEpoch(ws, {
      block,
      tempo: input.tempo,
      ownerUid: null,
      lastMechanismStepBlock: s.lastEpochBlock,
      params: s.params,
      stake: s.stake,
      lastUpdate: s.lastUpdate,
      blockAtRegistration: s.blockAtRegistration,
      validatorPermit: s.validatorPermit,
      weights: s.weights,
      bonds: s.bonds,
      raoEmission: 0,
    });
    let incentiveSum = 0;
    let dividendSum = 0;
    for (let i = 0; i < n; i++) {
      incentiveSum += out.incentive[i]!;
      dividendSum += out.dividends[i]!;
    }
    const divShare = dividendSum > 0 ? out.dividends : out.activeStake;
    let divTotal = dividendSum > 0 ? dividendSum : 0;
    if (!(dividendSum > 0)) for (let i = 0; i < n; i++) divTotal += divShare[i]!;
    for (let i = 0; i < n; i++) {
      if (incentiveSum > 0) s.minerAlpha[i]! += (server * out.incentive[i]!) / incentiveSum;
      if (divTotal > 0) {
        const paid = (validator * divShare[i]!) / divTotal;
        s.validatorAlpha[i]! += paid;
        s.stake[i]! += paid;
      }
      s.validatorPermit[i] = out.validatorPermit[i]!;
    }
    if (!(incentiveSum > 0)) unassigned += server;
    if (!(divTotal > 0)) unassigned += validator;
    // The stored bonds are read before written, so the result's view can be copied for the next epoch.
    const b = out.bonds;
    const entries = b.rowStart[b.rows]!;
    s.bonds = {
      rows: b.rows,
      rowStart: b.rowStart.slice(0, b.rows + 1),
      col: b.col.slice(0, Math.max(1, entries)),
      value: b.value.slice(0, Math.max(1, entries)),
    };
    s.lastEpochBlock = block;
  }
  return { unassigned };
}
