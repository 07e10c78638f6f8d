/**
 * Block emission in float64 TAO (spec §3): the same halving rule as `blockEmissionForIssuance`, read as
 * thresholds. Halving k applies once issuance reaches 21M·(1 − 2^-k); the emission is
 * floor(1e9 / 2^k) rao, so the float value is exact. Also used for each subnet's alpha emission.
 */
import { RAO_PER_TAO } from '../chainConstants.ts';
import { DEFAULT_BLOCK_EMISSION, TOTAL_SUPPLY } from '../emission/blockEmission.ts';

const RAO = Number(RAO_PER_TAO);
/** Total supply in TAO (21M); also the cap on each subnet's alpha issuance. */
export const TOTAL_SUPPLY_TAO = Number(TOTAL_SUPPLY) / RAO;
const BASE_RAO = Number(DEFAULT_BLOCK_EMISSION);

/** Issuance (TAO) at which halving `k` applies: 21M·(1 − 2^-k). */
export function halvingThreshold(k: number): number {
  return TOTAL_SUPPLY_TAO * (1 - 2 ** -k);
}

const MAX_HALVINGS = 64;
// Thresholds and rates by halving, computed once (the step calls this for every subnet).
const THRESHOLDS = Float64Array.from({ length: MAX_HALVINGS + 1 }, (_, k) => halvingThreshold(k));
const RATES = Float64Array.from({ length: MAX_HALVINGS + 1 }, (_, k) => Math.floor(BASE_RAO / 2 ** k) / RAO);

/** Number of halvings in force at an issuance (TAO); `Infinity` at or above the supply. */
export function halvingIndexF64(issuance: number): number {
  if (!(issuance < TOTAL_SUPPLY_TAO)) return Number.POSITIVE_INFINITY;
  let k = 0;
  while (k < MAX_HALVINGS && issuance >= THRESHOLDS[k + 1]!) k += 1;
  return k;
}

/**
 * Emission of one block at an issuance, TAO (or alpha for a subnet's alpha issuance); 0 at or above 21M.
 * @example blockEmissionF64(10_500_000) // 0.5
 */
export function blockEmissionF64(issuance: number): number {
  const k = halvingIndexF64(issuance);
  return k >= MAX_HALVINGS ? 0 : RATES[k]!;
}

/**
 * Blocks that still emit at the current rate when issuance grows by `perBlock` TAO each block, i.e. the
 * blocks before the next halving threshold is reached (`Infinity` when issuance does not grow).
 */
export function blocksBeforeHalving(issuance: number, perBlock: number): number {
  const k = halvingIndexF64(issuance);
  if (!(perBlock > 0) || k >= MAX_HALVINGS) return Number.POSITIVE_INFINITY;
  // Block j (0-based) emits at this rate while issuance + j·perBlock is below the next threshold.
  return Math.max(1, Math.ceil((THRESHOLDS[k + 1]! - issuance) / perBlock));
}
