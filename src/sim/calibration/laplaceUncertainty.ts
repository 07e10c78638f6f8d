/**
 * How well the data pin down each fitted parameter: a Laplace (normal) approximation at the optimum.
 * The objective's curvature H is measured by central finite differences in the logit search space (where
 * the fit ran and where a normal approximation suits a bounded parameter better), turned into a covariance
 * by the objective's kind, and each parameter's ±1 sd is mapped back to its own scale.
 *
 * A parameter is reported as not identified, with no sd, rather than with a number that means nothing:
 * on a bound or at the fit's search limit beside it (the approximation needs an interior optimum), `flat` (the objective does not bend along
 * it) or `confounded` (it moves along a direction of H that is flat or bends down, with others: only a
 * combination is pinned down). The other parameters' sds come from H restricted to its curved directions
 * (the pseudo-inverse), with flat parameters held at their values.
 */
import { InputError } from '../../engine/errors.ts';
import { finiteDifferenceHessian } from './finiteDifferenceHessian.ts';
import { checkFitParameters, checkStart, type FitParameter } from './fitParameter.ts';
import type { FitObjective, FitValues } from './fitParameters.ts';
import { fromSearch, onBound, searchDerivative, toSearch } from './searchSpace.ts';
import { symmetricEigen } from './symmetricEigen.ts';

/**
 * What the objective is, which sets the covariance C = c · H⁻¹:
 * - `sum-of-squares`: a sum of squared residuals SSR of unknown spread over `residuals` values, so the
 *   Gaussian log-likelihood is −SSR / 2σ², with σ̂² = SSR / (residuals − parameters): c = 2σ̂²;
 * - `standardised-sum-of-squares`: squared errors already divided by their known sd (a χ²): c = 2;
 * - `negative-log-likelihood`: −log L, for example n/2 · log(SSR) with σ profiled out: c = 1.
 */
export type ObjectiveKind =
  | { readonly objectiveKind: 'sum-of-squares'; readonly residuals: number }
  | { readonly objectiveKind: 'standardised-sum-of-squares' }
  | { readonly objectiveKind: 'negative-log-likelihood' };

/** Why a parameter has no sd: see the module comment. */
export type NotIdentified = 'on-bound' | 'flat' | 'confounded';

/** One parameter's uncertainty at the optimum. */
export type ParameterUncertainty = {
  readonly name: string;
  readonly value: number;
} & (
  | {
      readonly identification: 'identified';
      /** Approximate standard deviation on the parameter's scale: |d value / d z| · sd(z). */
      readonly sd: number;
      /** The value at −1 and +1 sd in the search space, mapped back (so within the range, and skewed near a bound). */
      readonly low: number;
      readonly high: number;
      /** Standard deviation in the search space. */
      readonly searchSd: number;
    }
  | {
      readonly identification: NotIdentified;
      readonly sd: null;
      readonly low: null;
      readonly high: null;
      readonly searchSd: null;
    }
);

/** What {@link laplaceUncertainty} needs besides the objective's kind. */
export interface LaplaceInputs {
  /** The fitted parameters, as given to `fitParameters`. */
  readonly parameters: readonly FitParameter[];
  readonly objective: FitObjective;
  /** The optimum: a value for every parameter. */
  readonly at: FitValues;
  /** Finite-difference step in search units. Default {@link DEFAULT_HESSIAN_STEP}. */
  readonly step?: number;
  /** Called after each evaluation with the count so far and the total (parameters² + parameters + 1). */
  readonly onProgress?: (progress: { readonly evaluation: number; readonly evaluations: number }) => void;
}

/** What {@link laplaceUncertainty} needs. */
export type LaplaceOptions = LaplaceInputs & ObjectiveKind;

/** Each parameter's uncertainty, the objective at the optimum and the evaluations spent. */
export interface LaplaceResult {
  readonly parameters: readonly ParameterUncertainty[];
  readonly objective: number;
  readonly evaluations: number;
}

/**
 * Default finite-difference step: 0.1 in logit units moves a mid-range parameter by 2.5 % of its range,
 * wide enough to step over a noisy objective's ripples, narrow enough to read the curvature locally.
 */
export const DEFAULT_HESSIAN_STEP = 0.1;

/** A direction or parameter bends less than this fraction of the largest curvature: treated as flat. */
const FLAT = 1e-8;

/** A parameter whose squared loading on the flat directions exceeds this is confounded. */
const LOADING = 1e-6;

/**
 * Laplace uncertainty of `parameters` at the optimum `at`, costing m² + m + 1 evaluations for the m
 * parameters off their bounds.
 * @example
 * const u = await laplaceUncertainty({ parameters, objective, at: fit.values, objectiveKind: 'sum-of-squares', residuals: 365 });
 * u.parameters.map((p) => (p.sd === null ? `${p.name}: ${p.identification}` : `${p.name} ± ${p.sd}`));
 */
export async function laplaceUncertainty(options: LaplaceOptions): Promise<LaplaceResult> {
  const { parameters, at } = options;
  checkFitParameters(parameters);
  checkKind(options, parameters.length);
  const centre = parameters.map((p) => {
    if (!Object.hasOwn(at, p.name))
      throw new InputError(`at.${p.name}`, 'missing; give the fitted value of every parameter');
    checkStart(p, at[p.name]!, `at.${p.name}`);
    return toSearch(p, at[p.name]!);
  });
  const free = parameters.flatMap((p, i) => (onBound(p, at[p.name]!) ? [] : [i]));
  const onProgress = options.onProgress;

  // Steps go along the tangent of the logit map, v* ± (dv/dz)·h, so that the map's own curvature adds
  // no O(h²) error: at an optimum the search-space Hessian is J·H·J exactly, and an exact confounding in
  // the parameters' own scale stays exact (a step along the curve would bend it by (1 − 2p)²h²/4).
  const slopes = parameters.map((p, i) => (free.includes(i) ? searchDerivative(p, centre[i]!) : 0));
  const valuesAt = (w: readonly number[]): FitValues => {
    const values: Record<string, number> = {};
    parameters.forEach((p, i) => {
      const k = free.indexOf(i);
      const moved = k < 0 ? at[p.name]! : at[p.name]! + slopes[i]! * (w[k]! - centre[i]!);
      values[p.name] = Math.min(p.high, Math.max(p.low, moved));
    });
    return Object.freeze(values);
  };
  const hessian = await finiteDifferenceHessian({
    objective: (w) => options.objective(valuesAt(w)),
    at: free.map((i) => centre[i]!),
    step: options.step ?? DEFAULT_HESSIAN_STEP,
    ...(onProgress === undefined
      ? {}
      : { onEvaluation: (evaluation, evaluations) => onProgress({ evaluation, evaluations }) }),
  });
  const factor = covarianceFactor(options, hessian.value, parameters.length);
  const variances = searchVariances(hessian.hessian);

  const uncertainty = parameters.map((p, i): ParameterUncertainty => {
    const value = at[p.name]!;
    const k = free.indexOf(i);
    const variance = k < 0 ? 'on-bound' : variances[k]!;
    if (typeof variance === 'string')
      return {
        name: p.name,
        value,
        identification: variance,
        sd: null,
        low: null,
        high: null,
        searchSd: null,
      };
    const searchSd = Math.sqrt(factor * variance);
    const z = centre[i]!;
    return {
      name: p.name,
      value,
      identification: 'identified',
      sd: Math.abs(searchDerivative(p, z)) * searchSd,
      low: fromSearch(p, z - searchSd),
      high: fromSearch(p, z + searchSd),
      searchSd,
    };
  });
  return { parameters: uncertainty, objective: hessian.value, evaluations: hessian.evaluations };
}

function checkKind(kind: ObjectiveKind, parameters: number): void {
  if (kind.objectiveKind !== 'sum-of-squares') return;
  if (!(Number.isInteger(kind.residuals) && kind.residuals > parameters))
    throw new InputError(
      'residuals',
      `expected an integer above the ${parameters} fitted parameters (σ̂² = SSR / (residuals − parameters)), got ${kind.residuals}`,
    );
}

/** c in C = c · H⁻¹ for the objective's kind (see {@link ObjectiveKind}); `value` is the objective at the optimum. */
function covarianceFactor(kind: ObjectiveKind, value: number, parameters: number): number {
  switch (kind.objectiveKind) {
    case 'sum-of-squares':
      return (2 * value) / (kind.residuals - parameters);
    case 'standardised-sum-of-squares':
      return 2;
    case 'negative-log-likelihood':
      return 1;
  }
}

/**
 * Diagonal of the pseudo-inverse of `h` over its curved directions, or why a parameter has none. Flat
 * parameters (non-finite or negligible curvature) are set aside first, since a noisy objective can give
 * their row entries that are pure noise.
 */
function searchVariances(h: readonly (readonly number[])[]): (number | NotIdentified)[] {
  const diagonal = h.map((row, i) => row[i]!);
  const largest = Math.max(0, ...diagonal.filter(Number.isFinite));
  const result: (number | NotIdentified)[] = diagonal.map((d) =>
    Number.isFinite(d) && d > FLAT * largest ? 0 : 'flat',
  );
  const curved = result.flatMap((r, i) => (r === 'flat' ? [] : [i]));
  // A non-finite entry between two curved parameters leaves their joint curvature unknown.
  for (const i of curved)
    if (!curved.every((j) => Number.isFinite(h[i]![j]!) && Number.isFinite(h[j]![i]!)))
      result[i] = 'confounded';
  const kept = curved.filter((i) => result[i] !== 'confounded');
  if (kept.length === 0) return result;
  const { values, vectors } = symmetricEigen(kept.map((i) => kept.map((j) => (h[i]![j]! + h[j]![i]!) / 2)));
  const top = Math.max(...values);
  kept.forEach((i, k) => {
    let variance = 0;
    let flatLoading = 0;
    values.forEach((lambda, j) => {
      const loading = vectors[j]![k]! ** 2;
      if (lambda > FLAT * top) variance += loading / lambda;
      else flatLoading += loading;
    });
    result[i] = flatLoading > LOADING ? 'confounded' : variance;
  });
  return result;
}
