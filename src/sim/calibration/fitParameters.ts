/**
 * Fit named, bounded parameters by minimising an objective with Nelder–Mead in the logit search space,
 * so every value the objective sees lies within its parameter's range.
 */
import { InputError } from '../../engine/errors.ts';
import { checkFitParameters, checkStart, type FitParameter } from './fitParameter.ts';
import { nelderMead, type SearchPoint, type StopReason } from './nelderMead.ts';
import { fromSearch, SEARCH_LIMIT, toSearch } from './searchSpace.ts';

/** Parameter values by name. */
export type FitValues = Readonly<Record<string, number>>;

/**
 * What the fit minimises, e.g. the squared errors of a backtest run on fixed seeds. Called one point at a
 * time (a promise is awaited before the next call); NaN counts as worse than any number.
 */
export type FitObjective = (values: FitValues) => number | Promise<number>;

/** Values and the objective there. */
export interface FitPoint {
  readonly values: FitValues;
  readonly objective: number;
}

/** Reported after every evaluation. */
export interface FitProgress {
  /** 1-based count of evaluations so far. */
  readonly evaluation: number;
  readonly maxEvaluations: number;
  /** The lowest objective so far. */
  readonly best: FitPoint;
  /** The point just evaluated. */
  readonly current: FitPoint;
}

/** What {@link fitParameters} needs. */
export interface FitOptions {
  readonly parameters: readonly FitParameter[];
  readonly objective: FitObjective;
  /** Evaluations allowed: an integer ≥ parameters + 1. About 1 s each for a backtest, so 300–600 is typical. */
  readonly maxEvaluations: number;
  readonly onProgress?: (progress: FitProgress) => void;
  /** Start values by name, replacing the parameters' own `start` (e.g. a previous fit's values). */
  readonly start?: FitValues;
  /** Edge of the first simplex in search units (1 moves a parameter from the middle of its range to 73 %). Default 1. */
  readonly initialStep?: number;
  /** Converged when the simplex spans at most this in search units on every axis. Default 1e-6. */
  readonly tolerance?: number;
}

/** The best values found and how the search went. */
export interface FitResult extends FitPoint {
  readonly evaluations: number;
  readonly iterations: number;
  readonly restarts: number;
  readonly stopped: StopReason;
}

/** A start on a bound is moved this fraction of the range inside, since a bound's logit is infinite. */
export const START_INSET = 1e-3;

/** The search coordinate of a start {@link START_INSET} inside a bound. */
const START_LIMIT = Math.log((1 - START_INSET) / START_INSET);

/**
 * Fit `parameters` to minimise `objective`; deterministic (same options, same evaluations, same result).
 * Throws an InputError naming the field for a bad parameter, start or budget, or when no evaluation
 * gave a finite value.
 * @example
 * const fit = await fitParameters({
 *   parameters: [{ name: 'teams.exitHazardPerYear', low: 0.01, high: 1, start: 0.1, scale: 'log' }],
 *   objective: async (v) => backtestError(v),
 *   maxEvaluations: 400,
 * });
 * fit.values['teams.exitHazardPerYear'];
 */
export async function fitParameters(options: FitOptions): Promise<FitResult> {
  const { parameters } = options;
  checkFitParameters(parameters);
  const start = startPoint(parameters, options.start);
  const valuesAt = (point: readonly number[]): FitValues =>
    Object.freeze(Object.fromEntries(parameters.map((p, i) => [p.name, fromSearch(p, point[i]!)])));
  const pointOf = (s: SearchPoint): FitPoint => ({ values: valuesAt(s.point), objective: s.value });

  const onProgress = options.onProgress;
  const result = await nelderMead({
    objective: (point) => options.objective(valuesAt(point)),
    start,
    maxEvaluations: options.maxEvaluations,
    limit: SEARCH_LIMIT,
    ...(options.initialStep === undefined ? {} : { initialStep: options.initialStep }),
    ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
    ...(onProgress === undefined
      ? {}
      : {
          onEvaluation: (e) =>
            onProgress({
              evaluation: e.evaluation,
              maxEvaluations: options.maxEvaluations,
              best: pointOf(e.best),
              current: pointOf(e.current),
            }),
        }),
  });
  if (!Number.isFinite(result.value))
    throw new InputError(
      'objective',
      `gave no finite value at any of ${result.evaluations} points; check that it can be computed within the parameters' ranges`,
    );
  return {
    ...pointOf(result),
    evaluations: result.evaluations,
    iterations: result.iterations,
    restarts: result.restarts,
    stopped: result.stopped,
  };
}

/** The search point to start from: `starts` where given, else each parameter's own start. */
function startPoint(parameters: readonly FitParameter[], starts: FitValues | undefined): number[] {
  if (starts !== undefined) {
    const names = parameters.map((p) => p.name);
    for (const name of Object.keys(starts))
      if (!names.includes(name))
        throw new InputError(`start.${name}`, `is not a fitted parameter; start one of ${names.join(', ')}`);
  }
  return parameters.map((p) => {
    const given = starts !== undefined && Object.hasOwn(starts, p.name);
    const value = given ? starts[p.name]! : p.start;
    if (given) checkStart(p, value, `start.${p.name}`);
    return Math.min(START_LIMIT, Math.max(-START_LIMIT, toSearch(p, value)));
  });
}
