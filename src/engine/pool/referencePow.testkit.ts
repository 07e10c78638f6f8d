/**
 * Independent high-precision reference for `(num/den)^(a/b)`, used by the pool tests only. Different
 * method from the crate: ln via the atanh series on a mantissa in [1, 2), exp via range reduction by
 * ln 2, 2^-20 scaling and repeated squaring, all in 320-bit fixed point.
 */

const BITS = 320n;
const ONE = 1n << BITS;
const HALVINGS = 20n;

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** 2 * atanh(t) for a fixed-point |t| <= 1/3. */
function twoAtanh(t: bigint): bigint {
  const t2 = (t * t) >> BITS;
  let power = t;
  let sum = 0n;
  for (let k = 1n; power !== 0n; k += 2n) {
    sum += power / k;
    power = (power * t2) >> BITS;
  }
  return 2n * sum;
}

const LN2 = twoAtanh(ONE / 3n);

/** ln(v) * 2^320 for an integer v > 0. */
function lnInteger(v: bigint): bigint {
  const k = BigInt(bitLength(v) - 1);
  const m = (v << BITS) >> k; // mantissa in [1, 2)
  return twoAtanh(((m - ONE) << BITS) / (m + ONE)) + k * LN2;
}

/** exp(y) * 2^320 for a fixed-point y. */
function expFixed(y: bigint): bigint {
  const k = (y + LN2 / 2n) / LN2 - (y < -LN2 / 2n ? 1n : 0n);
  const r = (y - k * LN2) >> HALVINGS;
  let term = ONE;
  let sum = ONE;
  for (let n = 1n; term !== 0n; n++) {
    term = (term * r) / (ONE * n);
    sum += term;
  }
  for (let i = 0n; i < HALVINGS; i++) sum = (sum * sum) >> BITS;
  return k >= 0n ? sum << k : sum >> -k;
}

/** `(num/den)^(a/b)` as a 320-bit fixed-point value (relative error far below 1e-30). */
export function referencePowFixed(num: bigint, den: bigint, a: bigint, b: bigint): bigint {
  return expFixed(((lnInteger(num) - lnInteger(den)) * a) / b);
}

/** Fractional bits of {@link referencePowFixed}. */
export const REFERENCE_BITS = BITS;
