/**
 * Validator permits and active stake (spec §7.3): this epoch uses the permits stored by the previous
 * one, hands out new ones by top-k stake, and only permitted, active validators carry active stake.
 */
import type { I32F32 } from '../../fixed/index.ts';
import { isTopkNonzero, maskVector, normalize, normalizeRaw, type Vec32 } from '../math/index.ts';

/** Inputs of {@link currentPermits}. */
export interface CurrentPermitsInput {
  /** `ValidatorPermit` as stored by the previous epoch (one entry per UID it knew). */
  readonly stored: readonly boolean[];
  readonly ownerUid: number | null;
}

/** The permits used this epoch: the stored ones with the owner UID forced on (when it has an entry). */
export function currentPermits({ stored, ownerUid }: CurrentPermitsInput): boolean[] {
  return stored.map((p, uid) => p || uid === ownerUid);
}

/** Inputs of {@link newValidatorPermits}. */
export interface NewPermitsInput {
  /** Normalised epoch stake. */
  readonly stake: Vec32;
  /** `MaxAllowedValidators` (k). */
  readonly maxAllowedValidators: number;
  readonly ownerUid: number | null;
}

/** Permits to store for the next epoch: `is_topk_nonzero(stake, k)` plus the owner UID. */
export function newValidatorPermits({ stake, maxAllowedValidators, ownerUid }: NewPermitsInput): boolean[] {
  const permits = isTopkNonzero(stake, maxAllowedValidators);
  if (ownerUid !== null && ownerUid < permits.length) permits[ownerUid] = true;
  return permits;
}

/** Inputs of {@link activeStake}. */
export interface ActiveStakeInput {
  readonly stake: Vec32;
  /** Inactive flags; a UID without an entry counts as inactive. */
  readonly inactive: readonly boolean[];
  /** Permits used this epoch; a UID without an entry counts as not permitted. */
  readonly permits: readonly boolean[];
}

/** Stake of active, permitted validators, renormalised (unchanged when nothing is left). */
export function activeStake({ stake, inactive, permits }: ActiveStakeInput): I32F32[] {
  const forbids = permits.map((p) => !p);
  return normalize(maskVector(forbids, maskVector(inactive, stake)));
}

/** Inputs of {@link activeStakeRaw}: {@link ActiveStakeInput} with the stake as raw float64 bits. */
export interface ActiveStakeRawInput {
  /** Normalised stake, raw bits in [0, 2^32]. */
  readonly stake: Float64Array;
  readonly inactive: readonly boolean[];
  readonly permits: readonly boolean[];
}

/**
 * {@link activeStake} on raw bits: the same masks (an empty mask leaves the vector alone, a missing
 * entry masks) and `normalizeRaw`, exact for shares in [0, 2^32].
 */
export function activeStakeRaw({ stake, inactive, permits }: ActiveStakeRawInput): Float64Array {
  const masked = new Float64Array(stake.length);
  for (let i = 0; i < stake.length; i++) {
    const isInactive = inactive.length > 0 && (inactive[i] ?? true);
    const forbidden = permits.length > 0 && permits[i] !== true;
    masked[i] = isInactive || forbidden ? 0 : stake[i]!;
  }
  return normalizeRaw(masked);
}
