/**
 * Storing a validator's weights (spec §7.4), the part `set_weights` and `reveal_weights` share. Weights are
 * max-upscaled to u16 (largest = 65535, others rounded) and zeros are stored too. Without commit-reveal the
 * rate limit applies and LastUpdate becomes the current block; with it, the commit did both (as on the chain).
 */

import { vecU16MaxUpscaleToU16 } from '../../epoch/math/u16.ts';
import { stakeWeightFloor, taoWeightU96 } from '../../staking/stakeWeight.ts';
import { hotkey, type NetUid, ROOT_NETUID } from '../../types.ts';
import { type CallContext, type ChainRejection, rejection } from '../context.ts';
import { checkNonRootSubnet } from './checks.ts';
import { passesWeightsRateLimit } from './weightsRateLimit.ts';

/** What is stored: the signer's weights on a subnet, and the name of the values' field for rejections. */
export interface WeightsToStore {
  readonly signer: string;
  readonly netuid: NetUid;
  readonly uids: readonly number[];
  readonly values: readonly number[];
  /** `'weights'` for `set_weights`, `'values'` for `reveal_weights`. */
  readonly valuesField: 'weights' | 'values';
}

/** Check and store the weights; a rejection leaves the draft to be dropped. */
export function storeWeights({ draft, events }: CallContext, input: WeightsToStore): ChainRejection | null {
  const { netuid: id, uids, values, valuesField } = input;
  const missing = checkNonRootSubnet(draft, id);
  if (missing !== null) return missing;
  const subnet = draft.read(id);
  const hk = hotkey(input.signer);
  const uid = subnet.neurons.findIndex((n) => n.hotkey === hk);
  if (uid < 0)
    return rejection('HotKeyNotRegisteredInSubNet', 'signer', `hotkey is not registered on subnet ${id}`);
  if (uids.length !== values.length) {
    return rejection('WeightVecNotEqualSize', valuesField, 'must have one weight per uid');
  }
  const n = subnet.neurons.length;
  const seen = new Set<number>();
  for (const [i, u] of uids.entries()) {
    if (!Number.isInteger(u) || u < 0 || u >= n)
      return rejection('UidVecContainInvalidOne', `uids[${i}]`, `no UID ${u}`);
    if (seen.has(u)) return rejection('DuplicateUids', `uids[${i}]`, `UID ${u} appears twice`);
    seen.add(u);
  }
  for (const [i, w] of values.entries()) {
    if (!Number.isInteger(w) || w < 0 || w > 65_535) {
      return rejection('InvalidWeight', `${valuesField}[${i}]`, 'must be an integer in 0..65535');
    }
  }
  const isOwner = hk === subnet.ownerHotkey;
  const root = draft.read(ROOT_NETUID);
  const stake = stakeWeightFloor({ subnet, root, hotkey: hk, taoWeightU96: taoWeightU96(draft) });
  if (!isOwner && stake < subnet.epoch.stakeThreshold) {
    return rejection('NotEnoughStakeToSetWeights', 'signer', `stake weight ${stake} is below the threshold`);
  }
  const neuron = subnet.neurons[uid]!;
  const selfOnly = uids.length === 1 && uids[0] === uid;
  if (!neuron.validatorPermit && !selfOnly && !isOwner) {
    return rejection('NeuronNoValidatorPermit', 'signer', 'needs a validator permit to weight other UIDs');
  }
  const direct = !subnet.commitRevealEnabled;
  if (direct && !passesWeightsRateLimit(subnet, uid, draft.block)) {
    return rejection(
      'SettingWeightsTooFast',
      'signer',
      `wait ${subnet.weightsSetRateLimit} blocks between sets`,
    );
  }
  const nonSelf = uids.filter((u) => u !== uid).length;
  if (!selfOnly && nonSelf < Math.min(subnet.minAllowedWeights, n)) {
    return rejection(
      'WeightVecLengthIsLow',
      'uids',
      `needs at least ${Math.min(subnet.minAllowedWeights, n)} UIDs`,
    );
  }
  const scaled = vecU16MaxUpscaleToU16(values); // the chain's I32F32 path, rounding included
  const row = uids.map((u, i) => [u, scaled[i]!] as const).sort((a, b) => a[0] - b[0]);
  const w = draft.write(id);
  const weights = [...w.weights];
  weights[uid] = row;
  w.weights = weights;
  if (direct) {
    const neurons = [...w.neurons];
    neurons[uid] = { ...neuron, lastUpdate: draft.block };
    w.neurons = neurons;
  }
  events.push({ type: 'WeightsSet', netuid: id, uid });
  return null;
}
