/**
 * The chain's I32F32 grid in float64: epoch vectors on chain are multiples of 2^-32, and the few
 * values whose rounding decides a discrete outcome (stake shares that vanish, ties among permits,
 * the consensus majority) are snapped to that grid the way the chain truncates them.
 */

/** 2^32: one unit of I32F32 is 1 / GRID. */
export const GRID = 4_294_967_296;

/**
 * 2^-32 as a literal: multiplying by it is exact and equals dividing by GRID, but costs a multiply
 * instead of a division, and a literal folds where a module binding would be loaded.
 */
const UNIT = 2.3283064365386963e-10;

/** `x` truncated to the I32F32 grid (floor, as the chain's narrowing and divisions of positives). */
export function toGrid(x: number): number {
  return Math.floor(x * 4_294_967_296) * UNIT;
}

/**
 * `u16 / 65535` as the chain reads a u16 proportion into I32F32 (truncating division), for an integer
 * x in [0, 65535]: floor(x 2^32 / 65535) = 65537 x + (x == 65535), so no division is needed.
 */
export function u16Ratio(x: number): number {
  return (x * 65_537 + (x === 65_535 ? 1 : 0)) * UNIT;
}

/** `fixed_proportion_to_u16`: floor(x * 65535), clamped to [0, 65535]. */
export function proportionToU16(x: number): number {
  const v = Math.floor(x * 65_535);
  return v < 0 ? 0 : v > 65_535 ? 65_535 : v;
}
