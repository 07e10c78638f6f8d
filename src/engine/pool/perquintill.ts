/**
 * `sp_arithmetic::Perquintill` as its raw parts: a u64 count of 1e-18 units. The Balancer pool stores
 * its quote (TAO) weight this way (spec §5.1, `pallets/swap/src/pallet/balancer.rs`).
 */

/** Parts of 1.0 (`ACCURACY`). */
export const PERQUINTILL_ONE = 1_000_000_000_000_000_000n;
/** Parts of 0.5, the default pool weight (`from_rational(1, 2)`). */
export const PERQUINTILL_HALF = 500_000_000_000_000_000n;
/** Smallest allowed pool weight, 0.01 (`MIN_WEIGHT`). */
export const MIN_WEIGHT = PERQUINTILL_ONE / 100n;

const U128_MAX = (1n << 128n) - 1n;

/**
 * `Perquintill::from_rational(p, q)`: parts `floor(p * 1e18 / q)` (rounding down); 1.0 when `q` is 0
 * or `p > q`, as the crate does.
 */
export function perquintillFromRational(p: bigint, q: bigint): bigint {
  if (q === 0n || p > q) return PERQUINTILL_ONE;
  return (p * PERQUINTILL_ONE) / q;
}

/**
 * `mul_perquintill_round`: `value * parts / 1e18` rounded half up, i.e. `(value*parts + 5e17) / 1e18`
 * truncated, capped at u128::MAX (`value` is a u128).
 */
export function mulPerquintillRound(parts: bigint, value: bigint): bigint {
  const product = (value * parts + PERQUINTILL_ONE / 2n) / PERQUINTILL_ONE;
  return product > U128_MAX ? U128_MAX : product;
}

/** `1 - w`, saturating at 0 (`ONE.saturating_sub(w)`): the base (alpha) weight of a quote weight. */
export function complementWeight(parts: bigint): bigint {
  return parts >= PERQUINTILL_ONE ? 0n : PERQUINTILL_ONE - parts;
}

/** `Balancer::check_constraints`: both the quote weight and its complement are at least 0.01. */
export function isValidQuoteWeight(parts: bigint): boolean {
  return parts >= MIN_WEIGHT && complementWeight(parts) >= MIN_WEIGHT;
}
