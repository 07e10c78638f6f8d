/**
 * Sobol' low-discrepancy points in the unit cube, unscrambled, in Gray-code order (Antonov–Saleev), with
 * the direction numbers of S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better
 * two-dimensional projections", SIAM J. Sci. Comput. 30 (2008), file new-joe-kuo-6.21201. The first
 * dimension is the van der Corput sequence in base 2; each further one is set by a primitive polynomial
 * (degree s, coefficients a) and initial numbers m_1 … m_s. Point 0 is the origin; the first 2^m points
 * of every dimension put one point in each interval of width 2^−m.
 */
import { InputError } from '../../engine/errors.ts';

/** One row of the Joe–Kuo table: polynomial degree `s`, coefficients `a`, initial direction numbers `m`. */
interface DirectionRow {
  readonly s: number;
  readonly a: number;
  readonly m: readonly number[];
}

/** Dimensions 2 … 21 of new-joe-kuo-6.21201 (dimension 1 needs no row). */
const JOE_KUO: readonly DirectionRow[] = [
  { s: 1, a: 0, m: [1] },
  { s: 2, a: 1, m: [1, 3] },
  { s: 3, a: 1, m: [1, 3, 1] },
  { s: 3, a: 2, m: [1, 1, 1] },
  { s: 4, a: 1, m: [1, 1, 3, 3] },
  { s: 4, a: 4, m: [1, 3, 5, 13] },
  { s: 5, a: 2, m: [1, 1, 5, 5, 17] },
  { s: 5, a: 4, m: [1, 1, 5, 5, 5] },
  { s: 5, a: 7, m: [1, 1, 7, 11, 19] },
  { s: 5, a: 11, m: [1, 1, 5, 1, 1] },
  { s: 5, a: 13, m: [1, 1, 1, 3, 11] },
  { s: 5, a: 14, m: [1, 3, 5, 5, 31] },
  { s: 6, a: 1, m: [1, 3, 3, 9, 7, 49] },
  { s: 6, a: 13, m: [1, 1, 1, 15, 21, 21] },
  { s: 6, a: 16, m: [1, 3, 1, 13, 27, 49] },
  { s: 6, a: 19, m: [1, 1, 1, 15, 7, 5] },
  { s: 6, a: 22, m: [1, 3, 1, 15, 13, 25] },
  { s: 6, a: 25, m: [1, 1, 5, 5, 19, 61] },
  { s: 7, a: 1, m: [1, 3, 7, 11, 23, 15, 103] },
  { s: 7, a: 4, m: [1, 3, 7, 13, 13, 15, 69] },
];

/** Dimensions this generator has direction numbers for. */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;

/** Bits of every coordinate: points are multiples of 2^−BITS. */
const BITS = 32;

/** The 32 direction numbers v_1 … v_32 of one dimension (0-based), each scaled by 2^32. */
function directionNumbers(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dimension === 0) {
    for (let i = 0; i < BITS; i++) v[i] = 2 ** (BITS - 1 - i);
    return v;
  }
  const { s, a, m } = JOE_KUO[dimension - 1]!;
  for (let i = 0; i < Math.min(s, BITS); i++) v[i] = (m[i]! * 2 ** (BITS - 1 - i)) >>> 0;
  // v_i = a_1 v_{i−1} ⊕ … ⊕ a_{s−1} v_{i−s+1} ⊕ v_{i−s} ⊕ (v_{i−s} >> s), a's bits read from the top.
  for (let i = s; i < BITS; i++) {
    let next = (v[i - s]! ^ (v[i - s]! >>> s)) >>> 0;
    for (let k = 1; k < s; k++) if (((a >>> (s - 1 - k)) & 1) === 1) next = (next ^ v[i - k]!) >>> 0;
    v[i] = next;
  }
  return v;
}

/**
 * The first `count` points of the `dimensions`-dimensional Sobol' sequence, one row per point.
 * @example sobolPoints(4, 2) // [[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75]]
 */
export function sobolPoints(count: number, dimensions: number): number[][] {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > SOBOL_MAX_DIMENSIONS)
    throw new InputError(
      'dimensions',
      `expected an integer from 1 to ${SOBOL_MAX_DIMENSIONS} (the direction numbers this generator holds), got ${dimensions}`,
    );
  if (!Number.isInteger(count) || count < 0 || count > 2 ** 30)
    throw new InputError('count', `expected an integer from 0 to 2^30 points, got ${count}`);
  const directions = Array.from({ length: dimensions }, (_, d) => directionNumbers(d));
  const x = new Uint32Array(dimensions);
  const rows: number[][] = [];
  for (let n = 0; n < count; n++) {
    rows.push(Array.from(x, (bits) => bits / 2 ** BITS));
    // Gray code: point n + 1 flips the direction number of the lowest zero bit of n.
    let c = 0;
    while (((n >>> c) & 1) === 1) c++;
    for (let d = 0; d < dimensions; d++) x[d] = (x[d]! ^ directions[d]![c]!) >>> 0;
  }
  return rows;
}
