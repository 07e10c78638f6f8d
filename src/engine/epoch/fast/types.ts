/**
 * Inputs and outputs of the fast (float64) Yuma Consensus epoch: the same semantics as the exact path
 * (spec §7.1-§7.7) over typed arrays, for the simulator. Units follow the chain: u16 hyperparameters,
 * stake in raw alpha units, bonds on the u16 scale the chain stores.
 */
import type { CsrMatrix } from './csrMatrix.ts';

/** Epoch hyperparameters, same names and units as the chain's `EpochParams` (spec §7, §11). */
export interface FastEpochParams {
  /** `Kappa` (u16): the consensus majority is kappa / 65535. */
  readonly kappa: number;
  /** `BondsMovingAverage` in parts of 1e6: the fixed bond EMA weight is 1 - this / 1e6. */
  readonly bondsMovingAverage: number;
  /** `BondsPenalty` (u16): β = this / 65535. */
  readonly bondsPenalty: number;
  readonly yuma3: boolean;
  readonly liquidAlpha: boolean;
  /** `AlphaValues` low (u16). */
  readonly alphaLow: number;
  /** `AlphaValues` high (u16). */
  readonly alphaHigh: number;
  /** `AlphaSigmoidSteepness`: the sigmoid factor is this / -100. */
  readonly alphaSigmoidSteepness: number;
  readonly maxAllowedValidators: number;
  readonly activityCutoffFactorMilli: number;
  /** `StakeThreshold` in raw alpha units, compared with the floored stake weight. */
  readonly stakeThreshold: number | bigint;
}

/** Everything one fast epoch of one mechanism reads; n is `stake.length`. */
export interface FastEpochInput {
  readonly block: number;
  readonly tempo: number;
  /** UID of the subnet owner hotkey, when it holds one (forced permit, keeps self-weight). */
  readonly ownerUid: number | null;
  /** `LastMechansimStepBlock` (0 when no epoch ran yet). */
  readonly lastMechanismStepBlock: number;
  readonly params: FastEpochParams;
  /** Stake weight per UID in raw alpha units (float). */
  readonly stake: Float64Array;
  /** LastUpdate per UID; a UID past the end counts as inactive and its weights as outdated. */
  readonly lastUpdate: Float64Array;
  /** BlockAtRegistration per UID; a UID past the end counts as registered at block 0. */
  readonly blockAtRegistration: Float64Array;
  /** Permit stored by the previous epoch (nonzero = permitted); a UID past the end has none. */
  readonly validatorPermit: Uint8Array;
  /** Stored weights, any nonnegative scale per row (u16 or proportions); rows are normalised. */
  readonly weights: CsrMatrix;
  /** Stored bonds as u16 integers (what the chain stores and what this epoch returns). */
  readonly bonds: CsrMatrix;
  /** Alpha to distribute, raw units. */
  readonly raoEmission: number;
  /** Commit-reveal: earliest still-valid commit block per UID (Infinity = none); omit when it is off. */
  readonly commitBlock?: Float64Array;
}

/**
 * What one fast epoch returns: views into the workspace, overwritten by its next run (copy what you
 * keep). All vectors have length n.
 */
export interface FastEpochResult {
  readonly n: number;
  /** Normalised stake after the threshold (on the chain's 2^-32 grid). */
  readonly stake: Float64Array;
  /** Stake of active, permitted validators, normalised. */
  readonly activeStake: Float64Array;
  /** 1 when the UID updated within the activity cutoff. */
  readonly active: Uint8Array;
  /** Permits used this epoch (stored ones, owner forced). */
  readonly permitUsed: Uint8Array;
  /** Permits to store for the next epoch. */
  readonly validatorPermit: Uint8Array;
  /** Proportions in [0, 1]. */
  readonly consensus: Float64Array;
  readonly validatorTrust: Float64Array;
  readonly incentive: Float64Array;
  readonly dividends: Float64Array;
  /** Miner emission per UID, raw alpha units, floored. */
  readonly serverEmission: Float64Array;
  /** Validator emission per UID, raw alpha units, floored. */
  readonly validatorEmission: Float64Array;
  /** Combined emission per UID (the chain's stored `Emission`), raw alpha units, floored. */
  readonly combinedEmission: Float64Array;
  /** Bonds to store on the u16 scale (integers), rows of new permit holders only. */
  readonly bonds: CsrMatrix;
}
