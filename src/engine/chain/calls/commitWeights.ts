/**
 * `commit_weights` (spec §7.4, §10.6): a registered hotkey commits to its next weights by their hash
 * (`weightsCommitHash`), to reveal them with `reveal_weights` in the epoch `commitRevealPeriod` after this
 * one. The chain's timelocked (drand) commits need a beacon an offline engine does not have; these are the
 * chain's plain hash commits, revealed by the validator itself. A commit counts as activity: LastUpdate
 * becomes the current block, under the weights rate limit.
 */

import { hotkey, netuid } from '../../types.ts';
import { currentCommitEpoch, dropExpired, MAX_UNREVEALED_COMMITS } from '../commitRevealWindow.ts';
import { type CallHandler, rejection } from '../context.ts';
import type { Extrinsic } from '../extrinsics.ts';
import { checkNonRootSubnet } from './checks.ts';
import { passesWeightsRateLimit } from './weightsRateLimit.ts';

const HASH = /^0x[0-9a-fA-F]{64}$/;

export const commitWeights: CallHandler<Extrinsic & { call: 'commit_weights' }> = (
  { draft, events },
  ext,
) => {
  const id = netuid(ext.netuid);
  const missing = checkNonRootSubnet(draft, id);
  if (missing !== null) return missing;
  const subnet = draft.read(id);
  if (!subnet.commitRevealEnabled) {
    return rejection('CommitRevealDisabled', 'netuid', `subnet ${id} takes weights by set_weights`);
  }
  if (typeof ext.commitHash !== 'string' || !HASH.test(ext.commitHash)) {
    return rejection('InvalidValue', 'commitHash', 'must be 0x followed by 64 hex digits (32 bytes)');
  }
  const hk = hotkey(ext.signer);
  const uid = subnet.neurons.findIndex((n) => n.hotkey === hk);
  if (uid < 0)
    return rejection('HotKeyNotRegisteredInSubNet', 'signer', `hotkey is not registered on subnet ${id}`);
  if (!passesWeightsRateLimit(subnet, uid, draft.block)) {
    return rejection(
      'CommittingWeightsTooFast',
      'signer',
      `wait ${subnet.weightsSetRateLimit} blocks between commits`,
    );
  }
  const { live } = dropExpired(subnet, subnet.weightCommits.get(hk) ?? [], draft.block);
  if (live.length >= MAX_UNREVEALED_COMMITS) {
    return rejection(
      'TooManyUnrevealedCommits',
      'signer',
      `${MAX_UNREVEALED_COMMITS} commits wait for their reveal already`,
    );
  }
  const hash = ext.commitHash.toLowerCase();
  const w = draft.write(id);
  w.weightCommits = new Map(w.weightCommits).set(hk, [
    ...live,
    { hash, epoch: currentCommitEpoch(subnet, draft.block), block: draft.block },
  ]);
  const neurons = [...w.neurons];
  neurons[uid] = { ...subnet.neurons[uid]!, lastUpdate: draft.block };
  w.neurons = neurons;
  events.push({ type: 'WeightsCommitted', netuid: id, hotkey: hk, hash });
  return null;
};
