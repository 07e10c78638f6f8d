/**
 * Lazy pool initialisation (spec §5.1; `impls.rs: maybe_initialize_palswap`).
 */
import { ok, type Result, reject } from '../errors.ts';
import { floorToInt, fromInt, mul, toU64, U64F64, type U64F64 as U64F64Value } from '../fixed/index.ts';
import { isValidQuoteWeight, PERQUINTILL_HALF, perquintillFromRational } from './perquintill.ts';
import type { PoolState } from './poolState.ts';

const U128_MAX = (1n << 128n) - 1n;
const FRACTION_MASK = (1n << 64n) - 1n;

/**
 * `maybe_initialize_palswap`: an initialised pool is returned unchanged. Otherwise w_q is **set** to
 * 0.5 (discarding any weight stored by earlier injections), or, with an explicit price p, to
 * `from_rational(y, floor(p)*x + floor(x*frac(p)) + y)` (rounded down) so the price becomes p.
 * Rejected with `ReservesOutOfBalance` when that sum is 0 or the weight is outside [0.01, 0.99].
 * @example initializePool(createPool({ taoReserve: 1_000_000_000n, alphaReserve: 4_000_000_000n }))
 */
export function initializePool(
  pool: PoolState,
  price?: U64F64Value,
): Result<PoolState, 'ReservesOutOfBalance'> {
  if (pool.initialized) return ok(pool);
  let wQuote = PERQUINTILL_HALF;
  if (price !== undefined) {
    const x = pool.alphaReserve;
    const pxHigh = toU64(U64F64, price) * x;
    const pxLow = floorToInt(U64F64, mul(U64F64, fromInt(U64F64, x), (price & FRACTION_MASK) as U64F64Value));
    let sum = pxHigh + pxLow + pool.taoReserve;
    if (sum > U128_MAX) sum = U128_MAX;
    if (sum === 0n)
      return reject('ReservesOutOfBalance', 'both reserves are 0: no weight gives the price', 'price');
    wQuote = perquintillFromRational(pool.taoReserve, sum);
  }
  if (!isValidQuoteWeight(wQuote)) {
    return reject('ReservesOutOfBalance', `weight ${wQuote} for this price is outside [0.01, 0.99]`, 'price');
  }
  return ok({ ...pool, wQuote, initialized: true });
}
