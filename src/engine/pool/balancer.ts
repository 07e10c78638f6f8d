/**
 * Balancer weighted-pool math of the swap pallet (spec §5.1, §5.2, §5.4, §5.5;
 * `pallets/swap/src/pallet/balancer.rs` and `swap_step.rs: convert_deltas`).
 *
 * x is the alpha ("base") reserve, y the TAO ("quote") reserve, w_b = 1 - w_q. All results mirror the
 * chain's U64F64 arithmetic: divisions truncate (`safe_div`: 0 on a zero divisor or overflow),
 * products floor and saturate, conversions to u64 floor and saturate.
 */
import {
  fromInt,
  min,
  mul,
  safeDiv,
  sub,
  toU64,
  U64_MAX,
  U64F64,
  type U64F64 as U64F64Value,
} from '../fixed/index.ts';
import {
  complementWeight,
  isValidQuoteWeight,
  mulPerquintillRound,
  PERQUINTILL_HALF,
  PERQUINTILL_ONE,
  perquintillFromRational,
} from './perquintill.ts';
import { saturatingAddU64, saturatingSubU64 } from './poolState.ts';
import { powRatioScaled } from './powRatio.ts';

/** Bits of precision `exp_scaled` asks of `pow_ratio_scaled` for swap outputs. */
export const SWAP_POW_PRECISION = 256;
/** Bits of precision the limit-price deltas ask of `pow_ratio_scaled`. */
export const LIMIT_POW_PRECISION = 1024;

const ONE = U64F64.one;
const U128_MAX = (1n << 128n) - 1n;
const scaleFixed = fromInt(U64F64, PERQUINTILL_ONE);

/** The weight and reserves a price or swap output depends on (a `PoolState` fits). */
export interface BalancerReserves {
  /** Quote weight, Perquintill parts. */
  readonly wQuote: bigint;
  /** x, alpha reserve (u64). */
  readonly alphaReserve: bigint;
  /** y, TAO reserve (u64). */
  readonly taoReserve: bigint;
}

/**
 * `calculate_price`: `(w_b / w_q) * (y / x)` in U64F64, TAO per alpha; both quotients truncate, the
 * product floors; 0 when x is 0.
 */
export function balancerPrice(pool: BalancerReserves): U64F64Value {
  const weights = safeDiv(
    U64F64,
    fromInt(U64F64, complementWeight(pool.wQuote)),
    fromInt(U64F64, pool.wQuote),
  );
  const reserves = safeDiv(U64F64, fromInt(U64F64, pool.taoReserve), fromInt(U64F64, pool.alphaReserve));
  return mul(U64F64, weights, reserves);
}

/** Inputs of {@link expScaled}. */
export interface ExpScaledInput {
  readonly wQuote: bigint;
  /** The reserve on the input side (u64). */
  readonly reserve: bigint;
  /** Signed change of that reserve (|delta| <= u64::MAX); negative only for `baseNeededForQuote`. */
  readonly delta: bigint;
  /** true: exponent w_b/w_q (sells); false: w_q/w_b (buys). */
  readonly baseQuote: boolean;
}

/**
 * `exp_scaled`: `(r / (r + delta))^(w_b/w_q or w_q/w_b)` via `pow_ratio_scaled` at 256 bits and scale
 * 1e18, then `U64F64(E) / U64F64(1e18)` (truncating), capped at 1 when delta >= 0. 0 when r + delta
 * (saturating u64) is 0 or when E does not fit a u64.
 * Where the approximate path's exp series cannot converge within its term cap (|exponent * ln| above
 * ~140, reachable only with w_q < 0.05 or > 0.95 and inputs of many times the reserve) the chain's
 * result is that unconverged series; it is reproduced as is.
 */
export function expScaled(input: ExpScaledInput): U64F64Value {
  const { reserve, delta } = input;
  const denominator = delta >= 0n ? saturatingAddU64(reserve, delta) : saturatingSubU64(reserve, -delta);
  if (denominator === 0n) return 0n as U64F64Value;
  const wBase = complementWeight(input.wQuote);
  const [expNum, expDen] = input.baseQuote ? [wBase, input.wQuote] : [input.wQuote, wBase];
  const e = powRatioScaled({
    baseNum: reserve,
    baseDen: denominator,
    expNum,
    expDen,
    precision: SWAP_POW_PRECISION,
    scale: PERQUINTILL_ONE,
  });
  if (e === null || e < 0n || e > U64_MAX) return 0n as U64F64Value;
  const result = safeDiv(U64F64, fromInt(U64F64, e), scaleFixed);
  return delta >= 0n ? min(result, ONE) : result;
}

/**
 * `convert_deltas` for a buy: alpha paid out for `taoIn` entering the TAO reserve,
 * `floor(x * (1 - (y/(y+dy))^(w_q/w_b)))` in U64F64.
 */
export function buyOutput(pool: BalancerReserves, taoIn: bigint): bigint {
  const e = expScaled({ wQuote: pool.wQuote, reserve: pool.taoReserve, delta: taoIn, baseQuote: false });
  return toU64(U64F64, mul(U64F64, fromInt(U64F64, pool.alphaReserve), sub(U64F64, ONE, e)));
}

/**
 * `convert_deltas` for a sell: TAO paid out for `alphaIn` entering the alpha reserve,
 * `floor(y * (1 - (x/(x+dx))^(w_b/w_q)))` in U64F64.
 */
export function sellOutput(pool: BalancerReserves, alphaIn: bigint): bigint {
  const e = expScaled({ wQuote: pool.wQuote, reserve: pool.alphaReserve, delta: alphaIn, baseQuote: true });
  return toU64(U64F64, mul(U64F64, fromInt(U64F64, pool.taoReserve), sub(U64F64, ONE, e)));
}

/** Inputs of the limit-price deltas: prices in U64F64 TAO per alpha, reserve u64. */
export interface PriceDeltaInput {
  readonly wQuote: bigint;
  readonly currentPrice: U64F64Value;
  readonly targetPrice: U64F64Value;
  readonly reserve: bigint;
}

/** `reserve * ((num/den)^(w/1e18) - 1)` at 1024 bits, as both limit deltas compute it. */
function limitDelta(d: { weight: bigint; num: bigint; den: bigint; reserve: bigint }): bigint {
  const e = powRatioScaled({
    baseNum: d.num,
    baseDen: d.den,
    expNum: d.weight,
    expDen: PERQUINTILL_ONE,
    precision: LIMIT_POW_PRECISION,
    scale: PERQUINTILL_ONE,
  });
  if (e === null) return 0n;
  const eFixed = fromInt(U64F64, e > U64_MAX ? U64_MAX : e < 0n ? 0n : e);
  const growth = sub(U64F64, safeDiv(U64F64, eFixed, scaleFixed), ONE); // saturates at 0
  return toU64(U64F64, mul(U64F64, fromInt(U64F64, d.reserve), growth));
}

/**
 * `calculate_quote_delta_in`: TAO that moves the price up from `currentPrice` to `targetPrice`,
 * `floor(y * ((p'/p)^w_b - 1))` on the raw U64F64 bits of both prices; 0 if the target is not above.
 */
export function quoteDeltaIn(input: PriceDeltaInput): bigint {
  return limitDelta({
    weight: complementWeight(input.wQuote),
    num: input.targetPrice,
    den: input.currentPrice,
    reserve: input.reserve,
  });
}

/**
 * `calculate_base_delta_in`: alpha that moves the price down from `currentPrice` to `targetPrice`,
 * `floor(x * ((p/p')^w_q - 1))`; 0 if the target is not below.
 */
export function baseDeltaIn(input: PriceDeltaInput): bigint {
  return limitDelta({
    weight: input.wQuote,
    num: input.currentPrice,
    den: input.targetPrice,
    reserve: input.reserve,
  });
}

/**
 * `get_base_needed_for_quote`: alpha to sell to receive `taoDelta`,
 * `floor(x * ((y/(y-dy))^(w_q/w_b) - 1))`; 0 when the power does not fit a u64 (e.g. dy >= y).
 */
export function baseNeededForQuote(input: BalancerReserves & { readonly taoDelta: bigint }): bigint {
  const e = expScaled({
    wQuote: input.wQuote,
    reserve: input.taoReserve,
    delta: -input.taoDelta,
    baseQuote: false,
  });
  return toU64(U64F64, mul(U64F64, fromInt(U64F64, input.alphaReserve), sub(U64F64, e, ONE)));
}

/** Inputs of {@link weightForAddedLiquidity}: current weight and reserves, and the amounts added. */
export interface AddedLiquidityInput extends BalancerReserves {
  readonly taoDelta: bigint;
  readonly alphaDelta: bigint;
}

/**
 * `update_weights_for_added_liquidity`: the quote weight that keeps the price when (dy, dx) are added,
 * `w_q' = q2 / (q1 + q2)` with `q1 = round(w_b * y * (x+dx))`, `q2 = round(w_q * x * (y+dy))` (half up,
 * u128 saturating) and `from_rational` rounding down; 0.5 when q1 + q2 = 0. `null` when w_q' is outside
 * [0.01, 0.99] (the chain then refuses the injection).
 */
export function weightForAddedLiquidity(input: AddedLiquidityInput): bigint | null {
  const { taoReserve: y, alphaReserve: x } = input;
  const capU128 = (v: bigint) => (v > U128_MAX ? U128_MAX : v);
  const q1 = mulPerquintillRound(complementWeight(input.wQuote), capU128(y * (x + input.alphaDelta)));
  const q2 = mulPerquintillRound(input.wQuote, capU128(x * (y + input.taoDelta)));
  const sum = capU128(q1 + q2);
  const next = sum === 0n ? PERQUINTILL_HALF : perquintillFromRational(q2, sum);
  return isValidQuoteWeight(next) ? next : null;
}
