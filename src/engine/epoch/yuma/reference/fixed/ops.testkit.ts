/**
 * Arithmetic on fixed-point raw bits with the chain's exact rounding (spec §1.2):
 * products floor (arithmetic shift right), quotients truncate toward zero, fixed-to-integer and
 * fixed-to-narrower-fixed floor, float-to-fixed rounds to nearest with ties to even.
 * Saturating variants clamp to the format's storage range.
 */
import { InvariantError } from '../../../../errors.ts';
import { type Fixed, type FixedFormat, type FormatName, U16_MAX, U64_MAX } from '../../../../fixed/format.ts';

/** Clamp raw bits into the format's storage range. */
export function saturate<N extends FormatName>(f: FixedFormat<N>, raw: bigint): Fixed<N> {
  if (raw < f.min) return f.min;
  if (raw > f.max) return f.max;
  return raw as Fixed<N>;
}

/** Raw bits as a value of format `f`, or `null` when they do not fit its storage. */
export function checked<N extends FormatName>(f: FixedFormat<N>, raw: bigint): Fixed<N> | null {
  return raw < f.min || raw > f.max ? null : (raw as Fixed<N>);
}

/** `from_num(integer)`: exact, saturating. */
export function fromInt<N extends FormatName>(f: FixedFormat<N>, n: bigint | number): Fixed<N> {
  return saturate(f, BigInt(n) << f.frac);
}

/** Raw bits given directly (e.g. a stored value); throws when out of range because that is a bug. */
export function fromBits<N extends FormatName>(f: FixedFormat<N>, raw: bigint): Fixed<N> {
  const v = checked(f, raw);
  if (v === null) throw new InvariantError('FIXED_RANGE', `${raw} is outside the ${f.name} range`);
  return v;
}

/** `from_num(f64)`: round to nearest, ties to even, saturating. NaN is a bug. */
export function fromF64<N extends FormatName>(f: FixedFormat<N>, x: number): Fixed<N> {
  if (Number.isNaN(x)) throw new InvariantError('FIXED_NAN', `cannot convert NaN to ${f.name}`);
  if (!Number.isFinite(x)) return x > 0 ? f.max : f.min;
  if (x === 0) return 0n as Fixed<N>;
  // Decompose the double exactly: x = mantissa * 2^exponent.
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const negative = hi >>> 31 === 1;
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exponent: bigint;
  if (biased === 0) {
    exponent = -1074n;
  } else {
    mantissa |= 1n << 52n;
    exponent = BigInt(biased) - 1075n;
  }
  const shift = exponent + f.frac;
  let raw: bigint;
  if (shift >= 0n) {
    raw = mantissa << shift;
  } else {
    const s = -shift;
    const q = mantissa >> s;
    const rem = mantissa - (q << s);
    const half = 1n << (s - 1n);
    raw = rem > half || (rem === half && (q & 1n) === 1n) ? q + 1n : q;
  }
  return saturate(f, negative ? -raw : raw);
}

/** Nearest float64 of a fixed value (for reports and float paths only; never fed back). */
export function toF64<N extends FormatName>(f: FixedFormat<N>, v: Fixed<N>): number {
  // Number(bigint) rounds correctly and dividing by a power of two is exact (no format reaches the
  // subnormal range), so this is the correctly rounded value. Splitting into integer and fraction
  // parts instead cancels for small negative values (e.g. I64F64 raw -1 gave 0).
  return Number(v) / 2 ** Number(f.frac);
}

/** `to_num::<integer>()`: drop the fractional bits, i.e. floor. */
export function floorToInt<N extends FormatName>(f: FixedFormat<N>, v: Fixed<N>): bigint {
  return v >> f.frac;
}

/** `saturating_to_num::<u64>()`: floor, then clamp to [0, u64::MAX]. */
export function toU64<N extends FormatName>(f: FixedFormat<N>, v: Fixed<N>): bigint {
  const n = v >> f.frac;
  if (n < 0n) return 0n;
  return n > U64_MAX ? U64_MAX : n;
}

/** Fixed-to-fixed conversion: extra fractional bits are floored, the result saturates. */
export function convert<A extends FormatName, B extends FormatName>(
  from: FixedFormat<A>,
  to: FixedFormat<B>,
  v: Fixed<A>,
): Fixed<B> {
  const d = to.frac - from.frac;
  return saturate(to, d >= 0n ? v << d : v >> -d);
}

/** Saturating sum. */
export function add<N extends FormatName>(f: FixedFormat<N>, a: Fixed<N>, b: Fixed<N>): Fixed<N> {
  return saturate(f, a + b);
}

/** Saturating difference (unsigned formats stop at 0). */
export function sub<N extends FormatName>(f: FixedFormat<N>, a: Fixed<N>, b: Fixed<N>): Fixed<N> {
  return saturate(f, a - b);
}

/** Full-width product shifted right by the fractional bits (floor), saturating. */
export function mul<N extends FormatName>(f: FixedFormat<N>, a: Fixed<N>, b: Fixed<N>): Fixed<N> {
  return saturate(f, (a * b) >> f.frac);
}

/** Product, or `null` on overflow (`checked_mul`). */
export function checkedMul<N extends FormatName>(
  f: FixedFormat<N>,
  a: Fixed<N>,
  b: Fixed<N>,
): Fixed<N> | null {
  return checked(f, (a * b) >> f.frac);
}

/** Quotient `(a << frac) / b` truncated toward zero, or `null` on a zero divisor or overflow. */
export function checkedDiv<N extends FormatName>(
  f: FixedFormat<N>,
  a: Fixed<N>,
  b: Fixed<N>,
): Fixed<N> | null {
  if (b === 0n) return null;
  return checked(f, (a << f.frac) / b);
}

/** `safe_div`: the truncating quotient, or 0 when the divisor is 0 or the quotient overflows. */
export function safeDiv<N extends FormatName>(f: FixedFormat<N>, a: Fixed<N>, b: Fixed<N>): Fixed<N> {
  return checkedDiv(f, a, b) ?? (0n as Fixed<N>);
}

/** `safe_div_or`: the truncating quotient, or `fallback` on a zero divisor or overflow. */
export function safeDivOr<N extends FormatName>(
  f: FixedFormat<N>,
  a: Fixed<N>,
  b: Fixed<N>,
  fallback: Fixed<N>,
): Fixed<N> {
  return checkedDiv(f, a, b) ?? fallback;
}

/** `saturating_div`: truncating quotient clamped to the range; a zero divisor is a bug. */
export function saturatingDiv<N extends FormatName>(f: FixedFormat<N>, a: Fixed<N>, b: Fixed<N>): Fixed<N> {
  if (b === 0n) throw new InvariantError('FIXED_DIV_ZERO', `${f.name} division by zero`);
  return saturate(f, (a << f.frac) / b);
}

/** Plain `/`: the chain would panic on a zero divisor or overflow, so those are bugs here. */
export function div<N extends FormatName>(f: FixedFormat<N>, a: Fixed<N>, b: Fixed<N>): Fixed<N> {
  const q = checkedDiv(f, a, b);
  if (q === null) throw new InvariantError('FIXED_DIV', `${f.name} division by zero or overflow`);
  return q;
}

/** `from_num(num) / from_num(den)` with truncation: an exact rational rounded toward zero. */
export function ratio<N extends FormatName>(f: FixedFormat<N>, num: bigint, den: bigint): Fixed<N> {
  return safeDiv(f, fromInt(f, num), fromInt(f, den));
}

/** Smaller of two values. */
export function min<N extends FormatName>(a: Fixed<N>, b: Fixed<N>): Fixed<N> {
  return a < b ? a : b;
}

/** Larger of two values. */
export function max<N extends FormatName>(a: Fixed<N>, b: Fixed<N>): Fixed<N> {
  return a > b ? a : b;
}

/** Stored u16 proportion `x/65535` as a truncating fixed division. */
export function fromU16Proportion<N extends FormatName>(f: FixedFormat<N>, x: number | bigint): Fixed<N> {
  return ratio(f, BigInt(x), U16_MAX);
}

/** `fixed_proportion_to_u16`: floor(v * 65535), saturating to [0, 65535]. */
export function toU16Proportion<N extends FormatName>(f: FixedFormat<N>, v: Fixed<N>): number {
  const n = (v * U16_MAX) >> f.frac;
  if (n < 0n) return 0;
  return n > U16_MAX ? 65_535 : Number(n);
}

/** u64 proportion `x / u64::MAX` (tao_weight, childkey proportions) as a truncating fixed division. */
export function fromU64Proportion<N extends FormatName>(f: FixedFormat<N>, x: bigint): Fixed<N> {
  return ratio(f, x, U64_MAX);
}

/** Integer `floor(a * b / c)` for non-negative operands; 0 when c is 0 (`safe_div`). */
export function mulDivFloor(a: bigint, b: bigint, c: bigint): bigint {
  return c === 0n ? 0n : (a * b) / c;
}

/** Reduce raw bits modulo the storage width, like the storage integer's wrapping arithmetic. */
export function wrap<N extends FormatName>(f: FixedFormat<N>, raw: bigint): Fixed<N> {
  const width = f.max - f.min + 1n;
  const r = (raw - f.min) % width;
  return ((r < 0n ? r + width : r) + f.min) as Fixed<N>;
}

/**
 * Plain `+` of the chain's release runtime (built without overflow checks): the sum wraps around.
 * `Iterator::sum` of fixed values folds with this.
 */
export function wrappingAdd<N extends FormatName>(f: FixedFormat<N>, a: Fixed<N>, b: Fixed<N>): Fixed<N> {
  return wrap(f, a + b);
}

/** `round()`: nearest integer, ties away from zero; wraps on overflow like the release runtime. */
export function round<N extends FormatName>(f: FixedFormat<N>, v: Fixed<N>): Fixed<N> {
  const half = f.one >> 1n;
  const magnitude = (((v < 0n ? -v : v) + half) >> f.frac) << f.frac;
  return wrap(f, v < 0n ? -magnitude : magnitude);
}
