/**
 * Conversions between the epoch's I32F32 values and the u16/u64 integers the chain stores
 * (epoch/math.rs; spec §1.2, §7.4, §7.7). Fixed-to-integer floors and saturates.
 */
import {
  convert,
  fromInt,
  fromU16Proportion,
  I32F32,
  I64F64,
  mul,
  round,
  safeDiv,
  toU16Proportion,
  toU64,
  U16_MAX,
} from '../../fixed/index.ts';
import { normalize } from './normalize.ts';
import type { Vec32 } from './types.ts';

const U16_MAX_FIXED = fromInt(I32F32, U16_MAX);
/** Above this maximum the chain divides 65535 by the maximum first, to keep the product in range. */
const UPSCALE_THRESHOLD = fromInt(I32F32, 32_768);

/** `fixed_to_u16`: floor, clamped to [0, 65535]. */
export function fixedToU16(x: I32F32): number {
  const n = x >> I32F32.frac;
  return n < 0n ? 0 : n > U16_MAX ? 65_535 : Number(n);
}

/** `fixed_to_u64`: floor, clamped to [0, u64::MAX]. */
export function fixedToU64(x: I32F32): bigint {
  return toU64(I32F32, x);
}

/** `fixed64_to_u64`: floor, clamped to [0, u64::MAX]. */
export function fixed64ToU64(x: I64F64): bigint {
  return toU64(I64F64, x);
}

/** `fixed64_to_fixed32`: drop 32 fractional bits (floor), saturating. */
export function fixed64ToFixed32(x: I64F64): I32F32 {
  return convert(I64F64, I32F32, x);
}

/** `fixed32_to_fixed64`: exact widening. */
export function fixed32ToFixed64(x: I32F32): I64F64 {
  return convert(I32F32, I64F64, x);
}

/** `u16_to_fixed`: the integer x as I32F32 (exact). */
export function u16ToFixed(x: number): I32F32 {
  return fromInt(I32F32, x);
}

/** `u16_proportion_to_fixed`: x / 65535 (truncating), how stored weights and Yuma 3 bonds are read. */
export function u16ProportionToFixed(x: number): I32F32 {
  return fromU16Proportion(I32F32, x);
}

/** `fixed_to_fixed_u16_proportion`: x / 65535 (truncating), for u16-valued I32F32 numbers. */
export function fixedToFixedU16Proportion(x: I32F32): I32F32 {
  return safeDiv(I32F32, x, U16_MAX_FIXED);
}

/** `fixed_proportion_to_u16`: floor(x * 65535), clamped to [0, 65535] (how epoch outputs are stored). */
export function fixedProportionToU16(x: I32F32): number {
  return toU16Proportion(I32F32, x);
}

/**
 * {@link fixedProportionToU16} of raw bits held in float64 (|x| <= 2^37): x * 65535 is an exact integer
 * below 2^53 and the division by 2^32 is exact, so the floor is the bigint floor.
 */
export function proportionToU16Raw(x: number): number {
  const n = Math.floor((x * 65_535) / 4_294_967_296);
  return n < 0 ? 0 : n > 65_535 ? 65_535 : n;
}

/** `vec_fixed_proportions_to_u16`: {@link fixedProportionToU16} of each entry. */
export function vecFixedProportionsToU16(v: Vec32): number[] {
  return v.map(fixedProportionToU16);
}

/** `vec_fixed32_to_u64`: {@link fixedToU64} of each entry. */
export function vecFixed32ToU64(v: Vec32): bigint[] {
  return v.map(fixedToU64);
}

/** `vec_fixed64_to_fixed32`: {@link fixed64ToFixed32} of each entry. */
export function vecFixed64ToFixed32(v: readonly I64F64[]): I32F32[] {
  return v.map(fixed64ToFixed32);
}

/** `vec_fixed64_to_u64`: {@link fixed64ToU64} of each entry. */
export function vecFixed64ToU64(v: readonly I64F64[]): bigint[] {
  return v.map(fixed64ToU64);
}

/**
 * `vec_max_upscale_to_u16`: scale so the maximum becomes 65535, rounding to nearest (ties away from
 * zero), then clamp to u16. For a maximum of 0 each entry is floor(x * 65535); for a maximum above
 * 32768 the factor 65535 / max is formed first (truncating), otherwise x * 65535 is divided by max.
 */
export function vecMaxUpscaleToU16(v: Vec32): number[] {
  if (v.length === 0) return [];
  const mx = v.reduce((a, b) => (b > a ? b : a));
  if (mx === 0n) return v.map((e) => fixedToU16(mul(I32F32, e, U16_MAX_FIXED)));
  if (mx > UPSCALE_THRESHOLD) {
    const factor = safeDiv(I32F32, U16_MAX_FIXED, mx);
    return v.map((e) => fixedToU16(round(I32F32, mul(I32F32, e, factor))));
  }
  return v.map((e) => fixedToU16(round(I32F32, safeDiv(I32F32, mul(I32F32, e, U16_MAX_FIXED), mx))));
}

/** `vec_u16_max_upscale_to_u16`: {@link vecMaxUpscaleToU16} of u16 values (how `set_weights` stores). */
export function vecU16MaxUpscaleToU16(v: readonly number[]): number[] {
  return vecMaxUpscaleToU16(v.map(u16ToFixed));
}

/**
 * `check_vec_max_limited`: true when the largest share of the normalised u16 vector is at most
 * `maxLimit / 65535` (truncating); an empty vector passes.
 */
export function checkVecMaxLimited(v: readonly number[], maxLimit: number): boolean {
  const limit = u16ProportionToFixed(maxLimit);
  const shares = normalize(v.map(u16ToFixed));
  return shares.every((s) => s <= limit);
}
