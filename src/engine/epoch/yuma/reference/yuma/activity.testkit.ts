/**
 * Activity and registration masks of the epoch (spec §7.1): who counts as active, and the block that
 * decides whether a bond points at a miner that re-registered since the last epoch.
 */

/** Inputs of {@link activityCutoffBlocks}. */
export interface ActivityCutoffInput {
  /** `ActivityCutoffFactorMilli` (default 13_889). */
  readonly factorMilli: number;
  readonly tempo: number;
}

/** `get_activity_cutoff_blocks`: `max(1, floor(factorMilli * tempo / 1000))` blocks. */
export function activityCutoffBlocks({ factorMilli, tempo }: ActivityCutoffInput): number {
  return Math.max(1, Math.floor((factorMilli * tempo) / 1000));
}

/** Inputs of {@link inactiveMask}. */
export interface InactiveMaskInput {
  /** LastUpdate per UID (of the mechanism). */
  readonly lastUpdate: readonly number[];
  readonly block: number;
  /** Cutoff in blocks ({@link activityCutoffBlocks}). */
  readonly cutoff: number;
}

/**
 * Inactive flags, one per LastUpdate entry: `LastUpdate + cutoff < block`. The chain builds the mask
 * from the stored LastUpdate vector, so a UID past its end has no entry (and the masks treat it as
 * inactive).
 */
export function inactiveMask({ lastUpdate, block, cutoff }: InactiveMaskInput): boolean[] {
  return lastUpdate.map((updated) => updated + cutoff < block);
}

/** Inputs of {@link lastTempoBlock}. */
export interface LastTempoInput {
  readonly block: number;
  readonly tempo: number;
  /** `LastMechansimStepBlock`: the block of the subnet's previous epoch, 0 when none. */
  readonly lastMechanismStepBlock: number;
}

/**
 * The block after the previous epoch: bonds towards a UID registered at or after it are dropped.
 * Without a recorded epoch the chain falls back to `block - tempo` (saturating at 0).
 */
export function lastTempoBlock({ block, tempo, lastMechanismStepBlock }: LastTempoInput): number {
  return lastMechanismStepBlock === 0 ? Math.max(0, block - tempo) : lastMechanismStepBlock + 1;
}
