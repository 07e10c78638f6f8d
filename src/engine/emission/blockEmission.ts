/**
 * Block emission, halving and the 21M cap (spec §3, `coinbase/block_emission.rs`, `coinbase/tao.rs`).
 *
 * The chain computes `1 / (1 - issuance/21e15)` in I96F32, takes `floor(log2)` as the number of
 * halvings k and emits `floor(1e9 / 2^k)` rao. The integer form below is the same computation on
 * raw bits: the I96F32 ratio truncates, so halving k applies once issuance reaches 21e15·(1 − 2^-k).
 */
import { RAO_PER_TAO } from '../chainConstants.ts';

/** Total TAO supply in rao (21M TAO); also the cap on each subnet's alpha issuance. */
export const TOTAL_SUPPLY = 21_000_000_000_000_000n;
/** Emission per block before any halving, in rao (1 TAO). */
export const DEFAULT_BLOCK_EMISSION = RAO_PER_TAO;

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/**
 * Emission for one block given the issuance so far (rao or raw alpha), floored to an integer.
 * @example blockEmissionForIssuance(10_500_000_000_000_000n) // 500_000_000n (first halving)
 */
export function blockEmissionForIssuance(issuance: bigint): bigint {
  if (issuance >= TOTAL_SUPPLY) return 0n;
  const ratioBits = (issuance << 32n) / TOTAL_SUPPLY; // I96F32, truncating
  const xBits = (1n << 64n) / ((1n << 32n) - ratioBits); // 1 / (1 - ratio) in I96F32
  const halvings = bitLength(xBits) - 33; // floor(log2(x)) for x >= 1
  if (halvings >= 64) return 0n;
  return DEFAULT_BLOCK_EMISSION >> BigInt(halvings);
}

/** Halving epoch k for an issuance (0 before the first halving). */
export function halvingIndex(issuance: bigint): number {
  if (issuance >= TOTAL_SUPPLY) return Number.POSITIVE_INFINITY;
  const ratioBits = (issuance << 32n) / TOTAL_SUPPLY;
  return bitLength((1n << 64n) / ((1n << 32n) - ratioBits)) - 33;
}

/**
 * `mint_tao`: the amount actually issued for a request, capped so that total issuance never exceeds
 * 21M TAO. `issuance` is the balances pallet's total issuance before the mint.
 */
export function mintableAmount(request: bigint, issuance: bigint): bigint {
  const room = TOTAL_SUPPLY - issuance;
  if (room <= 0n) return 0n;
  return request < room ? request : room;
}
