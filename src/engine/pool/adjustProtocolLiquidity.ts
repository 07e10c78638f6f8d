/**
 * Protocol liquidity injection (spec §4.7 step 1, §5.5; `impls.rs: adjust_protocol_liquidity`).
 */
import { weightForAddedLiquidity } from './balancer.ts';
import type { PoolState } from './poolState.ts';

/** Outcome of {@link adjustProtocolLiquidity}. */
export interface LiquidityAdjustment {
  /** TAO the caller may add to the reserve (the request, or 0 when refused). */
  readonly taoAdded: bigint;
  /** Alpha the caller may mint into the reserve (the request, or 0 when refused). */
  readonly alphaAdded: bigint;
  /** The pool with the new weight; reserves are unchanged (the caller adds them, see `addReserves`). */
  readonly pool: PoolState;
}

/**
 * `adjust_protocol_liquidity`: set w_q so that adding (taoDelta, alphaDelta) keeps the price
 * (`weightForAddedLiquidity`). If the new weight would leave [0.01, 0.99] the injection is refused:
 * both amounts become 0 and the weight is kept. Does not mark the pool initialised.
 * @example adjustProtocolLiquidity({ pool, taoDelta: 1_000_000_000n, alphaDelta: 2_000_000_000n })
 */
export function adjustProtocolLiquidity(input: {
  readonly pool: PoolState;
  readonly taoDelta: bigint;
  readonly alphaDelta: bigint;
}): LiquidityAdjustment {
  const { pool } = input;
  const wQuote = weightForAddedLiquidity({ ...pool, taoDelta: input.taoDelta, alphaDelta: input.alphaDelta });
  if (wQuote === null) return { taoAdded: 0n, alphaAdded: 0n, pool };
  return { taoAdded: input.taoDelta, alphaAdded: input.alphaDelta, pool: { ...pool, wQuote } };
}
