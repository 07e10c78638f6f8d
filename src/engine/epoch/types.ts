/**
 * The contract between the chain and an epoch implementation: the chain gathers a subnet's stored
 * state and stake weights, the epoch returns each UID's share of the emission and the values the
 * chain stores for next time. Yuma Consensus (spec §7) and any stand-in implement the same contract.
 */
import type { I64F64 } from '../fixed/index.ts';
import type { EpochParams, SparseRow } from '../state/types.ts';

/** One UID as the epoch sees it. */
export interface EpochNeuron {
  /** Stake weight S(h, n) = inherited alpha + tao_weight * inherited root TAO, as I64F64 raw bits. */
  readonly stake: I64F64;
  readonly lastUpdate: number;
  readonly blockAtRegistration: number;
  /** Permit stored by the previous epoch. */
  readonly validatorPermit: boolean;
}

/**
 * The state of one extra mechanism (sub-subnet, spec §7.8): its own weights, bonds and LastUpdate over
 * the subnet's shared UIDs and stake.
 */
export interface MechanismInput {
  readonly weights: readonly SparseRow[];
  readonly bonds: readonly SparseRow[];
  /** LastUpdate per UID for this mechanism; a UID past the end counts as inactive and outdated. */
  readonly lastUpdate: readonly number[];
  /** Commit-reveal: earliest still-valid commit block per UID (`null` = none); omit when it is off. */
  readonly commitBlocks?: readonly (number | null)[];
}

/** Everything one epoch of one subnet reads. */
export interface EpochInput {
  readonly block: number;
  readonly tempo: number;
  /** UID of the subnet owner hotkey, when it holds one (forced permit, keeps self-weight). */
  readonly ownerUid: number | null;
  readonly lastMechanismStepBlock: number;
  readonly params: EpochParams;
  readonly neurons: readonly EpochNeuron[];
  readonly weights: readonly SparseRow[];
  readonly bonds: readonly SparseRow[];
  /** Alpha to distribute (pending server + validator + root), raw units. */
  readonly raoEmission: bigint;
  /** Commit-reveal of mechanism 0: earliest still-valid commit block per UID (`null` = none); omit when off. */
  readonly commitBlocks?: readonly (number | null)[];
  /** Mechanisms 1, 2, ... (sub-subnets); mechanism 0 is `weights`, `bonds` and the neurons' LastUpdate. */
  readonly extraMechanisms?: readonly MechanismInput[];
  /** `MechanismEmissionSplit`: u16 shares per mechanism summing to 65535; omitted means an even split. */
  readonly mechanismEmissionSplit?: readonly number[];
}

/** What one mechanism stores for itself (spec §7.8): its incentive and bonds. */
export interface MechanismOutput {
  /** Stored u16 incentive per UID. */
  readonly incentive: readonly number[];
  /** Bonds to store (u16 rows). */
  readonly bonds: readonly SparseRow[];
}

/** What one epoch returns per UID. */
export interface EpochOutput {
  /** Miner (server) emission per UID in alpha raw units. */
  readonly serverEmission: readonly bigint[];
  /** Validator emission per UID in alpha raw units (used as dividend weights by the chain). */
  readonly validatorEmission: readonly bigint[];
  /** Stored u16 proportions. */
  readonly incentive: readonly number[];
  readonly dividends: readonly number[];
  readonly consensus: readonly number[];
  readonly validatorTrust: readonly number[];
  /** Permits to store for the next epoch. */
  readonly validatorPermit: readonly boolean[];
  readonly active: readonly boolean[];
  /** Bonds to store (u16 rows). */
  readonly bonds: readonly SparseRow[];
  /** Stored u16 stake weight per UID (`StakeWeight`). */
  readonly stakeWeight?: readonly number[];
  /** Stored combined emission per UID (`Emission`, normalised incentive + dividends times the emission). */
  readonly emission?: readonly bigint[];
  /** Per-mechanism outputs, mechanism 0 first (its incentive and bonds are also `incentive` and `bonds`). */
  readonly mechanisms?: readonly MechanismOutput[];
}

/** An epoch implementation. */
export type EpochFunction = (input: EpochInput) => EpochOutput;
