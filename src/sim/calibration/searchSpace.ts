/**
 * The unbounded space the fit searches: a parameter's position in its range, p ∈ (0, 1), as its logit
 * log(p / (1 − p)). Every real number maps back inside the range, so no step of the search can leave
 * it; 0 is the middle of the range (the geometric middle on a log scale).
 */
import type { FitParameter } from './fitParameter.ts';

const isLog = (parameter: FitParameter): boolean => (parameter.scale ?? 'linear') === 'log';

/** The fraction of its range a value at the search limit lies from a bound. */
export const BOUND_GAP = 1e-9;

/**
 * The search keeps coordinates within ±SEARCH_LIMIT (≈ 20.7), where a value is {@link BOUND_GAP} of its
 * range from a bound: a parameter pressing on a bound then settles there and the fit can converge,
 * instead of spending its budget on ever smaller steps towards the bound.
 */
export const SEARCH_LIMIT = Math.log((1 - BOUND_GAP) / BOUND_GAP);

/** True for a value on a bound or at the search limit next to it (1 % slack for rounding). */
export function onBound(parameter: FitParameter, value: number): boolean {
  const p = rangePosition(parameter, value);
  return p <= 1.01 * BOUND_GAP || p >= 1 - 1.01 * BOUND_GAP;
}

/** The position of `value` in the parameter's range: 0 at low, 1 at high (in logarithms on a log scale). */
export function rangePosition(parameter: FitParameter, value: number): number {
  const { low, high } = parameter;
  return isLog(parameter) ? Math.log(value / low) / Math.log(high / low) : (value - low) / (high - low);
}

/**
 * The search coordinate of `value`: ±Infinity on a bound, since a bound lies infinitely far away.
 * @example toSearch({ name: 'x', low: 0, high: 10, start: 5 }, 5) // 0
 */
export function toSearch(parameter: FitParameter, value: number): number {
  const p = rangePosition(parameter, value);
  return Math.log(p) - Math.log1p(-p);
}

/** The position in the range of search coordinate `z` (the logistic function). */
function positionOf(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * The parameter value at search coordinate `z`; always within [low, high] (a bound only when rounding
 * reaches it, for |z| beyond about 37).
 * @example fromSearch({ name: 'x', low: 1, high: 100, start: 10, scale: 'log' }, 0) // 10
 */
export function fromSearch(parameter: FitParameter, z: number): number {
  const { low, high } = parameter;
  const p = positionOf(z);
  const value = isLog(parameter) ? low * (high / low) ** p : low + p * (high - low);
  // Rounding in the last step may land one ulp outside the range.
  return Math.min(high, Math.max(low, value));
}

/** d value / d z at search coordinate `z`: how far the value moves per unit of search (delta method). */
export function searchDerivative(parameter: FitParameter, z: number): number {
  const { low, high } = parameter;
  const p = positionOf(z);
  const dp = p * (1 - p);
  return isLog(parameter) ? fromSearch(parameter, z) * Math.log(high / low) * dp : (high - low) * dp;
}
