/**
 * Float64 twin of the Balancer price and swap outputs, for the fast kernel. Same formulas as the
 * exact engine (spec §5.1-§5.3) without its fixed-point rounding; never fed back into exact state.
 */
import { toF64, U64F64 } from '../fixed/index.ts';
import { PERQUINTILL_ONE } from './perquintill.ts';
import type { PoolState } from './poolState.ts';

/** A pool in floats: reserves in rao / raw alpha units, w_q as a fraction in (0, 1). */
export interface PoolF64 {
  readonly taoReserve: number;
  readonly alphaReserve: number;
  readonly wQuote: number;
}

/** The exact pool as floats (w_q = parts / 1e18). */
export function poolToF64(pool: PoolState): PoolF64 {
  return {
    taoReserve: Number(pool.taoReserve),
    alphaReserve: Number(pool.alphaReserve),
    wQuote: Number(pool.wQuote) / Number(PERQUINTILL_ONE),
  };
}

/** Spot price, TAO per alpha: `(w_b/w_q) * (y/x)`; 0 when x is 0. */
export function spotPriceF64(pool: PoolF64): number {
  if (pool.alphaReserve === 0) return 0;
  return ((1 - pool.wQuote) / pool.wQuote) * (pool.taoReserve / pool.alphaReserve);
}

/** Fee on a gross input: `floor(amount * rate / 65535)`. */
export function swapFeeF64(amount: number, feeRate: number): number {
  return Math.floor((amount * feeRate) / 65_535);
}

/**
 * Exponents this close to 1 are 1: a weight of 0.5 that float injections left a few ulps off. The power
 * then differs from `d/(r+d)` by at most this much relatively (|q ln q / (1 − q)| ≤ 1 for q = r/(r+d)).
 */
const UNIT_EXPONENT_TOLERANCE = 1e-12;

/**
 * `1 - (r/(r+d))^k` via log1p/expm1, accurate for tiny d (the naive power loses ~k*1e-16). For k = 1
 * (w_q = 0.5, a constant-product pool, the usual case) it is `d/(r+d)`, as accurate and without the two
 * transcendental calls.
 */
function oneMinusPower(reserve: number, delta: number, k: number): number {
  if (reserve === 0) return delta === 0 ? 0 : 1;
  if (Math.abs(k - 1) <= UNIT_EXPONENT_TOLERANCE && delta >= 0 && delta < Number.POSITIVE_INFINITY)
    return Math.min(1, delta / (reserve + delta));
  return Math.min(1, Math.max(0, -Math.expm1(-k * Math.log1p(delta / reserve))));
}

/** Alpha out for a net TAO input: `floor(x * (1 - (y/(y+dy))^(w_q/w_b)))`. */
export function buyOutputF64(pool: PoolF64, taoIn: number): number {
  return Math.floor(
    pool.alphaReserve * oneMinusPower(pool.taoReserve, taoIn, pool.wQuote / (1 - pool.wQuote)),
  );
}

/** TAO out for a net alpha input: `floor(y * (1 - (x/(x+dx))^(w_b/w_q)))`. */
export function sellOutputF64(pool: PoolF64, alphaIn: number): number {
  return sellOutputOf(pool.taoReserve, pool.alphaReserve, pool.wQuote, alphaIn);
}

/** {@link sellOutputF64} of the pool with reserves y, x and quote weight w. */
export function sellOutputOf(y: number, x: number, w: number, alphaIn: number): number {
  return Math.floor(y * oneMinusPower(x, alphaIn, (1 - w) / w));
}

/** A U64F64 price as a float (convenience for comparing the two engines). */
export function priceToF64(price: U64F64): number {
  return toF64(U64F64, price);
}
