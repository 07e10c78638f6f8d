/**
 * Results of the exact Yuma Consensus epoch (spec §7): per mechanism, the stored terms and the I32F32
 * intermediates that produced them; for the subnet, the mechanisms combined (spec §7.8).
 */

import type { SparseRow } from '../../../../state/types.ts';
import type { EpochOutput, MechanismOutput } from '../../../types.ts';
import type { I32F32, U64F64 } from '../fixed/index.testkit.ts';
import type { SparseEntry32 } from '../math/index.testkit.ts';

/** Per-UID values one mechanism's epoch stores or emits (spec §7.7). */
export interface MechanismTerms extends MechanismOutput {
  /** Miner emission per UID, raw alpha units. */
  readonly serverEmission: readonly bigint[];
  /** Validator emission per UID, raw alpha units. */
  readonly validatorEmission: readonly bigint[];
  /** Combined emission per UID (stored `Emission`), raw alpha units. */
  readonly emission: readonly bigint[];
  /** Stored u16 values: floor(x * 65535). */
  readonly stakeWeight: readonly number[];
  readonly consensus: readonly number[];
  readonly dividends: readonly number[];
  readonly validatorTrust: readonly number[];
  readonly active: readonly boolean[];
  /** Permits to store for the next epoch. */
  readonly validatorPermit: readonly boolean[];
}

/** The I32F32 intermediates of one mechanism's epoch, as the chain logs them. */
export interface MechanismTrace {
  /** Normalised stake after the threshold filter. */
  readonly stake: readonly I32F32[];
  /** Inactive flags (one per LastUpdate entry). */
  readonly inactive: readonly boolean[];
  /** Permits used this epoch (stored ones, owner forced). */
  readonly validatorPermits: readonly boolean[];
  readonly activeStake: readonly I32F32[];
  /** W after masks and row normalisation. */
  readonly weights: readonly (readonly SparseEntry32[])[];
  readonly consensus: readonly I32F32[];
  readonly clippedWeights: readonly (readonly SparseEntry32[])[];
  readonly validatorTrust: readonly I32F32[];
  readonly incentive: readonly I32F32[];
  /** W_b = W + β (W̄ - W). */
  readonly weightsForBonds: readonly (readonly SparseEntry32[])[];
  /** Stored bonds as read (integers for original Yuma, proportions for Yuma 3), after the mask. */
  readonly bonds: readonly (readonly SparseEntry32[])[];
  /** ΔB column-normalised (original Yuma only; `null` under Yuma 3). */
  readonly bondsDelta: readonly (readonly SparseEntry32[])[] | null;
  /** New bonds before storage (original Yuma: column-normalised; Yuma 3: proportions). */
  readonly emaBonds: readonly (readonly SparseEntry32[])[];
  readonly dividends: readonly I32F32[];
  readonly normalizedServerEmission: readonly I32F32[];
  readonly normalizedValidatorEmission: readonly I32F32[];
  readonly normalizedCombinedEmission: readonly I32F32[];
}

/** One mechanism's epoch: its share of the emission, its weight in the averages, terms and trace. */
export interface MechanismEpochResult extends MechanismTerms {
  /** Alpha this mechanism distributed (its part of the split). */
  readonly raoEmission: bigint;
  /** Its weight in the emission-weighted averages: its emission / the total (U64F64). */
  readonly weight: U64F64;
  readonly trace: MechanismTrace;
}

/** The exact epoch's output: the chain's contract plus every stored value and each mechanism's detail. */
export interface YumaEpochOutput extends EpochOutput {
  readonly stakeWeight: readonly number[];
  readonly emission: readonly bigint[];
  readonly mechanisms: readonly MechanismEpochResult[];
  /** Bonds of mechanism 0 to store (u16 rows). */
  readonly bonds: readonly SparseRow[];
}
