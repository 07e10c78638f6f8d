/**
 * A parameter to fit: its name, the range it must stay in, where the search starts, and whether the
 * search moves through the range evenly (`linear`) or by ratios (`log`, for rates spanning decades).
 */
import { InputError } from '../../engine/errors.ts';

/** How a parameter's range is traversed: evenly, or evenly in its logarithm (needs low > 0). */
export type ParameterScale = 'linear' | 'log';

/** One fitted parameter; the fit keeps its value within [low, high] whatever the objective does. */
export interface FitParameter {
  /** Dotted name, as a scenario override names it (e.g. `teams.exitHazardPerYear`). */
  readonly name: string;
  readonly low: number;
  readonly high: number;
  /** Where the search starts, within [low, high]. */
  readonly start: number;
  /** Default `linear`. */
  readonly scale?: ParameterScale;
}

/**
 * Throw an {@link InputError} naming the field unless every parameter has a unique name, finite
 * low < high (low > 0 on a log scale) and a start within its range.
 * @example checkFitParameters([{ name: 'market.depth', low: 0.1, high: 10, start: 1, scale: 'log' }])
 */
export function checkFitParameters(parameters: readonly FitParameter[], field = 'parameters'): void {
  if (parameters.length === 0)
    throw new InputError(field, 'expected at least one parameter to fit, got none');
  const seen = new Set<string>();
  parameters.forEach((p, i) => {
    const at = `${field}[${i}]`;
    if (p.name === '') throw new InputError(`${at}.name`, 'expected a parameter name, got ""');
    if (seen.has(p.name))
      throw new InputError(`${at}.name`, `expected distinct names, got "${p.name}" twice`);
    seen.add(p.name);
    if (!(Number.isFinite(p.low) && Number.isFinite(p.high) && p.low < p.high))
      throw new InputError(
        `${at}`,
        `${p.name}: expected finite low < high, got [${p.low}, ${p.high}]; give the range the search may explore`,
      );
    if ((p.scale ?? 'linear') === 'log' && !(p.low > 0))
      throw new InputError(
        `${at}.low`,
        `${p.name}: a log scale needs low > 0, got ${p.low}; raise low or use scale 'linear'`,
      );
    checkStart(p, p.start, `${at}.start`);
  });
}

/** Throw an {@link InputError} at `field` unless `value` is a finite number within the parameter's range. */
export function checkStart(parameter: FitParameter, value: number, field: string): void {
  if (!(Number.isFinite(value) && value >= parameter.low && value <= parameter.high))
    throw new InputError(
      field,
      `${parameter.name}: expected a start within [${parameter.low}, ${parameter.high}], got ${value}`,
    );
}
