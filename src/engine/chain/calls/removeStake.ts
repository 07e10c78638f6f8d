/**
 * `remove_stake` and `remove_stake_limit` (spec §6.1, §5.4): alpha leaves the coldkey's position,
 * sells through the pool (fee from the input) and the TAO is credited to the coldkey. A nominator
 * position left below the nominator minimum is closed entirely.
 */
import { coldkey, hotkey, netuid } from '../../types.ts';
import { type CallContext, type CallHandler, type ChainRejection, rejection } from '../context.ts';
import type { Extrinsic } from '../extrinsics.ts';
import { alphaValueInTao, sellAlpha } from '../poolOps.ts';
import { debitStake, positionOf } from '../stakeOps.ts';
import { recordUserFlow } from '../taoFlow.ts';
import { checkStakeTarget } from './checks.ts';

function unstake(
  ctx: CallContext,
  args: {
    signer: string;
    hotkey: string;
    netuid: number;
    amount: bigint;
    limitPrice: bigint | null;
    allowPartial: boolean;
  },
): ChainRejection | null {
  const { draft, events } = ctx;
  const id = netuid(args.netuid);
  const target = checkStakeTarget(draft, id, args.hotkey);
  if (target !== null) return target;
  const who = coldkey(args.signer);
  const hk = hotkey(args.hotkey);
  if (args.amount <= 0n) return rejection('AmountTooLow', 'amount', 'must be a positive amount of alpha');
  const position = positionOf(draft, { netuid: id, hotkey: hk, coldkey: who });
  if (position < args.amount) {
    return rejection(
      'NotEnoughStakeToWithdraw',
      'amount',
      `exceeds the position ${position} on ${args.hotkey}`,
    );
  }
  const min = draft.params.minStake;
  if (args.amount < position && alphaValueInTao(draft.read(id), args.amount) < min) {
    return rejection(
      'AmountTooLow',
      'amount',
      `is worth less than the minimum ${min} rao; remove the whole position`,
    );
  }
  const sold = sellAlpha(draft, id, args.amount, {
    limitPrice: args.limitPrice,
    allowPartial: args.allowPartial,
  });
  if (!sold.ok) return sold.error;
  const { taoOut, alphaUsed, fee } = sold.value;
  debitStake(draft, { netuid: id, hotkey: hk, coldkey: who, amount: alphaUsed });
  draft.credit(who, taoOut);
  recordUserFlow(draft, id, -taoOut);
  events.push({
    type: 'StakeRemoved',
    coldkey: who,
    hotkey: hk,
    netuid: id,
    tao: taoOut,
    alpha: alphaUsed,
    fee,
  });
  closeDustNominator(ctx, { netuid: id, hotkey: hk, coldkey: who });
  return null;
}

/** Force-unstake a nominator position worth less than the nominator minimum (spec §6.1). */
export function closeDustNominator(
  { draft, events }: CallContext,
  args: {
    netuid: ReturnType<typeof netuid>;
    hotkey: ReturnType<typeof hotkey>;
    coldkey: ReturnType<typeof coldkey>;
  },
): void {
  if (draft.ownerOf(args.hotkey) === args.coldkey) return;
  const rest = positionOf(draft, args);
  if (rest === 0n || alphaValueInTao(draft.read(args.netuid), rest) >= draft.params.nominatorMinStake) return;
  const sold = sellAlpha(draft, args.netuid, rest, { limitPrice: null, allowPartial: false });
  if (!sold.ok) return; // the pool cannot take it: the position stays (the chain does the same)
  debitStake(draft, { ...args, amount: sold.value.alphaUsed });
  draft.credit(args.coldkey, sold.value.taoOut);
  recordUserFlow(draft, args.netuid, -sold.value.taoOut);
  events.push({
    type: 'StakeRemoved',
    coldkey: args.coldkey,
    hotkey: args.hotkey,
    netuid: args.netuid,
    tao: sold.value.taoOut,
    alpha: sold.value.alphaUsed,
    fee: sold.value.fee,
  });
}

export const removeStake: CallHandler<Extrinsic & { call: 'remove_stake' }> = (ctx, ext) =>
  unstake(ctx, { ...ext, limitPrice: null, allowPartial: false });

export const removeStakeLimit: CallHandler<Extrinsic & { call: 'remove_stake_limit' }> = (ctx, ext) =>
  unstake(ctx, ext);
