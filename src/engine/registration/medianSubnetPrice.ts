/**
 * Median spot price of the existing subnets, used to seed a new subnet's pool, spec §9.2 step 3
 * (`staking/stake_utils.rs: get_median_subnet_alpha_price`).
 */
import { add, fromInt, safeDiv, U64F64 } from '../fixed/index.ts';

/**
 * Median of the positive prices (U64F64): the middle value for an odd count, the truncated mean of the two
 * middle values for an even count (sum saturating), 1.0 when no price is positive. The caller passes the
 * spot prices of the added non-root subnets.
 * @example medianSubnetPrice([]) // U64F64 1.0
 */
export function medianSubnetPrice(prices: readonly U64F64[]): U64F64 {
  const sorted = prices.filter((p) => p > 0n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = sorted.length;
  if (n === 0) return U64F64.one;
  const lower = sorted[(n - 1) >> 1];
  const upper = sorted[n >> 1];
  if (lower === undefined || upper === undefined) return U64F64.one;
  if (n % 2 === 1) return upper;
  return safeDiv(U64F64, add(U64F64, lower, upper), fromInt(U64F64, 2n));
}
