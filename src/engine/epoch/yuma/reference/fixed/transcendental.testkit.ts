/**
 * Transcendental functions of substrate-fixed v0.6.0 (`src/transcendental.rs`) on I32F32 raw bits,
 * reproduced step for step so that results match the chain bit for bit. Yuma 3's liquid alpha feeds
 * `exp` through `exp_safe` (epoch/math.rs), which clamps the input to [-20, 20].
 */
import { I32F32 } from '../../../../fixed/format.ts';
import { checked, checkedDiv, checkedMul, fromInt } from './ops.testkit.ts';

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
    result = checked(I32F32, result + term);
    if (result === null) return null;
  }
  return negative ? checkedDiv(I32F32, one, result) : result;
}
