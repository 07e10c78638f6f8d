/**
 * Clamped exponential and sigmoid of epoch/math.rs, on top of the crate's `exp` (bit-exact port).
 * Yuma 3 liquid alpha (spec §7.6) computes `1 / (1 + exp_safe(...))` with these.
 */
import { add, fromInt, I32F32, mul, safeDiv, sub } from '../fixed/index.testkit.ts';
import { exp } from '../fixed/transcendental.testkit.ts';

const EXP_MIN_INPUT = fromInt(I32F32, -20);
const EXP_MAX_INPUT = fromInt(I32F32, 20);

/**
 * `exp_safe`: `exp` of the input clamped to [-20, 20]; where `exp` fails, 0 for a non-positive input
 * and I32F32::MAX otherwise.
 */
export function expSafe(input: I32F32): I32F32 {
  const x = input < EXP_MIN_INPUT ? EXP_MIN_INPUT : input > EXP_MAX_INPUT ? EXP_MAX_INPUT : input;
  return exp(x) ?? (x <= 0n ? (0n as I32F32) : I32F32.max);
}

/** Inputs of {@link sigmoidSafe}. */
export interface SigmoidSafeInput {
  readonly input: I32F32;
  /** Steepness (recommended 0 < rho <= 40). */
  readonly rho: I32F32;
  /** Offset: the input at which the result is 1/2. */
  readonly kappa: I32F32;
}

/**
 * `sigmoid_safe`: `1 / (1 + exp_safe(-rho * (input - kappa)))` with saturating steps, a floored
 * product and a truncating `safe_div`.
 */
export function sigmoidSafe({ input, rho, kappa }: SigmoidSafeInput): I32F32 {
  const one = I32F32.one;
  const offset = sub(I32F32, input, kappa);
  // -rho is computed as rho * (-1), which saturates I32F32::MIN to I32F32::MAX.
  const negRho = mul(I32F32, rho, -one as I32F32);
  const expOutput = expSafe(mul(I32F32, negRho, offset));
  return safeDiv(I32F32, one, add(I32F32, expOutput, one));
}

/** Inputs of {@link clampValue}. */
export interface ClampValueInput {
  readonly value: I32F32;
  readonly low: I32F32;
  readonly high: I32F32;
}

/** `clamp_value`: `max(min(value, high), low)` (so `low` wins when low > high). */
export function clampValue({ value, low, high }: ClampValueInput): I32F32 {
  const capped = value < high ? value : high;
  return capped > low ? capped : low;
}
