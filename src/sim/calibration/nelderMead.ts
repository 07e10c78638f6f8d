/**
 * The Nelder–Mead downhill simplex method for an objective that may be async, evaluated one point at a
 * time, within a budget of evaluations. It needs no gradient, so a non-smooth objective (a Monte Carlo
 * backtest on common random numbers) suits it. Unconstrained: bounded parameters are mapped into an
 * unbounded space first (see `searchSpace.ts`).
 *
 * Steps and tie rules follow Lagarias et al., "Convergence properties of the Nelder–Mead simplex method
 * in low dimensions", SIAM J. Optim. 9 (1998); the coefficients depend on the dimension n as in Gao & Han,
 * "Implementing the Nelder–Mead simplex algorithm with adaptive parameters", Comput. Optim. Appl. 51
 * (2012), which keeps the simplex from collapsing too early in 4–10 dimensions (n ≤ 2: the classic 1, 2,
 * ½, ½). When the simplex has converged and evaluations remain, the search restarts from the best point
 * with a simplex of the first size (a collapsed simplex can stall away from a minimum, or settle on a
 * coordinate limit it should leave); it stops once a restart no longer improves the best value.
 */
import { InputError } from '../../engine/errors.ts';

/** Why a search stopped: the simplex shrank below the tolerance, or the evaluations ran out. */
export type StopReason = 'converged' | 'budget';

/** A point of the search and the objective's value there. */
export interface SearchPoint {
  readonly point: readonly number[];
  readonly value: number;
}

/** One evaluation as reported to `onEvaluation`. */
export interface SearchEvaluation {
  /** 1-based count of evaluations so far. */
  readonly evaluation: number;
  readonly current: SearchPoint;
  /** The lowest value so far (the first such point on a tie). */
  readonly best: SearchPoint;
}

/** The objective on the search space: NaN counts as +Infinity, worse than any number. */
export type SearchObjective = (point: readonly number[]) => number | Promise<number>;

/** What {@link nelderMead} needs. */
export interface NelderMeadOptions {
  readonly objective: SearchObjective;
  readonly start: readonly number[];
  /** Evaluations allowed in all: an integer ≥ dimension + 1 (the first simplex). */
  readonly maxEvaluations: number;
  /** Edge of the first simplex (and of each restart's) along every axis, towards 0. Default 1. */
  readonly initialStep?: number;
  /** Converged when every vertex lies within this distance of the best on every axis. Default 1e-6. */
  readonly tolerance?: number;
  /**
   * Every coordinate is held within [−limit, limit] (default unlimited): where the objective no longer
   * changes beyond some distance, the simplex can then settle on the limit and converge.
   */
  readonly limit?: number;
  readonly onEvaluation?: (evaluation: SearchEvaluation) => void;
}

/** The best point found and how the search went. */
export interface NelderMeadResult extends SearchPoint {
  readonly evaluations: number;
  /** Simplex steps taken (reflections with whatever followed them). */
  readonly iterations: number;
  /** Fresh simplexes started from the best point after a convergence. */
  readonly restarts: number;
  readonly stopped: StopReason;
}

/** Default edge of the first simplex, in search units. */
export const DEFAULT_INITIAL_STEP = 1;

/** Default convergence tolerance on the simplex's extent, in search units. */
export const DEFAULT_TOLERANCE = 1e-6;

/** A restart must lower the best value by more than this fraction (of max(1, |best|)) to earn another. */
const RESTART_GAIN = 1e-12;

/** Thrown by the evaluator when the budget is spent and caught by {@link nelderMead} only. */
const BUDGET_SPENT: unique symbol = Symbol('budget spent');

/** Reflection, expansion, contraction and shrink coefficients for dimension n (Gao & Han 2012). */
function coefficients(n: number): { expand: number; contract: number; shrink: number } {
  const m = Math.max(n, 2);
  return { expand: 1 + 2 / m, contract: 0.75 - 1 / (2 * m), shrink: 1 - 1 / m };
}

/** c + t·(w − c), coordinate by coordinate. */
const along = (c: readonly number[], w: readonly number[], t: number): number[] =>
  c.map((ci, i) => ci + t * (w[i]! - ci));

/**
 * Minimise `objective` from `start`, deterministically: the same options give the same evaluations in
 * the same order and the same result.
 * @example const r = await nelderMead({ objective: ([x, y]) => (x! - 1) ** 2 + (y! + 2) ** 2, start: [0, 0], maxEvaluations: 200 }); r.point // ≈ [1, -2]
 */
export async function nelderMead(options: NelderMeadOptions): Promise<NelderMeadResult> {
  const n = options.start.length;
  const initialStep = options.initialStep ?? DEFAULT_INITIAL_STEP;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  checkOptions(options, initialStep, tolerance);
  const { expand, contract, shrink } = coefficients(n);

  let evaluations = 0;
  let iterations = 0;
  let restarts = 0;
  let best: SearchPoint | undefined;

  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const evaluate = async (point: number[]): Promise<SearchPoint> => {
    if (evaluations >= options.maxEvaluations) throw BUDGET_SPENT;
    evaluations += 1;
    const frozen = Object.freeze(point.map((x) => Math.min(limit, Math.max(-limit, x))));
    const raw: unknown = await options.objective(frozen);
    if (typeof raw !== 'number')
      throw new InputError('objective', `expected a number from the objective, got ${typeof raw}`);
    const current = { point: frozen, value: Number.isNaN(raw) ? Number.POSITIVE_INFINITY : raw };
    if (best === undefined || current.value < best.value) best = current;
    options.onEvaluation?.({ evaluation: evaluations, current, best });
    return current;
  };

  // The first simplex steps each axis towards 0, the middle of a fitted range, rather than away from it.
  const firstSimplex = async (from: SearchPoint): Promise<SearchPoint[]> => {
    const simplex = [from];
    for (let i = 0; i < n; i++) {
      const point = from.point.slice();
      point[i] = point[i]! + (point[i]! > 0 ? -initialStep : initialStep);
      simplex.push(await evaluate(point));
    }
    return simplex;
  };

  // Runs simplex steps until every vertex is within `tolerance` of the best.
  const descend = async (from: SearchPoint): Promise<void> => {
    const simplex = await firstSimplex(from);
    for (;;) {
      // A stable sort keeps older vertices first on ties, as Lagarias et al. order them; `|| 0` makes
      // two infinite values a tie rather than NaN.
      simplex.sort((a, b) => a.value - b.value || 0);
      if (extent(simplex) <= tolerance) return;
      iterations += 1;
      const lowest = simplex[0]!;
      const worst = simplex[n]!;
      const nextWorst = simplex[n - 1]!;
      const centre = centroid(simplex.slice(0, n));
      const reflected = await evaluate(along(centre, worst.point, -1));
      if (reflected.value < lowest.value) {
        const expanded = await evaluate(along(centre, worst.point, -expand));
        simplex[n] = expanded.value < reflected.value ? expanded : reflected;
      } else if (reflected.value < nextWorst.value) {
        simplex[n] = reflected;
      } else if (reflected.value < worst.value) {
        const outside = await evaluate(along(centre, worst.point, -contract));
        if (outside.value <= reflected.value) simplex[n] = outside;
        else await shrinkTowards(simplex);
      } else {
        const inside = await evaluate(along(centre, worst.point, contract));
        if (inside.value < worst.value) simplex[n] = inside;
        else await shrinkTowards(simplex);
      }
    }
  };

  const shrinkTowards = async (simplex: SearchPoint[]): Promise<void> => {
    const lowest = simplex[0]!;
    for (let i = 1; i <= n; i++) simplex[i] = await evaluate(along(lowest.point, simplex[i]!.point, shrink));
  };

  let stopped: StopReason = 'converged';
  try {
    let from = await evaluate(options.start.slice());
    for (;;) {
      const before = from.value;
      await descend(from);
      from = best!;
      const gain = RESTART_GAIN * Math.max(1, Math.abs(before));
      if (restarts > 0 && !(from.value < before - gain)) break;
      restarts += 1;
    }
  } catch (error) {
    if (error !== BUDGET_SPENT) throw error;
    stopped = 'budget';
  }
  return { ...best!, evaluations, iterations, restarts, stopped };
}

function checkOptions(options: NelderMeadOptions, initialStep: number, tolerance: number): void {
  const n = options.start.length;
  if (n === 0) throw new InputError('start', 'expected at least one coordinate, got none');
  if (!options.start.every(Number.isFinite))
    throw new InputError('start', `expected finite coordinates, got [${options.start.join(', ')}]`);
  if (!(Number.isInteger(options.maxEvaluations) && options.maxEvaluations >= n + 1))
    throw new InputError(
      'maxEvaluations',
      `expected an integer of at least ${n + 1} (the first simplex of ${n} dimensions), got ${options.maxEvaluations}`,
    );
  if (!(Number.isFinite(initialStep) && initialStep > 0))
    throw new InputError('initialStep', `expected a finite number > 0, got ${initialStep}`);
  if (!(Number.isFinite(tolerance) && tolerance >= 0))
    throw new InputError('tolerance', `expected a finite number >= 0, got ${tolerance}`);
  if (options.limit !== undefined && !(options.limit > initialStep))
    throw new InputError(
      'limit',
      `expected a number above the initial step ${initialStep}, got ${options.limit}`,
    );
}

/** Mean of the points, coordinate by coordinate. */
function centroid(points: readonly SearchPoint[]): number[] {
  const sum = points[0]!.point.map(() => 0);
  for (const { point } of points) for (let i = 0; i < sum.length; i++) sum[i]! += point[i]!;
  return sum.map((s) => s / points.length);
}

/** The largest distance of a vertex from the first, over all axes (max norm). */
function extent(simplex: readonly SearchPoint[]): number {
  const first = simplex[0]!.point;
  let largest = 0;
  for (const { point } of simplex)
    for (let i = 0; i < first.length; i++) largest = Math.max(largest, Math.abs(point[i]! - first[i]!));
  return largest;
}
