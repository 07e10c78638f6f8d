/** The chain error names the pool rejects with (swaps, limit orders, pool initialisation). */

/** Every code a pool operation can reject with, once. */
export const POOL_REJECTION_CODES = [
  'SwapInputTooLarge',
  'ReservesTooLow',
  'PriceLimitExceeded',
  'InsufficientLiquidity',
  'SlippageTooHigh',
  'ReservesOutOfBalance',
] as const;

/** A pool rejection code. */
export type PoolRejectionCode = (typeof POOL_REJECTION_CODES)[number];
