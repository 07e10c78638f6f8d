/** Stake positions on the draft: credit and debit a coldkey's alpha on a hotkey's share pool. */
import { invariant } from '../errors.ts';
import { addToPool, EMPTY_POOL, increasePoolValue, removeFromPool, stakeOf } from '../staking/sharePool.ts';
import type { Draft } from '../state/draft.ts';
import type { Coldkey, Hotkey, NetUid } from '../types.ts';

/** Alpha (root: TAO) owned by `coldkey` on `hotkey` on a subnet. */
export function positionOf(draft: Draft, args: { netuid: NetUid; hotkey: Hotkey; coldkey: Coldkey }): bigint {
  const pool = draft.pool(args.netuid, args.hotkey);
  return pool === undefined ? 0n : stakeOf(pool, args.coldkey);
}

/** Credit alpha to a position (the alpha must already be counted in AlphaOut by the caller). */
export function creditStake(
  draft: Draft,
  args: { netuid: NetUid; hotkey: Hotkey; coldkey: Coldkey; amount: bigint },
): void {
  if (args.amount === 0n) return;
  const pool = draft.pool(args.netuid, args.hotkey) ?? EMPTY_POOL;
  draft.setPool(args.netuid, args.hotkey, addToPool(pool, args.coldkey, args.amount));
}

/** Debit alpha from a position; the caller checked that the position holds it. */
export function debitStake(
  draft: Draft,
  args: { netuid: NetUid; hotkey: Hotkey; coldkey: Coldkey; amount: bigint },
): void {
  if (args.amount === 0n) return;
  const pool = draft.pool(args.netuid, args.hotkey);
  invariant(pool !== undefined, 'NO_POSITION');
  draft.setPool(args.netuid, args.hotkey, removeFromPool(pool, args.coldkey, args.amount));
}

/**
 * Raise every staker's value on a hotkey (dividends). A pool without shares cannot hold value, so the
 * amount is then staked to `fallbackOwner` instead of vanishing.
 */
export function distributeToPool(
  draft: Draft,
  args: { netuid: NetUid; hotkey: Hotkey; amount: bigint; fallbackOwner: Coldkey },
): void {
  if (args.amount === 0n) return;
  const pool = draft.pool(args.netuid, args.hotkey);
  if (pool === undefined || pool.totalShares === 0n || pool.value === 0n) {
    creditStake(draft, {
      netuid: args.netuid,
      hotkey: args.hotkey,
      coldkey: args.fallbackOwner,
      amount: args.amount,
    });
    return;
  }
  draft.setPool(args.netuid, args.hotkey, increasePoolValue(pool, args.amount));
}
