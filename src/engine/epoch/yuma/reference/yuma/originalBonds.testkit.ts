/**
 * Original Yuma bonds and dividends (spec §7.6, Yuma3 off): column-normalised stored bonds mixed with
 * the column-normalised stake-weighted weights by a fixed EMA, dividends as bonds times incentive, and
 * the bonds stored column max-upscaled.
 */
import type { I32F32 } from '../fixed/index.testkit.ts';
import {
  colMaxUpscaleSparse,
  colNormalizeSparse,
  matEmaSparse,
  matmulTransposeSparse,
  normalize,
  rowHadamardSparse,
  type SparseEntry32,
  type SparseMat32,
  type Vec32,
} from '../math/index.testkit.ts';

/** Inputs of {@link originalYumaBonds}. */
export interface OriginalBondsInput {
  /** W_b: weights after the bonds penalty. */
  readonly weightsForBonds: SparseMat32;
  /** Stored bonds read as integers, after the re-registration mask. */
  readonly bonds: SparseMat32;
  readonly activeStake: Vec32;
  readonly incentive: Vec32;
  readonly n: number;
  /** EMA weight of the new observation, `1 - BondsMovingAverage / 1e6`. */
  readonly alpha: I32F32;
}

/** What {@link originalYumaBonds} computes. */
export interface OriginalBondsResult {
  /** ΔB = column-normalised W_b ∘ active stake. */
  readonly bondsDelta: SparseEntry32[][];
  /** B' = column-normalised EMA of ΔB and the column-normalised stored bonds. */
  readonly emaBonds: SparseEntry32[][];
  /** D = normalise(B' · I). */
  readonly dividends: I32F32[];
  /** B' column max-upscaled (largest entry per column = 1), as the chain stores it. */
  readonly bondsToStore: SparseEntry32[][];
}

/** Bonds and dividends of original Yuma for one mechanism. */
export function originalYumaBonds(input: OriginalBondsInput): OriginalBondsResult {
  const { n } = input;
  const old = colNormalizeSparse(input.bonds, n);
  const bondsDelta = colNormalizeSparse(rowHadamardSparse(input.weightsForBonds, input.activeStake), n);
  const emaBonds = colNormalizeSparse(matEmaSparse({ new: bondsDelta, old, alpha: input.alpha }), n);
  const dividends = normalize(matmulTransposeSparse(emaBonds, input.incentive));
  return { bondsDelta, emaBonds, dividends, bondsToStore: colMaxUpscaleSparse(emaBonds, n) };
}
