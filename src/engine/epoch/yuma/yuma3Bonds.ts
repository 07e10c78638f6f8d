/**
 * Yuma 3 bonds and dividends (spec §7.6, Yuma3 on): bonds are proportions in [0, 1] moved towards W_b
 * by liquid alpha (or a fixed alpha), dividends are each validator's share of the incentive its
 * column-normalised bonds buy, times its active stake. Bonds are stored without upscaling.
 */
import type { I32F32 } from '../../fixed/index.ts';
import {
  type CsrMat32,
  colNormalizeCsr,
  colNormalizeSparse,
  matEmaAlphaCsr,
  matEmaAlphaSparse,
  matEmaCsr,
  matEmaSparse,
  matmulTransposeCsr,
  matVecMulSparse,
  normalize,
  normalizeRaw,
  rowSumSparse,
  type SparseEntry32,
  type SparseMat32,
  type Vec32,
  vecMul,
  vecMulRaw,
} from '../math/index.ts';
import { type LiquidAlphaParams, liquidAlphaCsr, liquidAlphaRows } from './liquidAlpha.ts';

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

/** Inputs of {@link yuma3BondsCsr}: {@link Yuma3BondsInput} as raw float64 bits. */
export interface Yuma3BondsCsrInput {
  readonly weightsForBonds: CsrMat32;
  readonly bonds: CsrMat32;
  readonly consensus: Float64Array;
  readonly activeStake: Float64Array;
  readonly incentive: Float64Array;
  readonly n: number;
  readonly liquidAlpha: LiquidAlphaParams | null;
  /** Raw alpha in [0, 2^32]. */
  readonly alpha: number;
}

/** {@link Yuma3BondsResult} as raw float64 bits. */
export interface Yuma3BondsCsrResult {
  readonly emaBonds: CsrMat32;
  readonly emaBondsNormalized: CsrMat32;
  readonly dividends: Float64Array;
}

/**
 * {@link yuma3Bonds} on the typed-array twins of its steps (same bits). The per-validator bond value
 * `row_sum(mat_vec_mul_sparse(B_norm, I))` is `matmulTransposeCsr(B_norm, I)`: the dropped zero
 * products add nothing and no sum reaches the wrap.
 */
export function yuma3BondsCsr(input: Yuma3BondsCsrInput): Yuma3BondsCsrResult {
  const { weightsForBonds, bonds, consensus, liquidAlpha, n } = input;
  const liquid = liquidAlpha !== null && consensus.some((c) => c !== 0);
  const emaBonds = liquid
    ? matEmaAlphaCsr({
        new: weightsForBonds,
        old: bonds,
        alpha: liquidAlphaCsr({ weights: weightsForBonds, bonds, consensus, params: liquidAlpha }),
      })
    : matEmaCsr({ new: weightsForBonds, old: bonds, alpha: input.alpha });
  const emaBondsNormalized = colNormalizeCsr(emaBonds, n);
  const perValidator = matmulTransposeCsr(emaBondsNormalized, input.incentive);
  const dividends = normalizeRaw(vecMulRaw(perValidator, input.activeStake));
  return { emaBonds, emaBondsNormalized, dividends };
}
