/**
 * Epoch stake (spec §7.2): stake weights below the threshold count as zero (the owner UID is exempt),
 * then the vector is normalised in I64F64 and narrowed to I32F32 (floor).
 */
import type { I32F32, I64F64 } from '../fixed/index.testkit.ts';
import { fixed64ToU64, normalizeStake } from '../math/index.testkit.ts';

/** Inputs of {@link epochStake}. */
export interface EpochStakeInput {
  /** Stake weight per UID, I64F64 raw bits (spec §6.3). */
  readonly stake: readonly I64F64[];
  readonly ownerUid: number | null;
  /** `StakeThreshold` in whole units; compared with the floored stake weight. */
  readonly stakeThreshold: bigint;
}

/** Normalised epoch stake per UID (I32F32), after the stake-threshold filter. */
export function epochStake({ stake, ownerUid, stakeThreshold }: EpochStakeInput): I32F32[] {
  const filtered = stake.map((s, uid) =>
    uid !== ownerUid && fixed64ToU64(s) < stakeThreshold ? (0n as I64F64) : s,
  );
  return normalizeStake(filtered);
}
