/**
 * Yuma 3 bonds and dividends (spec §7.6, Yuma3 on): bonds are proportions in [0, 1] moved towards W_b
 * by liquid alpha (or a fixed alpha), dividends are each validator's share of the incentive its
 * column-normalised bonds buy, times its active stake. Bonds are stored without upscaling.
 */
import type { I32F32 } from '../fixed/index.testkit.ts';
import {
  colNormalizeSparse,
  matEmaAlphaSparse,
  matEmaSparse,
  matVecMulSparse,
  normalize,
  rowSumSparse,
  type SparseEntry32,
  type SparseMat32,
  type Vec32,
  vecMul,
} from '../math/index.testkit.ts';
import { type LiquidAlphaParams, liquidAlphaRows } from './liquidAlpha.testkit.ts';

/** Inputs of {@link yuma3Bonds}. */
export interface Yuma3BondsInput {
  /** W_b: weights after the bonds penalty. */
  readonly weightsForBonds: SparseMat32;
  /** Stored bonds read as proportions, after the re-registration mask. */
  readonly bonds: SparseMat32;
  readonly consensus: Vec32;
  readonly activeStake: Vec32;
  readonly incentive: Vec32;
  readonly n: number;
  /** Liquid alpha parameters, or `null` when `LiquidAlphaOn` is false. */
  readonly liquidAlpha: LiquidAlphaParams | null;
  /** Fixed EMA weight `1 - BondsMovingAverage / 1e6`, used without liquid alpha. */
  readonly alpha: I32F32;
}

/** What {@link yuma3Bonds} computes. */
export interface Yuma3BondsResult {
  /** B', the new bonds (what is stored, as floor(B' * 65535)). */
  readonly emaBonds: SparseEntry32[][];
  /** B' column-normalised. */
  readonly emaBondsNormalized: SparseEntry32[][];
  /** D = normalise((B_norm · I) ∘ active stake). */
  readonly dividends: I32F32[];
}

/**
 * `compute_bonds_sparse` then the Yuma 3 dividends. Liquid alpha applies only when some consensus is
 * nonzero; its sparse EMA keeps only the columns of the W_b row (a bond towards a miner the validator
 * no longer lists disappears), while the fixed-alpha EMA decays every old entry.
 */
export function yuma3Bonds(input: Yuma3BondsInput): Yuma3BondsResult {
  const { weightsForBonds, bonds, consensus, liquidAlpha, n } = input;
  const liquid = liquidAlpha !== null && consensus.some((c) => c !== 0n);
  const emaBonds = liquid
    ? matEmaAlphaSparse({
        new: weightsForBonds,
        old: bonds,
        alpha: liquidAlphaRows({ weights: weightsForBonds, bonds, consensus, params: liquidAlpha }),
      })
    : matEmaSparse({ new: weightsForBonds, old: bonds, alpha: input.alpha });
  const emaBondsNormalized = colNormalizeSparse(emaBonds, n);
  const perValidator = rowSumSparse(matVecMulSparse(emaBondsNormalized, input.incentive));
  const dividends = normalize(vecMul(perValidator, input.activeStake));
  return { emaBonds, emaBondsNormalized, dividends };
}
