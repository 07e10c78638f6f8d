/**
 * Consensus, clipping, validator trust and incentive (spec §7.5): the stake-weighted median of each
 * miner's column, weights clipped to it, trust as clipped row sums, incentive as normalised ranks.
 */
import type { I32F32 } from '../fixed/index.testkit.ts';
import {
  colClipSparse,
  matmulSparse,
  normalize,
  rowSumSparse,
  type SparseEntry32,
  type SparseMat32,
  type Vec32,
  weightedMedianColSparse,
} from '../math/index.testkit.ts';

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
