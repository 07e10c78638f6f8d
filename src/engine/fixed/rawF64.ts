/**
 * Exact I32F32 arithmetic on raw bits held in float64, for hot loops where a bigint per cell costs too
 * much. Same rounding as the bigint ops (spec §1.2): products floor, quotients truncate.
 *
 * Why it is exact: a float64 holds every integer of magnitude <= 2^53, and IEEE +, -, *, / are correctly
 * rounded, so an operation whose exact result is such an integer (or such an integer times a power of
 * two) returns it exactly. Each helper splits its operands into limbs so that every intermediate stays an
 * integer below 2^53, and states the operand bounds under which that holds. One more fact is used:
 *
 * Floor lemma: for integers 0 <= n < 2^53 and d >= 1, `Math.floor(n / d) === floor(n / d)`. The rounded
 * quotient is >= q = floor(n/d) (q is representable, rounding is monotone) and could only reach q + 1 if
 * n/d lay within half an ulp of it; but n/d <= q + 1 - 1/d while half an ulp of n/d is at most
 * (n/d) 2^-53 < 1/d when n < 2^53.
 */
import { InvariantError } from '../errors.ts';
import { I32F32 } from './format.ts';
import { safeDiv } from './ops.ts';

/** 2^16. */
export const TWO16 = 65_536;
/** 2^32: the raw bits of I32F32 one. */
export const TWO32 = 4_294_967_296;
const TWO20 = 1_048_576;
const TWO26 = 67_108_864;
const TWO37 = 2 ** 37;
const TWO44 = 2 ** 44;
const TWO53 = 2 ** 53;
const TWO64 = 2 ** 64;

/**
 * I32F32 `a * b` (floor) for integers 0 <= a <= 2^36 and 0 <= b <= 2^32 (every proportion and bond).
 * b = bh 2^16 + bl, so a b = hi 2^16 + lo with hi, lo <= 2^52; with hi = hq 2^16 + hr the product is
 * hq 2^32 + (hr 2^16 + lo), the bracket below 2^52 + 2^32.
 */
export function mulRaw(a: number, b: number): number {
  const bh = Math.floor(b / TWO16);
  const hi = a * bh;
  const lo = a * (b - bh * TWO16);
  const hq = Math.floor(hi / TWO16);
  return hq + Math.floor(((hi - hq * TWO16) * TWO16 + lo) / TWO32);
}

/**
 * I32F32 `a * b` (floor, toward minus infinity) for integers |a| <= 2^36 and |b| <= 2^32 of any sign:
 * {@link mulRaw} of the magnitudes, minus one more for a negative product with a remainder.
 */
export function mulRawSigned(a: number, b: number): number {
  const x = a < 0 ? -a : a;
  const y = b < 0 ? -b : b;
  const bh = Math.floor(y / TWO16);
  const hi = x * bh;
  const lo = x * (y - bh * TWO16);
  const hq = Math.floor(hi / TWO16);
  const rest = (hi - hq * TWO16) * TWO16 + lo;
  const rq = Math.floor(rest / TWO32);
  const magnitude = hq + rq;
  if (a < 0 === b < 0) return magnitude;
  return rest === rq * TWO32 ? 0 - magnitude : -1 - magnitude;
}

/** Fractional part (units of 2^-32) of the last {@link wideFloor} product. */
let wideFraction = 0;

/**
 * floor(a b / 2^32) for integers 0 <= a < 2^53 and 0 <= b < 2^37 whose result is below 2^53. Limbs of
 * 26 bits: a = a1 2^26 + a0, b = b1 2^26 + b0, so a b / 2^32 = a1 b1 2^20 + (a1 b0 + a0 b1) / 2^6 +
 * a0 b0 / 2^32; every partial product is below 2^53, and the three fractional parts are added as
 * integers (units of 2^-32, sum below 3 2^32) for the carry.
 */
function wideFloor(a: number, b: number): number {
  const a1 = Math.floor(a / TWO26);
  const a0 = a - a1 * TWO26;
  const b1 = Math.floor(b / TWO26);
  const b0 = b - b1 * TWO26;
  const m1 = a1 * b0;
  const m2 = a0 * b1;
  const low = a0 * b0;
  const m1q = Math.floor(m1 / 64);
  const m2q = Math.floor(m2 / 64);
  const lowq = Math.floor(low / TWO32);
  const fraction = (m1 - m1q * 64) * TWO26 + (m2 - m2q * 64) * TWO26 + (low - lowq * TWO32);
  const carry = Math.floor(fraction / TWO32);
  wideFraction = fraction - carry * TWO32;
  return a1 * b1 * TWO20 + m1q + m2q + lowq + carry;
}

/**
 * I32F32 `a * b` (floor) for integers 0 <= a < 2^53 and 0 <= b < 2^37 whose result is below 2^53, e.g.
 * a Taylor term times the exponent (see {@link wideFloor}).
 */
export function mulWide(a: number, b: number): number {
  return wideFloor(a, b);
}

/**
 * I32F32 `a * b` (floor, toward minus infinity) for integers |a| < 2^53 and |b| < 2^37 of any sign whose
 * result is below 2^53 in magnitude: the floor of the magnitudes, one lower for a negative product
 * with fractional bits.
 */
export function mulWideSigned(a: number, b: number): number {
  const magnitude = wideFloor(a < 0 ? -a : a, b < 0 ? -b : b);
  if (a < 0 === b < 0) return magnitude;
  return wideFraction === 0 ? 0 - magnitude : -1 - magnitude;
}

/**
 * I32F32 `safe_div(a, b)` for non-negative integers: (a << 32) / b truncated, 0 when b is 0 or the
 * quotient overflows. Exact long division in base 2^16 when a, b < 2^37 and a < b 2^20 (then
 * a 2^16 < 2^53, q1 = floor(a 2^16 / b) < 2^36, the remainder r1 < b and r1 2^16 < 2^53, each quotient
 * digit exact by the floor lemma); otherwise bigint. The quotient must be below 2^53 to be returned.
 */
export function divRaw(a: number, b: number): number {
  if (a >= 0 && a < TWO37 && b > 0 && b < TWO37 && a < b * TWO20) {
    const n1 = a * TWO16;
    const q1 = Math.floor(n1 / b);
    return q1 * TWO16 + Math.floor(((n1 - q1 * b) * TWO16) / b);
  }
  return divRawBigint(a, b);
}

/** {@link divRaw} outside the float domain (kept out of line so that the fast path inlines). */
function divRawBigint(a: number, b: number): number {
  const q = Number(safeDiv(I32F32, BigInt(a) as I32F32, BigInt(b) as I32F32));
  if (q >= TWO53 || q <= -TWO53)
    throw new InvariantError('RAW_RANGE', `quotient ${q} is not exact in float64`);
  return q;
}

/**
 * floor(2^64 / d) for an integer 2^32 <= d < 2^53: I32F32 `one / x` with x = d (the reciprocal in
 * `exp` and the sigmoid). The rounded quotient q (<= 2^32 + 1) is the floor or one above it; the sign
 * of 2^64 - q d decides, computed exactly as (2^44 - q dh) 2^20 - q dl with d = dh 2^20 + dl, where
 * q dh <= 2^44 + dh and q dl < 2^53.
 */
export function divPow64(d: number): number {
  const q = Math.floor(TWO64 / d);
  const dh = Math.floor(d / TWO20);
  const remainder = (TWO44 - q * dh) * TWO20 - q * (d - dh * TWO20);
  return remainder < 0 ? q - 1 : q;
}
