/**
 * `SafeInt::pow_ratio_scaled` of the crate safe-bigmath (rev 013c4998, `src/integer.rs`), the power
 * behind every Balancer swap (spec §5.2): `(baseNum/baseDen)^(expNum/expDen) * scale` as an integer.
 *
 * Two paths, both reproduced bit for bit:
 * - exact: when the gcd-reduced exponent a/b has a <= 1024 and b <= 1024, the result is
 *   `floor((baseNum^a * scale^b / baseDen^a)^(1/b))`, an exact integer root.
 * - approximate: fixed-point ln/exp Taylor series with `max(precision, 32, bits(scale) + 8)`
 *   fractional bits plus 24 guard bits; every product and quotient floors (toward minus infinity),
 *   the guard bits are dropped by rounding half away from zero, the last step floors.
 */

/** Largest reduced exponent numerator and denominator that take the exact root path. */
export const MAX_EXACT_EXPONENT = 1024n;
/** Guard bits added to the requested precision on the approximate path. */
export const GUARD_BITS = 24;
/** Cap on the number of series terms on the approximate path (the crate's `DEFAULT_MAX_ITERS`). */
export const DEFAULT_MAX_ITERS = 4096;

/** Inputs of {@link powRatioScaled}; all integers, `precision` in bits. */
export interface PowRatioInput {
  readonly baseNum: bigint;
  readonly baseDen: bigint;
  readonly expNum: bigint;
  readonly expDen: bigint;
  /** Requested fractional bits of the approximate path (u32). */
  readonly precision: number;
  /** Integer the result is scaled by (e.g. 1e18). */
  readonly scale: bigint;
  /** Series term cap; default `min(4096, internal bits + 128)`. */
  readonly maxIters?: number;
}

/** Number of significant bits of a non-negative integer (0 for 0). */
function bitLength(n: bigint): number {
  if (n === 0n) return 0;
  const hex = n.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(Number.parseInt(hex[0]!, 16)));
}

/** Quotient rounded toward minus infinity (num-integer `div_floor`); `d` must be positive. */
function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n < 0n && q * d !== n ? q - 1n : q;
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * Drop the guard bits: truncate toward zero, then move one away from zero when the remainder is at
 * least half the guard factor (the crate's `round_to_precision`).
 */
function roundToPrecision(value: bigint, guard: bigint): bigint {
  const q = value / guard; // truncating, like num-bigint's div_rem
  const r = value % guard; // sign of the dividend
  if (r !== 0n && abs(r) << 1n >= guard) return r > 0n ? q + 1n : q - 1n;
  return q;
}

/** `floor(N^(1/q))` for N >= 0, q >= 1: the unique integer r with r^q <= N < (r+1)^q. */
export function nthRootFloor(n: bigint, q: number): bigint {
  if (q < 1 || !Number.isInteger(q)) throw new RangeError(`root degree must be a positive integer: ${q}`);
  if (n < 0n) throw new RangeError('root of a negative number');
  if (q === 1 || n < 2n) return n;
  const qb = BigInt(q);
  // The crate bisects; any method that finds the same unique integer will do. A float estimate
  // (relative error ~1e-11) made into a verified overestimate, then integer Newton steps, which
  // decrease strictly while above the root and stop exactly at floor(N^(1/q)).
  const bits = bitLength(n);
  const drop = Math.max(0, bits - 64);
  const log2r = (Math.log2(Number(n >> BigInt(drop))) + drop) / q;
  let estimate: bigint;
  if (log2r < 52) {
    estimate = BigInt(Math.floor(2 ** log2r));
  } else {
    const e = Math.floor(log2r);
    estimate = BigInt(Math.floor(2 ** (log2r - e) * 2 ** 52)) << BigInt(e - 52);
  }
  let x = estimate + (estimate >> 30n) + 2n;
  while (x ** qb <= n) x *= 2n;
  for (;;) {
    const y = ((qb - 1n) * x + n / x ** (qb - 1n)) / qb;
    if (y >= x) return x;
    x = y;
  }
}

/** Fixed-point setting of the series: `scale` is 1.0 with the guard bits, `guard` is 2^24. */
interface Series {
  readonly internalBits: number;
  readonly scale: bigint;
  readonly guard: bigint;
  readonly maxIters: number;
}

/** Taylor series of ln(1 + x) in fixed point (the crate's `ln1p_fixed`). */
function ln1pFixed(x: bigint, s: Series): bigint {
  let term = x;
  let result = term;
  let previous = roundToPrecision(result, s.guard);
  for (let n = 2; n <= s.maxIters; n++) {
    term = floorDiv(term * x, s.scale);
    if (term === 0n) break;
    const next = floorDiv(term, BigInt(n));
    if (next === 0n) break;
    result = n % 2 === 0 ? result - next : result + next;
    const rounded = roundToPrecision(result, s.guard);
    if (abs(next) < s.guard || rounded === previous) break;
    previous = rounded;
  }
  return result;
}

/** Taylor series of exp(x) in fixed point (the crate's `exp_fixed`). */
function expFixed(x: bigint, s: Series): bigint {
  let term = s.scale;
  let result = term;
  let previous = roundToPrecision(result, s.guard);
  for (let n = 1; n <= s.maxIters; n++) {
    term = floorDiv(term * x, s.scale * BigInt(n));
    if (term === 0n) break;
    result += term;
    const rounded = roundToPrecision(result, s.guard);
    if (abs(term) < s.guard || rounded === previous) break;
    previous = rounded;
  }
  return result;
}

// ln 2 depends only on the internal precision and the term cap: memoise it (pure, deterministic).
const lnTwoCache = new Map<string, bigint>();

/** ln 2 = -ln(1 - 1/2), from the same series as every other logarithm. */
function lnTwo(s: Series): bigint {
  const key = `${s.internalBits}:${s.maxIters}`;
  let value = lnTwoCache.get(key);
  if (value === undefined) {
    value = -ln1pFixed(-(s.scale >> 1n), s);
    if (lnTwoCache.size > 64) lnTwoCache.clear();
    lnTwoCache.set(key, value);
  }
  return value;
}

/** ln of a positive integer: mantissa normalised into [0.75, 1.5), plus shift * ln 2 (`ln_biguint`). */
function lnInteger(value: bigint, s: Series): bigint {
  let shift = bitLength(value) - 1;
  let mantissa = (value << BigInt(s.internalBits)) >> BigInt(shift);
  if (mantissa >= s.scale + (s.scale >> 1n)) {
    mantissa >>= 1n;
    shift += 1;
  }
  return ln1pFixed(mantissa - s.scale, s) + lnTwo(s) * BigInt(shift);
}

/** The fixed-point ln/exp path, for an exponent already reduced by its gcd. */
function approximatePath(input: PowRatioInput): bigint {
  const requestedBits = Math.max(input.precision, 32, bitLength(input.scale) + 8);
  const internalBits = requestedBits + GUARD_BITS;
  const targetScale = 1n << BigInt(requestedBits);
  const series: Series = {
    internalBits,
    scale: targetScale << BigInt(GUARD_BITS),
    guard: 1n << BigInt(GUARD_BITS),
    maxIters: Math.max(input.maxIters ?? Math.min(DEFAULT_MAX_ITERS, internalBits + 128), 1),
  };
  const lnBase = lnInteger(input.baseNum, series) - lnInteger(input.baseDen, series);
  const lnScaled = floorDiv(lnBase * input.expNum, input.expDen);
  const power = roundToPrecision(expFixed(lnScaled, series), series.guard);
  return floorDiv(power * input.scale, targetScale);
}

/**
 * `(baseNum/baseDen)^(expNum/expDen) * scale` as the crate computes it (floored; see the file note
 * for the two paths). `null` where the crate returns `None`: a zero base or exponent denominator, a
 * negative base, exponent or scale. A zero base gives 0, a zero exponent gives `scale`.
 * @example powRatioScaled({ baseNum: 3n, baseDen: 4n, expNum: 3n, expDen: 2n, precision: 256, scale: 10n ** 18n }) // 649519052838328985n
 */
export function powRatioScaled(input: PowRatioInput): bigint | null {
  const { baseNum, baseDen, precision, scale } = input;
  if (baseDen === 0n || input.expDen === 0n) return null;
  if (baseNum === 0n) return 0n;
  if (scale < 0n || baseNum < 0n || baseDen < 0n) return null;
  if (input.expNum < 0n || input.expDen < 0n) return null;
  if (!Number.isInteger(precision) || precision < 0)
    throw new RangeError(`precision must be a u32: ${precision}`);
  if (input.expNum === 0n) return scale;
  const g = gcd(input.expNum, input.expDen);
  const expNum = input.expNum / g;
  const expDen = input.expDen / g;
  if (expNum <= MAX_EXACT_EXPONENT && expDen <= MAX_EXACT_EXPONENT) {
    const target = (baseNum ** expNum * scale ** expDen) / baseDen ** expNum;
    return nthRootFloor(target, Number(expDen));
  }
  return approximatePath({ ...input, expNum, expDen });
}
