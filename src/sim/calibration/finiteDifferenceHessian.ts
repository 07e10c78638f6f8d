/**
 * The Hessian of an objective by central finite differences, for the curvature at an optimum. Off the
 * diagonal it uses the formula that needs two points per pair (Abramowitz & Stegun 25.3.27) rather than
 * four, since every evaluation here is a backtest.
 */
import { InputError } from '../../engine/errors.ts';
import type { SearchObjective } from './nelderMead.ts';

/** What {@link finiteDifferenceHessian} needs. */
export interface HessianOptions {
  readonly objective: SearchObjective;
  readonly at: readonly number[];
  /** Step h along each axis, in the objective's units of `at`. */
  readonly step: number;
  /** Called after each evaluation with the count so far and the total. */
  readonly onEvaluation?: (evaluation: number, evaluations: number) => void;
}

/** The symmetric matrix of second derivatives and the objective at the centre. */
export interface FiniteDifferenceHessian {
  readonly hessian: readonly (readonly number[])[];
  /** The objective at `at`. */
  readonly value: number;
  readonly evaluations: number;
}

/**
 * Evaluations a Hessian of `dimension` coordinates costs: the centre, two per axis and two per pair.
 * @example hessianEvaluationCount(10) // 111
 */
export function hessianEvaluationCount(dimension: number): number {
  return dimension * dimension + dimension + 1;
}

/**
 * Second derivatives at `at`, exact for a quadratic: H_ii = (f(+i) − 2f₀ + f(−i)) / h² and
 * H_ij = (f(+i+j) − f(+i) − f(+j) + 2f₀ − f(−i) − f(−j) + f(−i−j)) / 2h². Evaluations run one at a time
 * in a fixed order; a non-finite value leaves the entries it enters non-finite.
 * @example (await finiteDifferenceHessian({ objective: ([x, y]) => x! * x! + 3 * x! * y!, at: [0, 0], step: 0.1 })).hessian // [[2, 3], [3, 0]]
 */
export async function finiteDifferenceHessian(options: HessianOptions): Promise<FiniteDifferenceHessian> {
  const { at, step: h } = options;
  if (!(Number.isFinite(h) && h > 0)) throw new InputError('step', `expected a finite number > 0, got ${h}`);
  const n = at.length;
  const total = hessianEvaluationCount(n);
  let evaluations = 0;
  const f = async (moves: readonly (readonly [number, number])[]): Promise<number> => {
    const point = at.slice();
    for (const [axis, sign] of moves) point[axis] = point[axis]! + sign * h;
    const value = await options.objective(Object.freeze(point));
    evaluations += 1;
    options.onEvaluation?.(evaluations, total);
    return value;
  };

  const centre = await f([]);
  const up: number[] = [];
  const down: number[] = [];
  for (let i = 0; i < n; i++) {
    up.push(await f([[i, 1]]));
    down.push(await f([[i, -1]]));
  }
  const hessian = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? (up[i]! - 2 * centre + down[i]!) / (h * h) : 0)),
  );
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const both = await f([
        [i, 1],
        [j, 1],
      ]);
      const neither = await f([
        [i, -1],
        [j, -1],
      ]);
      const hij = (both - up[i]! - up[j]! + 2 * centre - down[i]! - down[j]! + neither) / (2 * h * h);
      hessian[i]![j] = hij;
      hessian[j]![i] = hij;
    }
  return { hessian, value: centre, evaluations };
}
