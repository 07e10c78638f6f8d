/**
 * `reveal_weights` (spec §7.4, §10.6): the committing hotkey shows the weights behind one of its commits.
 * The data must hash (`weightsCommitHash`) to a commit that is in its reveal epoch; that commit and every
 * older one are removed, and the weights are stored as `set_weights` stores them (its checks included).
 */

import { U64_MAX } from '../../fixed/index.ts';
import { hotkey, netuid } from '../../types.ts';
import { commitWindow, currentCommitEpoch, dropExpired } from '../commitRevealWindow.ts';
import { type CallHandler, type ChainRejection, rejection } from '../context.ts';
import type { Extrinsic } from '../extrinsics.ts';
import { weightsCommitHash } from '../weightsCommitHash.ts';
import { checkNonRootSubnet } from './checks.ts';
import { storeWeights } from './storeWeights.ts';

function u16List(xs: unknown, field: string): ChainRejection | null {
  if (!Array.isArray(xs)) return rejection('InvalidValue', field, 'must be a list of u16 integers');
  const bad = xs.findIndex((x) => !Number.isInteger(x) || x < 0 || x > 65_535);
  return bad < 0 ? null : rejection('InvalidValue', `${field}[${bad}]`, 'must be an integer in 0..65535');
}

export const revealWeights: CallHandler<Extrinsic & { call: 'reveal_weights' }> = (ctx, ext) => {
  const { draft, events } = ctx;
  const id = netuid(ext.netuid);
  const missing = checkNonRootSubnet(draft, id);
  if (missing !== null) return missing;
  const subnet = draft.read(id);
  if (!subnet.commitRevealEnabled) {
    return rejection('CommitRevealDisabled', 'netuid', `subnet ${id} takes weights by set_weights`);
  }
  const malformed = u16List(ext.uids, 'uids') ?? u16List(ext.values, 'values') ?? u16List(ext.salt, 'salt');
  if (malformed !== null) return malformed;
  if (typeof ext.versionKey !== 'bigint' || ext.versionKey < 0n || ext.versionKey > U64_MAX) {
    return rejection('InvalidValue', 'versionKey', 'must be a u64 (bigint)');
  }
  const hk = hotkey(ext.signer);
  const commits = subnet.weightCommits.get(hk);
  if (commits === undefined) return rejection('NoWeightsCommitFound', 'signer', `no commit on subnet ${id}`);
  const { live, expired } = dropExpired(subnet, commits, draft.block);
  const hash = weightsCommitHash({
    hotkey: hk,
    netuid: id,
    uids: ext.uids,
    values: ext.values,
    salt: ext.salt,
    versionKey: ext.versionKey,
  });
  const position = live.findIndex((c) => c.hash === hash);
  if (position < 0) {
    if (expired.some((c) => c.hash === hash)) {
      return rejection('ExpiredWeightCommit', 'signer', 'the reveal epoch of this commit has passed');
    }
    return live.length === 0
      ? rejection('NoWeightsCommitFound', 'signer', `no unexpired commit on subnet ${id}`)
      : rejection('InvalidRevealCommitHashNotMatch', 'salt', 'the data does not hash to any of the commits');
  }
  const commit = live[position]!;
  if (commitWindow(subnet, commit, draft.block) === 'early') {
    return rejection(
      'RevealTooEarly',
      'signer',
      `revealable in epoch ${commit.epoch + subnet.commitRevealPeriod} (now ${currentCommitEpoch(subnet, draft.block)})`,
    );
  }
  const rest = live.slice(position + 1);
  const w = draft.write(id);
  const next = new Map(w.weightCommits);
  if (rest.length === 0) next.delete(hk);
  else next.set(hk, rest);
  w.weightCommits = next;
  const stored = storeWeights(ctx, {
    signer: ext.signer,
    netuid: id,
    uids: ext.uids,
    values: ext.values,
    valuesField: 'values',
  });
  if (stored !== null) return stored;
  events.push({ type: 'WeightsRevealed', netuid: id, hotkey: hk, hash });
  return null;
};
