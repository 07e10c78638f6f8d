/**
 * Saltelli's sampling scheme for Sobol' indices (A. Saltelli, "Making best use of model evaluations to
 * compute sensitivity indices", Comput. Phys. Commun. 145, 2002; Saltelli et al. 2010, see
 * sobolIndices.ts): two independent N × k matrices A and B, taken as the first and last k columns of a
 * 2k-dimensional Sobol' sequence, and for each parameter i the matrix A_B^(i), A with its column i from
 * B: N(k + 2) points in all.
 */
import { InputError } from '../../engine/errors.ts';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from './sobolSequence.ts';

/** Parameters a Saltelli design can hold: A and B take two Sobol' dimensions each. */
export const SALTELLI_MAX_PARAMETERS = Math.floor(SOBOL_MAX_DIMENSIONS / 2);

/** The block of a design a point belongs to: `A`, `B`, or `AB` with the parameter index taken from B. */
export type SaltelliBlock =
  | { readonly kind: 'A' }
  | { readonly kind: 'B' }
  | { readonly kind: 'AB'; readonly parameter: number };

/** Where the rows of each block sit in a design of base size `n`: A at 0, B at n, A_B^(i) at (2 + i)n. */
export function saltelliOffset(block: SaltelliBlock, n: number): number {
  return block.kind === 'A' ? 0 : block.kind === 'B' ? n : (2 + block.parameter) * n;
}

/** True when `n` is a power of two (the sizes that keep a Sobol' sequence balanced). */
export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0 && n <= 2 ** 30;
}

/**
 * The design's unit-cube points, one row of `parameters` coordinates each, in the order A, B,
 * A_B^(1) … A_B^(k) (N rows per block).
 * @example saltelliDesign({ n: 8, parameters: 3 }).length // 40
 */
export function saltelliDesign({ n, parameters }: { n: number; parameters: number }): number[][] {
  if (!isPowerOfTwo(n)) throw new InputError('samples', `expected a power of 2 (e.g. 16, 32, 64), got ${n}`);
  if (!Number.isInteger(parameters) || parameters < 1 || parameters > SALTELLI_MAX_PARAMETERS)
    throw new InputError(
      'parameters',
      `expected from 1 to ${SALTELLI_MAX_PARAMETERS} parameters for a Sobol' design, got ${parameters}`,
    );
  const k = parameters;
  const base = sobolPoints(n, 2 * k);
  const a = base.map((row) => row.slice(0, k));
  const b = base.map((row) => row.slice(k));
  const mixes = Array.from({ length: k }, (_, i) =>
    a.map((row, j) => row.map((x, p) => (p === i ? b[j]![p]! : x))),
  );
  return [...a, ...b, ...mixes.flat()];
}
