/**
 * Test oracle for `exp`: substrate-fixed's Taylor loop run in full (all 31 terms, no early exit), the
 * plain reading of the crate's code that the optimised `exp` must reproduce bit for bit.
 */
import { I32F32 } from './format.ts';
import { checked, checkedDiv, checkedMul, fromInt } from './ops.ts';

/** The crate's `E`, a U2F126 narrowed to 23 fractional bits then widened to I32F32. */
const E_I32F32 = ((0xadf8_5458_a2bb_4a9a_afdc_5620_273d_3cf1n >> 103n) << 9n) as I32F32;

/** `exp(x)` by the full 31-term loop; null where the crate returns `Err`. */
export function expFullLoop(x: I32F32): I32F32 | null {
  const one = I32F32.one;
  if (x === 0n) return one;
  if (x === one) return E_I32F32;
  const negative = x < 0n;
  const operand = negative ? checked(I32F32, -x) : x;
  if (operand === null) return null;
  let result = checked(I32F32, operand + one);
  if (result === null) return null;
  let term: I32F32 | null = operand;
  for (let i = 2n; i <= 31n; i++) {
    term = checkedMul(I32F32, term, operand);
    if (term === null) return null;
    term = checkedDiv(I32F32, term, fromInt(I32F32, i));
    if (term === null) return null;
    result = checked(I32F32, result + term);
    if (result === null) return null;
  }
  return negative ? checkedDiv(I32F32, one, result) : result;
}
