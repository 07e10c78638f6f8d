/**
 * Flow shares of packs `taoflow-2025-11` and `netflow-2026-05` (spec rulepacks.md §3.5, §3.7; commits
 * 6218ecc5 for `get_ema_flow`, `get_lower_limit`, `inplace_pow_normalize`, `safe_pow`, and the branch
 * commit 1b392d59 for the price/flow blend). EMAs are I64F64; shares U64F64; powers go through the
 * I32F32 `exp(p·ln v)` of substrate-fixed.
 */
import {
  add,
  convert,
  fromInt,
  I32F32,
  I64_MAX,
  I64F64,
  min,
  mul,
  safeDiv,
  saturate,
  sub,
  U64_MAX,
  U64F64,
} from '../fixed/index.ts';
import { exp, ln } from '../fixed/transcendental.ts';

/** A stored flow EMA: the block it was last advanced in and its value (`SubnetEmaTaoFlow`). */
export interface FlowEma {
  readonly block: number;
  readonly value: I64F64;
}

/** Smoothing factor a = factor / i64::MAX (I64F64, truncating). */
export function flowAlpha(smoothing: bigint): I64F64 {
  return safeDiv(I64F64, fromInt(I64F64, smoothing), fromInt(I64F64, I64_MAX));
}

/**
 * `get_ema_flow` step: if the stored EMA is from an earlier block, F' = (1 − a)·F + a·f (saturating
 * I64F64) and the accumulator is consumed; otherwise the stored value stands and the accumulator stays.
 * @example flowEmaStep({ ema: null, accumulator: 80_000_000_000n, block: 1, alpha }) // { ema: { block: 1, value: a·8e10 }, consumed: true }
 */
export function flowEmaStep(input: {
  readonly ema: FlowEma | null;
  /** `SubnetTaoFlow` (i64 rao). */
  readonly accumulator: bigint;
  readonly block: number;
  /** {@link flowAlpha}. */
  readonly alpha: I64F64;
}): { readonly ema: FlowEma; readonly consumed: boolean } {
  const last = input.ema ?? { block: 0, value: 0n as I64F64 };
  if (last.block === input.block) return { ema: last, consumed: false };
  const one = I64F64.one;
  const value = add(
    I64F64,
    mul(I64F64, sub(I64F64, one, input.alpha), last.value),
    mul(I64F64, input.alpha, fromInt(I64F64, input.accumulator)),
  );
  return { ema: { block: input.block, value }, consumed: true };
}

/** `get_lower_limit`: L = max(cutoff, min(0, min_i F_i)). */
export function flowLowerLimit(flows: readonly I64F64[], cutoff: I64F64): I64F64 {
  let lowest = 0n as I64F64;
  for (const f of flows) if (f < lowest) lowest = f;
  return cutoff > lowest ? cutoff : lowest;
}

/** Offsets z_i = F_i − L where F_i > L, else 0 (U64F64, saturating). */
export function offsetFlows(flows: readonly I64F64[], lower: I64F64): U64F64[] {
  return flows.map((f) => (f > lower ? convert(I64F64, U64F64, sub(I64F64, f, lower)) : (0n as U64F64)));
}

const I32_MAX_AS_I32F32 = fromInt(I32F32, 2_147_483_647);

/**
 * `safe_pow`: v^p as `exp(p · ln v)` in I32F32; 0 when ln fails (v rounds to 0), the I32F32 value
 * 2^31 − 1 when exp overflows. Result in U64F64.
 */
export function safePow(v: U64F64, p: U64F64): U64F64 {
  const l = ln(convert(U64F64, I32F32, v));
  if (l === null) return 0n as U64F64;
  const e = exp(mul(I32F32, convert(U64F64, I32F32, p), l)) ?? I32_MAX_AS_I32F32;
  return convert(I32F32, U64F64, e);
}

/** Floor square root of a U64F64 (the chain's `checked_sqrt` to 1e-3 only scales all values alike). */
function sqrtU64F64(v: U64F64): U64F64 {
  const n = v << 64n;
  if (n === 0n) return 0n as U64F64;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x as U64F64;
    x = y;
  }
}

/**
 * `inplace_pow_normalize`: scale so the largest value is 1, scale again by sqrt((2^31 − 1)/(n·max²))
 * for I32F32 headroom, raise each to p with {@link safePow} and divide by the sum. Values are left as
 * they are when n·max² is below (2^31 − 1)/u64::MAX (every value 0).
 * @example inplacePowNormalize([2, 3, 5].map((x) => fromInt(U64F64, x)), fromInt(U64F64, 1)) // ≈ 0.2, 0.3, 0.5
 */
export function inplacePowNormalize(values: readonly U64F64[], p: U64F64): U64F64[] {
  let largest = 0n as U64F64;
  for (const v of values) if (v > largest) largest = v;
  const factor = safeDiv(U64F64, U64F64.one, largest);
  const scaled = values.map((v) => mul(U64F64, factor, v));
  let top = 0n as U64F64;
  for (const v of scaled) if (v > top) top = v;
  const maxTimesCount = mul(U64F64, fromInt(U64F64, values.length), mul(U64F64, top, top));
  const i32Max = fromInt(U64F64, 2_147_483_647);
  const precisionMin = safeDiv(U64F64, i32Max, fromInt(U64F64, U64_MAX));
  if (maxTimesCount < precisionMin) return scaled;
  const headroom = sqrtU64F64(safeDiv(U64F64, i32Max, maxTimesCount));
  const powers = scaled.map((v) => safePow(mul(U64F64, headroom, v), p));
  const total = powers.reduce((s, x) => add(U64F64, s, x), 0n as U64F64);
  return powers.map((x) => safeDiv(U64F64, x, total));
}

/**
 * `get_shares_flow` on given EMAs: lower limit, offsets, pow-normalisation. All shares are 0 when
 * every offset is 0 (no TAO is allocated that block).
 * @example flowShares([3e9, 1e9, -2e9].map(toI64F64), 0n, one) // ≈ 0.75, 0.25, 0
 */
export function flowShares(flows: readonly I64F64[], cutoff: I64F64, p: U64F64): U64F64[] {
  return inplacePowNormalize(offsetFlows(flows, flowLowerLimit(flows, cutoff)), p);
}

/** `FlowHalfLife` of the branch blend (blocks). */
export const FLOW_HALF_LIFE = 216_000;

/**
 * Branch-only blend (1b392d59, §3.7): w = clamp((block − first)/halfLife, 0, 1) and
 * s = w·flow + (1 − w)·price (U64F64).
 */
export function flowBlendShares(input: {
  readonly flowShares: readonly U64F64[];
  readonly priceShares: readonly U64F64[];
  readonly block: number;
  readonly flowFirstBlock: number;
  readonly halfLife?: number;
}): U64F64[] {
  const half = input.halfLife ?? FLOW_HALF_LIFE;
  const elapsed = Math.max(0, input.block - input.flowFirstBlock);
  const w = min(safeDiv(U64F64, fromInt(U64F64, elapsed), fromInt(U64F64, half)), U64F64.one);
  const rest = sub(U64F64, U64F64.one, w);
  return input.flowShares.map((f, i) =>
    add(U64F64, mul(U64F64, w, f), mul(U64F64, rest, input.priceShares[i] ?? (0n as U64F64))),
  );
}

/** Seed of a subnet's first flow EMA (2025-11-04 → 11-24): 1e9 · min(moving price, spot price). */
export function flowSeed(movingPrice: U64F64, spotPrice: U64F64): I64F64 {
  const m = min(movingPrice, spotPrice);
  return saturate(I64F64, mul(U64F64, fromInt(U64F64, 1_000_000_000), m));
}
