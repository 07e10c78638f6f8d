/**
 * Consensus, clipping, validator trust and incentive (spec §7.5): the stake-weighted median of each
 * miner's column, weights clipped to it, trust as clipped row sums, incentive as normalised ranks.
 */
import type { I32F32 } from '../../fixed/index.ts';
import {
  type CsrMat32,
  colClipCsr,
  colClipSparse,
  matmulCsr,
  matmulSparse,
  normalize,
  normalizeRaw,
  rowSumCsr,
  rowSumSparse,
  type SparseEntry32,
  type SparseMat32,
  type Vec32,
  weightedMedianColCsr,
  weightedMedianColSparse,
} from '../math/index.ts';

/** Inputs of {@link consensusAndIncentive}. */
export interface ConsensusInput {
  readonly activeStake: Vec32;
  /** Row-normalised weights W. */
  readonly weights: SparseMat32;
  readonly n: number;
  /** kappa as I32F32. */
  readonly kappa: I32F32;
}

/** What {@link consensusAndIncentive} computes, all I32F32. */
export interface ConsensusResult {
  /** C_j, the stake-weighted median of column j. */
  readonly consensus: I32F32[];
  /** W̄ = min(W, C) (entries dropped where C_j <= 0 and below the weight). */
  readonly clippedWeights: SparseEntry32[][];
  /** T_v(i) = sum_j W̄_ij. */
  readonly validatorTrust: I32F32[];
  /** I = normalise(active_stake · W̄). */
  readonly incentive: I32F32[];
}

/** Consensus, clipped weights, validator trust and incentive of one mechanism. */
export function consensusAndIncentive({ activeStake, weights, n, kappa }: ConsensusInput): ConsensusResult {
  const consensus = weightedMedianColSparse({
    stake: activeStake,
    score: weights,
    columns: n,
    majority: kappa,
  });
  const clippedWeights = colClipSparse(weights, consensus);
  const validatorTrust = rowSumSparse(clippedWeights);
  const incentive = normalize(matmulSparse({ matrix: clippedWeights, vector: activeStake, columns: n }));
  return { consensus, clippedWeights, validatorTrust, incentive };
}

/** Inputs of {@link consensusAndIncentiveCsr}: {@link ConsensusInput} as raw float64 bits. */
export interface ConsensusCsrInput {
  readonly activeStake: Float64Array;
  readonly weights: CsrMat32;
  readonly n: number;
  readonly kappa: number;
}

/** {@link ConsensusResult} as raw float64 bits. */
export interface ConsensusCsrResult {
  readonly consensus: Float64Array;
  readonly clippedWeights: CsrMat32;
  readonly validatorTrust: Float64Array;
  readonly incentive: Float64Array;
}

/** {@link consensusAndIncentive} on the typed-array twins of its steps (same bits). */
export function consensusAndIncentiveCsr({
  activeStake,
  weights,
  n,
  kappa,
}: ConsensusCsrInput): ConsensusCsrResult {
  const consensus = weightedMedianColCsr({ stake: activeStake, score: weights, columns: n, majority: kappa });
  const clippedWeights = colClipCsr(weights, consensus);
  const validatorTrust = rowSumCsr(clippedWeights);
  const incentive = normalizeRaw(matmulCsr(clippedWeights, activeStake, n));
  return { consensus, clippedWeights, validatorTrust, incentive };
}
