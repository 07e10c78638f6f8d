/**
 * Emission out of one mechanism's epoch (spec §7.7): incentive and dividends normalised on their joint
 * sum, with the stake fallback when both are zero, then scaled to rao in I96F32 and floored.
 */
import { add, convert, fromInt, I32F32, I96F32, mul, toU64 } from '../fixed/index.testkit.ts';
import { isZero, normalize, normalizeUsingSum, sum, type Vec32 } from '../math/index.testkit.ts';

/** Inputs of {@link epochEmission}. */
export interface EpochEmissionInput {
  readonly incentive: Vec32;
  readonly dividends: Vec32;
  /** Normalised stake (the fallback when active stake is all zero). */
  readonly stake: Vec32;
  readonly activeStake: Vec32;
  /** Alpha this mechanism distributes, raw units. */
  readonly raoEmission: bigint;
}

/** Normalised emission shares (I32F32) and their rao amounts. */
export interface EpochEmissionResult {
  readonly normalizedServer: I32F32[];
  readonly normalizedValidator: I32F32[];
  readonly normalizedCombined: I32F32[];
  /** floor(server share * rao_emission) per UID. */
  readonly server: bigint[];
  /** floor(validator share * rao_emission) per UID. */
  readonly validator: bigint[];
  /** floor(combined share * rao_emission) per UID: the stored `Emission`. */
  readonly combined: bigint[];
}

/** `I96F32(share) * I96F32(rao)` floored to u64 (saturating), as the chain turns shares into rao. */
export function shareToRao(share: I32F32, raoEmission: bigint): bigint {
  return toU64(I96F32, mul(I96F32, convert(I32F32, I96F32, share), fromInt(I96F32, raoEmission)));
}

/**
 * Server share I/sum(I + D), validator share D/sum(I + D), combined share normalise(I + D). When the
 * sum is exactly zero (no weights, only outdated or self weights) validators and the combined emission
 * take the active stake, or the stake when no active stake is left.
 */
export function epochEmission(input: EpochEmissionInput): EpochEmissionResult {
  const { incentive, dividends, raoEmission } = input;
  const n = Math.min(incentive.length, dividends.length);
  const combinedRaw = incentive.slice(0, n).map((x, i) => add(I32F32, x, dividends[i] ?? (0n as I32F32)));
  const emissionSum = sum(combinedRaw);
  const normalizedServer = normalizeUsingSum(incentive, emissionSum);
  let normalizedValidator = normalizeUsingSum(dividends, emissionSum);
  let normalizedCombined = normalize(combinedRaw);
  if (emissionSum === 0n) {
    const fallback = isZero(input.activeStake) ? input.stake : input.activeStake;
    normalizedValidator = [...fallback];
    normalizedCombined = [...fallback];
  }
  const toRao = (v: I32F32) => shareToRao(v, raoEmission);
  return {
    normalizedServer,
    normalizedValidator,
    normalizedCombined,
    server: normalizedServer.map(toRao),
    validator: normalizedValidator.map(toRao),
    combined: normalizedCombined.map(toRao),
  };
}
