/**
 * The pool's current price and price limits (spec §5.1, §5.4; `impls.rs: current_price`,
 * `min_price_inner`, `max_price_inner`, `SwapEngine::swap`, `get_alpha_amount_for_tao`).
 */
import { RAO_PER_TAO } from '../chainConstants.ts';
import { fromInt, ratio, safeDiv, toU64, U64F64, type U64F64 as U64F64Value } from '../fixed/index.ts';
import { balancerPrice } from './balancer.ts';
import { isDynamic, type PoolState } from './poolState.ts';

/** Lowest order limit price, rao per alpha (the default sell limit). */
export const MIN_PRICE_RAO = 1_000n;
/** Highest order limit price, rao per alpha (the default buy limit, used by chain buys). */
export const MAX_PRICE_RAO = 1_000_000_000_000_000n;

/**
 * `current_price`: TAO per alpha in U64F64. Dynamic subnets: the Balancer price (0 if the alpha
 * reserve is 0); any other mechanism: exactly 1.
 */
export function spotPrice(pool: PoolState, mechanism: number): U64F64Value {
  if (!isDynamic(mechanism)) return U64F64.one;
  if (pool.alphaReserve === 0n) return 0n as U64F64Value;
  return balancerPrice(pool);
}

/**
 * A limit price given in rao per alpha as the U64F64 TAO price orders compare with:
 * `U64F64(rao) / U64F64(1e9)`, truncating.
 * @example priceLimitFromRao(MAX_PRICE_RAO) // 1_000_000 TAO per alpha in U64F64
 */
export function priceLimitFromRao(rao: bigint): U64F64Value {
  return ratio(U64F64, rao, RAO_PER_TAO);
}

/**
 * `get_alpha_amount_for_tao`: alpha worth `tao` at the spot price without slippage,
 * `floor(tao / price)` (truncating U64F64 quotient; 0 when the price is 0); 1:1 on stable subnets.
 */
export function alphaForTaoAtSpot(input: {
  readonly pool: PoolState;
  readonly tao: bigint;
  readonly mechanism: number;
}): bigint {
  if (!isDynamic(input.mechanism)) return input.tao;
  return toU64(U64F64, safeDiv(U64F64, fromInt(U64F64, input.tao), spotPrice(input.pool, input.mechanism)));
}
