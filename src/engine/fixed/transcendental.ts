/**
 * Transcendental functions of substrate-fixed v0.6.0 (`src/transcendental.rs`) on I32F32 raw bits,
 * reproduced step for step so that results match the chain bit for bit. Yuma 3's liquid alpha feeds
 * `exp` through `exp_safe` (epoch/math.rs), which clamps the input to [-20, 20].
 */
import { I32F32 } from './format.ts';
import { checked, checkedDiv, checkedMul, fromInt } from './ops.ts';
import { divPow64, mulRaw, mulWide, TWO32 } from './rawF64.ts';

/**
 * The crate's constant `E` is a U2F126 narrowed to I9F23 by a right shift (floor); `exp(1)` returns
 * that 23-bit value widened to I32F32, not the nearest I32F32 to e.
 */
const E_U2F126 = 0xadf8_5458_a2bb_4a9a_afdc_5620_273d_3cf1n;
const E_I32F32 = ((E_U2F126 >> 103n) << 9n) as I32F32;

/** Number of Taylor terms the crate sums: `for i in 2..frac_nbits` with 32 fractional bits. */
const LAST_TERM = 31n;

/**
 * `exp(x)` of substrate-fixed for I32F32: Taylor series 1 + x + x^2/2! + ... + x^31/31! of |x|,
 * each term `term * |x|` (floor) then `/ i` (truncate), with checked arithmetic; a negative input
 * returns `1 / exp(|x|)` (truncate). Returns `null` where the crate returns `Err` (any overflow,
 * including negating I32F32::MIN). The series is truncated, so large inputs come out below e^x.
 * @example exp(fromInt(I32F32, 0)) === I32F32.one
 */
export function exp(x: I32F32): I32F32 | null {
  const one = I32F32.one;
  if (x === 0n) return one;
  if (x === one) return E_I32F32;
  const negative = x < 0n;
  const operand = negative ? checked(I32F32, -x) : x;
  if (operand === null) return null;

  let result = checked(I32F32, operand + one);
  if (result === null) return null;
  let term: I32F32 | null = operand;
  for (let i = 2n; i <= LAST_TERM; i++) {
    term = checkedMul(I32F32, term, operand);
    if (term === null) return null;
    term = checkedDiv(I32F32, term, fromInt(I32F32, i));
    if (term === null) return null;
    // Once a term is 0 every later one is 0 too (0 * x floors to 0, 0 / i is 0) and nothing can
    // overflow any more, so the remaining iterations leave the result as it is.
    if (term === 0n) break;
    result = checked(I32F32, result + term);
    if (result === null) return null;
  }
  return negative ? checkedDiv(I32F32, one, result) : result;
}

/** Largest |x| (raw bits) {@link expRaw} computes in float64: every term and product stays below 2^53. */
export const EXP_RAW_LIMIT = 12 * TWO32;
const E_RAW = Number(E_I32F32);
// Local copies: an imported binding costs a check on every read in the loop.
const mulRawLocal = mulRaw;
const mulWideLocal = mulWide;

/**
 * {@link exp} on raw bits held in float64, the same steps in exact integer arithmetic, for
 * |x| <= 12 (the sigmoid of liquid alpha at the default steepness needs |x| <= 5); other inputs go
 * through the bigint {@link exp}, whose result may then not be exact in float64, so callers keep to
 * the limit. Why it is exact: for u = |x| <= 12 * 2^32 the k-th term is at most 2^32 12^k / k!, so
 * every product term * u / 2^32 is at most 2^32 12^12 / 11! < 2^50 and the sum below 2^32 e^12 < 2^50
 * ({@link mulWide} covers the products, {@link mulRaw} those of terms below 1, the floor lemma of
 * rawF64.ts the divisions by i, and {@link divPow64} the reciprocal of a negative input).
 */
export function expRaw(x: number): number | null {
  if (x > EXP_RAW_LIMIT || x < -EXP_RAW_LIMIT) {
    const r = exp(BigInt(x) as I32F32);
    return r === null ? null : Number(r);
  }
  if (x === 0) return TWO32;
  if (x === TWO32) return E_RAW;
  const one = TWO32;
  const operand = x < 0 ? -x : x;
  let result = operand + one;
  let term = operand;
  for (let i = 2; i <= 31; i++) {
    // Terms below 1 (the tail of the series) fit the cheaper product: operand < 2^36, term <= 2^32.
    const product = term <= one ? mulRawLocal(operand, term) : mulWideLocal(term, operand);
    term = Math.floor(product / i);
    if (term === 0) break;
    result += term;
  }
  return x < 0 ? divPow64(result) : result;
}

/** `LOG2_E` of the crate: the U1F127 constant narrowed to I9F23 (floor), widened to I32F32. */
const LOG2_E_I32F32 = (12_102_203n << 9n) as I32F32;
const TWO_I32F32 = (2n << 32n) as I32F32;

/** `rs`: right shift by one with rounding (adds back the bit shifted out). */
const roundingHalf = (x: bigint): bigint => (x >> 1n) + (x & 1n);

/**
 * `log2_inner` for x >= 1: halve (rounding) until below 2, counting the integer part, then 32 rounds
 * of squaring (floor) that each yield one fractional bit.
 */
function log2Inner(operand: I32F32): I32F32 {
  let x: bigint = operand;
  let result = 0n;
  while (x >= TWO_I32F32) {
    result += 1n;
    x = roundingHalf(x);
  }
  if (x === I32F32.one) return (result << 32n) as I32F32; // the crate returns from_num(bits)
  for (let i = 0; i < 32; i++) {
    x = (x * x) >> 32n;
    result <<= 1n;
    if (x >= TWO_I32F32) {
      result |= 1n;
      x = roundingHalf(x);
    }
  }
  return result as I32F32;
}

/**
 * `log2(x)` of substrate-fixed for I32F32: `null` for x <= 0; below 1 it is `−log2_inner(1 / x)`
 * with a truncating reciprocal. Note the crate's early return for an exact power of two returns
 * `from_num(count of halvings)`, i.e. the integer part shifted into place.
 * @example log2(fromInt(I32F32, 8)) === fromInt(I32F32, 3)
 */
export function log2(x: I32F32): I32F32 | null {
  if (x <= 0n) return null;
  if (x < I32F32.one) {
    const inverse = checkedDiv(I32F32, I32F32.one, x);
    if (inverse === null) return null;
    return -log2Inner(inverse) as I32F32;
  }
  return log2Inner(x);
}

/**
 * `ln(x)` of substrate-fixed for I32F32: `log2(x) / LOG2_E` (truncating division by the 23-bit
 * constant); `null` for x <= 0.
 * @example ln(fromInt(I32F32, 1)) === 0n
 */
export function ln(x: I32F32): I32F32 | null {
  const l = log2(x);
  if (l === null) return null;
  return checkedDiv(I32F32, l, LOG2_E_I32F32);
}
