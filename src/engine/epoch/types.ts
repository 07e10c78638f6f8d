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
}

/** An epoch implementation. */
export type EpochFunction = (input: EpochInput) => EpochOutput;
