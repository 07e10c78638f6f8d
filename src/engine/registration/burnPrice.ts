/**
 * Neuron registration price (`Burn`) dynamics, spec §8.1 (`subnets/registration.rs`,
 * `utils/misc.rs: decay_factor_q32, pow_q32, mul_by_q32`).
 *
 * Every block the burn decays by a per-block Q32 factor `f` (value = f / 2^32) chosen so that
 * `f^half_life ≈ 1/2`; every successful registration multiplies it by `BurnIncreaseMult`. Both steps
 * clamp to [MinBurn, MaxBurn]. All arithmetic is integer with floors, as on chain.
 */
import { max as fixedMax, fromF64, fromInt, mul, toU64, U64_MAX, U64F64 } from '../fixed/index.ts';

/** 1.0 in Q32 (`1 << 32`). */
export const Q32_ONE = 1n << 32n;
/** Default registration multiplier: the nearest U64F64 to the f64 1.26 (`BurnIncreaseMult`). */
export const DEFAULT_BURN_INCREASE_MULT: U64F64 = fromF64(U64F64, 1.26);

/** `mul_by_q32`: floor(value * factor / 2^32), clamped to u64. */
export function mulByQ32(value: bigint, factorQ32: bigint): bigint {
  const shifted = (value * factorQ32) >> 32n;
  return shifted > U64_MAX ? U64_MAX : shifted;
}

/** `pow_q32`: base^exp in Q32 by square-and-multiply from the low bit, every product floored. */
export function powQ32(baseQ32: bigint, exp: number): bigint {
  let result = Q32_ONE;
  let factor = baseQ32;
  let power = exp;
  while (power > 0) {
    if ((power & 1) === 1) result = mulByQ32(result, factor);
    power >>>= 1;
    if (power > 0) factor = mulByQ32(factor, factor);
  }
  return result;
}

// The factor depends only on the half-life (a u16), and the chain state machine needs it for every
// subnet on every block: memoise the 32-step bisection. The cache is a pure function's memo.
const decayFactorMemo = new Map<number, bigint>();

/**
 * `decay_factor_q32`: the largest Q32 f in [0, 2^32) with pow_q32(f, halfLife) <= 2^31 (bisection);
 * 1.0 for half-life 0. Memoised per half-life.
 * @example decayFactorQ32(360) // 4286705684n
 */
export function decayFactorQ32(halfLife: number): bigint {
  if (halfLife === 0) return Q32_ONE;
  const cached = decayFactorMemo.get(halfLife);
  if (cached !== undefined) return cached;
  const half = 1n << 31n;
  let lo = 0n;
  let hi = Q32_ONE;
  while (lo + 1n < hi) {
    const mid = lo + ((hi - lo) >> 1n);
    if (powQ32(mid, halfLife) > half) hi = mid;
    else lo = mid;
  }
  decayFactorMemo.set(halfLife, lo);
  return lo;
}

/** Bounds of the burn, in rao. */
export interface BurnBounds {
  readonly minBurn: bigint;
  readonly maxBurn: bigint;
}

/** Clamp like the chain: raise to MinBurn first, then cap at MaxBurn (so MaxBurn wins if they cross). */
export function clampBurn(burn: bigint, bounds: BurnBounds): bigint {
  let b = burn < bounds.minBurn ? bounds.minBurn : burn;
  if (b > bounds.maxBurn) b = bounds.maxBurn;
  return b;
}

/** Inputs of one block of burn decay. */
export interface DecayBurnInput extends BurnBounds {
  /** Current burn in rao. */
  readonly burn: bigint;
  /** `BurnHalfLife` in blocks (u16); 0 disables decay. */
  readonly halfLife: number;
  /** Current block; the chain skips the multiplication at blocks <= 1 (the clamp still applies). */
  readonly block?: number;
}

/**
 * One block of decay: floor(burn * f / 2^32) with f = decayFactorQ32(halfLife), then clamped to
 * [minBurn, maxBurn] (rao).
 * @example decayBurn({ burn: 1000n, halfLife: 1000, minBurn: 0n, maxBurn: U64_MAX }) // 999n
 */
export function decayBurn(input: DecayBurnInput): bigint {
  const applies = input.halfLife > 0 && (input.block === undefined || input.block > 1);
  const decayed = applies ? mulByQ32(input.burn, decayFactorQ32(input.halfLife)) : input.burn;
  return clampBurn(decayed, input);
}

/** Per-subnet registration fields rewritten at the start of every block. */
export interface RegistrationPriceState {
  /** `Burn` in rao. */
  readonly burn: bigint;
  /** `RegistrationsThisBlock`. */
  readonly registrationsThisBlock: number;
}

/**
 * The per-subnet body of `update_registration_prices_for_networks`: decay and clamp the burn, reset the
 * per-block registration counter. (Root's interval counter reset is the caller's.)
 */
export function registrationPriceStep(
  state: RegistrationPriceState,
  params: Omit<DecayBurnInput, 'burn'>,
): RegistrationPriceState {
  return { burn: decayBurn({ ...params, burn: state.burn }), registrationsThisBlock: 0 };
}

/** Inputs of the bump after a successful registration. */
export interface BumpBurnInput extends BurnBounds {
  /** Current burn in rao. */
  readonly burn: bigint;
  /** `BurnIncreaseMult` (U64F64); values below 1 act as 1. */
  readonly increaseMult: U64F64;
}

/**
 * `bump_registration_price_after_registration`: floor(burn * max(mult, 1)) in U64F64 (saturating),
 * clamped to [minBurn, maxBurn] (rao). Root never bumps; that check is the caller's.
 * @example bumpBurn({ burn: 1000n, increaseMult: fromInt(U64F64, 3), minBurn: 0n, maxBurn: U64_MAX }) // 3000n
 */
export function bumpBurn(input: BumpBurnInput): bigint {
  const mult = fixedMax(input.increaseMult, U64F64.one);
  const bumped = toU64(U64F64, mul(U64F64, fromInt(U64F64, input.burn), mult));
  return clampBurn(bumped, input);
}
