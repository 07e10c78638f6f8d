/**
 * `set_weights` (spec §7.4): a registered hotkey stores its weights for the subnet's miners.
 * Weights are max-upscaled to u16 (largest = 65535, others rounded), zeros are stored too, and
 * LastUpdate becomes the current block (commit-reveal is not modelled: weights are visible at once).
 */

import { vecU16MaxUpscaleToU16 } from '../../epoch/math/u16.ts';
import { stakeWeightFloor, taoWeightU96 } from '../../staking/stakeWeight.ts';
import { hotkey, netuid, ROOT_NETUID } from '../../types.ts';
import { type CallHandler, rejection } from '../context.ts';
import type { Extrinsic } from '../extrinsics.ts';

export const setWeights: CallHandler<Extrinsic & { call: 'set_weights' }> = ({ draft, events }, ext) => {
  const id = netuid(ext.netuid);
  if (id === ROOT_NETUID || !draft.hasSubnet(id))
    return rejection('SubnetNotExists', 'netuid', `no subnet ${ext.netuid}`);
  const subnet = draft.read(id);
  const hk = hotkey(ext.signer);
  const uid = subnet.neurons.findIndex((n) => n.hotkey === hk);
  if (uid < 0)
    return rejection('HotKeyNotRegisteredInSubNet', 'signer', `hotkey is not registered on subnet ${id}`);
  if (ext.uids.length !== ext.weights.length) {
    return rejection('WeightVecNotEqualSize', 'weights', 'must have one weight per uid');
  }
  const n = subnet.neurons.length;
  const seen = new Set<number>();
  for (const [i, u] of ext.uids.entries()) {
    if (!Number.isInteger(u) || u < 0 || u >= n)
      return rejection('UidVecContainInvalidOne', `uids[${i}]`, `no UID ${u}`);
    if (seen.has(u)) return rejection('DuplicateUids', `uids[${i}]`, `UID ${u} appears twice`);
    seen.add(u);
  }
  for (const [i, w] of ext.weights.entries()) {
    if (!Number.isInteger(w) || w < 0 || w > 65_535) {
      return rejection('InvalidWeight', `weights[${i}]`, 'must be an integer in 0..65535');
    }
  }
  const isOwner = hk === subnet.ownerHotkey;
  const root = draft.read(ROOT_NETUID);
  const stake = stakeWeightFloor({ subnet, root, hotkey: hk, taoWeightU96: taoWeightU96(draft) });
  if (!isOwner && stake < subnet.epoch.stakeThreshold) {
    return rejection('NotEnoughStakeToSetWeights', 'signer', `stake weight ${stake} is below the threshold`);
  }
  const neuron = subnet.neurons[uid]!;
  const selfOnly = ext.uids.length === 1 && ext.uids[0] === uid;
  if (!neuron.validatorPermit && !selfOnly && !isOwner) {
    return rejection('NeuronNoValidatorPermit', 'signer', 'needs a validator permit to weight other UIDs');
  }
  const lastSet = subnet.weights[uid]!.length > 0 || neuron.lastUpdate > neuron.blockAtRegistration;
  if (lastSet && draft.block - neuron.lastUpdate < subnet.weightsSetRateLimit) {
    return rejection(
      'SettingWeightsTooFast',
      'signer',
      `wait ${subnet.weightsSetRateLimit} blocks between sets`,
    );
  }
  const nonSelf = ext.uids.filter((u) => u !== uid).length;
  if (!selfOnly && nonSelf < Math.min(subnet.minAllowedWeights, n)) {
    return rejection(
      'WeightVecLengthIsLow',
      'uids',
      `needs at least ${Math.min(subnet.minAllowedWeights, n)} UIDs`,
    );
  }
  const scaled = vecU16MaxUpscaleToU16(ext.weights); // the chain's I32F32 path, rounding included
  const row = ext.uids.map((u, i) => [u, scaled[i]!] as const).sort((a, b) => a[0] - b[0]);
  const w = draft.write(id);
  const weights = [...w.weights];
  weights[uid] = row;
  w.weights = weights;
  const neurons = [...w.neurons];
  neurons[uid] = { ...neuron, lastUpdate: draft.block };
  w.neurons = neurons;
  events.push({ type: 'WeightsSet', netuid: id, uid });
  return null;
};
