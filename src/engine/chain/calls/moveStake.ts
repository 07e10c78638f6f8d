/**
 * `move_stake` (spec §6.1): move a coldkey's alpha from one hotkey/subnet to another. Within one
 * subnet the alpha changes hotkey without touching the pool; across subnets it is sold for TAO on
 * the origin pool and the TAO buys alpha on the destination pool (each swap with its fee).
 */
import { coldkey, hotkey, netuid } from '../../types.ts';
import { type CallHandler, rejection } from '../context.ts';
import type { Extrinsic } from '../extrinsics.ts';
import { buyAlpha, sellAlpha } from '../poolOps.ts';
import { creditStake, debitStake, positionOf } from '../stakeOps.ts';
import { recordUserFlow } from '../taoFlow.ts';
import { checkStakeTarget } from './checks.ts';

export const moveStake: CallHandler<Extrinsic & { call: 'move_stake' }> = ({ draft, events }, ext) => {
  const from = netuid(ext.originNetuid);
  const to = netuid(ext.destinationNetuid);
  const origin = checkStakeTarget(draft, from, ext.originHotkey, 'originHotkey');
  if (origin !== null) return origin;
  const destination = checkStakeTarget(draft, to, ext.destinationHotkey, 'destinationHotkey');
  if (destination !== null) return destination;
  const who = coldkey(ext.signer);
  const fromHk = hotkey(ext.originHotkey);
  const toHk = hotkey(ext.destinationHotkey);
  if (ext.amount <= 0n) return rejection('AmountTooLow', 'amount', 'must be a positive amount of alpha');
  if (from === to && fromHk === toHk)
    return rejection('SameStakeTarget', 'destinationHotkey', 'equals the origin');
  const position = positionOf(draft, { netuid: from, hotkey: fromHk, coldkey: who });
  if (position < ext.amount) {
    return rejection(
      'NotEnoughStakeToWithdraw',
      'amount',
      `exceeds the position ${position} on ${ext.originHotkey}`,
    );
  }
  let moved = ext.amount;
  if (from !== to) {
    const sold = sellAlpha(draft, from, ext.amount, { limitPrice: null, allowPartial: false });
    if (!sold.ok) return sold.error;
    if (sold.value.taoOut < draft.params.minStake) {
      return rejection(
        'AmountTooLow',
        'amount',
        `is worth less than the minimum stake ${draft.params.minStake} rao`,
      );
    }
    const bought = buyAlpha(draft, to, sold.value.taoOut, { limitPrice: null, allowPartial: false });
    if (!bought.ok) return bought.error;
    moved = bought.value.alphaOut;
    recordUserFlow(draft, from, -sold.value.taoOut);
    recordUserFlow(draft, to, bought.value.taoUsed);
  }
  debitStake(draft, { netuid: from, hotkey: fromHk, coldkey: who, amount: ext.amount });
  creditStake(draft, { netuid: to, hotkey: toHk, coldkey: who, amount: moved });
  events.push({
    type: 'StakeMoved',
    coldkey: who,
    from: fromHk,
    to: toHk,
    originNetuid: from,
    destinationNetuid: to,
    alpha: moved,
  });
  return null;
};
