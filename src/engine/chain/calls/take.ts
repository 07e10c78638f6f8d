/**
 * `decrease_take` and `increase_take` (spec §6.4): a hotkey's owner changes the share of dividends
 * kept before the rest reaches its stakers. Decreases are immediate; increases are rate limited and
 * capped at the maximum take.
 */
import { hotkey } from '../../types.ts';
import { type CallHandler, rejection } from '../context.ts';
import type { Extrinsic } from '../extrinsics.ts';

export const decreaseTake: CallHandler<Extrinsic & { call: 'decrease_take' }> = ({ draft, events }, ext) => {
  const hk = hotkey(ext.hotkey);
  if (draft.ownerOf(hk) !== ext.signer)
    return rejection('NonAssociatedColdKey', 'hotkey', 'is not owned by the signer');
  if (!Number.isInteger(ext.take) || ext.take < 0)
    return rejection('InvalidTake', 'take', 'must be an integer >= 0');
  if (ext.take >= draft.takeOf(hk))
    return rejection('DelegateTakeTooLow', 'take', 'must be below the current take');
  draft.setTake(hk, ext.take);
  events.push({ type: 'TakeChanged', hotkey: hk, take: ext.take });
  return null;
};

export const increaseTake: CallHandler<Extrinsic & { call: 'increase_take' }> = ({ draft, events }, ext) => {
  const hk = hotkey(ext.hotkey);
  if (draft.ownerOf(hk) !== ext.signer)
    return rejection('NonAssociatedColdKey', 'hotkey', 'is not owned by the signer');
  if (!Number.isInteger(ext.take)) return rejection('InvalidTake', 'take', 'must be an integer');
  if (ext.take <= draft.takeOf(hk))
    return rejection('DelegateTakeTooLow', 'take', 'must be above the current take');
  if (ext.take > draft.params.maxTake) {
    return rejection('DelegateTakeTooHigh', 'take', `must be at most ${draft.params.maxTake} (18%)`);
  }
  const last = draft.takeIncreasedAt(hk);
  if (last !== undefined && draft.block - last < draft.params.takeIncreaseRateLimit) {
    return rejection('DelegateTxRateLimitExceeded', 'take', 'take increases are rate limited');
  }
  draft.setTake(hk, ext.take);
  draft.markTakeIncrease(hk, draft.block);
  events.push({ type: 'TakeChanged', hotkey: hk, take: ext.take });
  return null;
};
