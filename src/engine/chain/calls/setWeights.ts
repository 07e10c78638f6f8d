/**
 * `set_weights` (spec §7.4): a registered hotkey stores its weights for the subnet's miners at once. Refused
 * on a subnet with commit-reveal on, where weights go through `commit_weights` and `reveal_weights`.
 */

import { netuid, ROOT_NETUID } from '../../types.ts';
import { type CallHandler, rejection } from '../context.ts';
import type { Extrinsic } from '../extrinsics.ts';
import { storeWeights } from './storeWeights.ts';

export const setWeights: CallHandler<Extrinsic & { call: 'set_weights' }> = (ctx, ext) => {
  const id = netuid(ext.netuid);
  if (id !== ROOT_NETUID && ctx.draft.hasSubnet(id) && ctx.draft.read(id).commitRevealEnabled) {
    return rejection(
      'CommitRevealEnabled',
      'netuid',
      `subnet ${id} takes weights by commit_weights and reveal_weights`,
    );
  }
  return storeWeights(ctx, {
    signer: ext.signer,
    netuid: id,
    uids: ext.uids,
    values: ext.weights,
    valuesField: 'weights',
  });
};
