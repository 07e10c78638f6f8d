/**
 * `add_stake` and `add_stake_limit` (spec §6.1, §5.4): TAO leaves the coldkey, buys alpha through
 * the subnet pool (fee from the input) and the alpha is credited as shares of the hotkey's pool.
 */
import { coldkey, hotkey, netuid } from '../../types.ts';
import { type CallContext, type CallHandler, type ChainRejection, rejection } from '../context.ts';
import type { Extrinsic } from '../extrinsics.ts';
import { buyAlpha } from '../poolOps.ts';
import { creditStake } from '../stakeOps.ts';
import { recordUserFlow } from '../taoFlow.ts';
import { checkStakeTarget } from './checks.ts';

function stake(
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
  const min = draft.params.minStake;
  if (args.amount < min)
    return rejection('AmountTooLow', 'amount', `must be at least ${min} rao (0.002 TAO)`);
  const balance = draft.balance(who);
  if (balance < args.amount) {
    return rejection('NotEnoughBalanceToStake', 'amount', `exceeds the free balance ${balance} rao`);
  }
  const subnet = draft.read(id);
  if (subnet.mechanism === 1 && args.amount > subnet.taoReserve * 1000n) {
    return rejection('InsufficientLiquidity', 'amount', 'may not exceed 1000 x the pool TAO reserve');
  }
  const bought = buyAlpha(draft, id, args.amount, {
    limitPrice: args.limitPrice,
    allowPartial: args.allowPartial,
  });
  if (!bought.ok) return bought.error;
  const { alphaOut, taoUsed, fee } = bought.value;
  if (taoUsed - fee < min && taoUsed < args.amount) {
    return rejection(
      'AmountTooLow',
      'limitPrice',
      'the partial fill at this limit is below the minimum stake',
    );
  }
  draft.setBalance(who, balance - taoUsed);
  recordUserFlow(draft, id, taoUsed);
  creditStake(draft, { netuid: id, hotkey: hk, coldkey: who, amount: alphaOut });
  events.push({
    type: 'StakeAdded',
    coldkey: who,
    hotkey: hk,
    netuid: id,
    tao: taoUsed,
    alpha: alphaOut,
    fee,
  });
  return null;
}

export const addStake: CallHandler<Extrinsic & { call: 'add_stake' }> = (ctx, ext) =>
  stake(ctx, { ...ext, limitPrice: null, allowPartial: false });

export const addStakeLimit: CallHandler<Extrinsic & { call: 'add_stake_limit' }> = (ctx, ext) =>
  stake(ctx, ext);
