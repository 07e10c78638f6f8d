/**
 * Staking share pools (spec §6.1): the alpha staked on one hotkey on one subnet is owned by coldkeys
 * in shares, so that dividends raise every staker's value pro rata without touching each position.
 *
 * Shares are integers. The chain keeps shares as high-precision floats; integer shares with a large
 * initial scale give the same values up to flooring, and every floor here leaves dust inside the
 * pool's value (owned by its stakers collectively), never creates alpha.
 */
import { invariant } from '../errors.ts';
import type { StakePool } from '../state/types.ts';
import type { Coldkey } from '../types.ts';

/** Shares minted per unit of value into an empty pool: fine enough that floors stay below one rao. */
const INITIAL_SHARES_PER_UNIT = 1n << 32n;

/** A pool with no stake. */
export const EMPTY_POOL: StakePool = Object.freeze({ value: 0n, totalShares: 0n, shares: new Map() });

/** Value owned by `coldkey` in the pool: floor(shares * value / totalShares). */
export function stakeOf(pool: StakePool, coldkey: Coldkey): bigint {
  const shares = pool.shares.get(coldkey) ?? 0n;
  return shares === 0n || pool.totalShares === 0n ? 0n : (shares * pool.value) / pool.totalShares;
}

/** Add `amount` of value owned by `coldkey`; shares are bought at the current value per share (floor). */
export function addToPool(pool: StakePool, coldkey: Coldkey, amount: bigint): StakePool {
  invariant(amount >= 0n, 'STAKE_NEGATIVE');
  if (amount === 0n) return pool;
  // A pool whose value fell to zero restarts: its old shares are worth nothing.
  const fresh = pool.value === 0n || pool.totalShares === 0n;
  const base = fresh ? new Map<Coldkey, bigint>() : new Map(pool.shares);
  const minted = fresh ? amount * INITIAL_SHARES_PER_UNIT : (amount * pool.totalShares) / pool.value;
  base.set(coldkey, (base.get(coldkey) ?? 0n) + minted);
  return {
    value: (fresh ? 0n : pool.value) + amount,
    totalShares: (fresh ? 0n : pool.totalShares) + minted,
    shares: base,
  };
}

/**
 * Remove `amount` of value owned by `coldkey`. Shares burned round up so a holder can never take out
 * more than it owns; removing the whole position burns all its shares.
 */
export function removeFromPool(pool: StakePool, coldkey: Coldkey, amount: bigint): StakePool {
  const owned = stakeOf(pool, coldkey);
  invariant(amount >= 0n && amount <= owned, 'STAKE_EXCEEDS_POSITION', `remove ${amount} of ${owned}`);
  if (amount === 0n) return pool;
  const held = pool.shares.get(coldkey) ?? 0n;
  const burned = amount === owned ? held : minBig(held, ceilDiv(amount * pool.totalShares, pool.value));
  const shares = new Map(pool.shares);
  if (held - burned === 0n) shares.delete(coldkey);
  else shares.set(coldkey, held - burned);
  return { value: pool.value - amount, totalShares: pool.totalShares - burned, shares };
}

/** Raise the pool's value without new shares (dividends reach every staker pro rata). */
export function increasePoolValue(pool: StakePool, amount: bigint): StakePool {
  invariant(amount >= 0n, 'STAKE_NEGATIVE');
  if (amount === 0n) return pool;
  return { ...pool, value: pool.value + amount };
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
