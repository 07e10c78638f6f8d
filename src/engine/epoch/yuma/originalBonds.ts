/**
 * Original Yuma bonds and dividends (spec §7.6, Yuma3 off): column-normalised stored bonds mixed with
 * the column-normalised stake-weighted weights by a fixed EMA, dividends as bonds times incentive, and
 * the bonds stored column max-upscaled.
 */
import type { I32F32 } from '../../fixed/index.ts';
import { TWO32 } from '../../fixed/rawF64.ts';
import {
  type CsrMat32,
  colMaxUpscaleCsr,
  colMaxUpscaleSparse,
  colNormalizeCsr,
  colNormalizeSparse,
  matEmaCsr,
  matEmaSparse,
  matmulTransposeCsr,
  matmulTransposeSparse,
  normalize,
  normalizeRaw,
  rowHadamardCsr,
  rowHadamardSparse,
  type SparseEntry32,
  type SparseMat32,
  type Vec32,
  withValues,
} from '../math/index.ts';

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

/** Inputs of {@link originalYumaBondsCsr}: {@link OriginalBondsInput} as raw float64 bits. */
export interface OriginalBondsCsrInput {
  readonly weightsForBonds: CsrMat32;
  /** Stored bonds read as integers (b << 32). */
  readonly bonds: CsrMat32;
  readonly activeStake: Float64Array;
  readonly incentive: Float64Array;
  readonly n: number;
  /** Raw alpha in [0, 2^32]. */
  readonly alpha: number;
}

/** {@link OriginalBondsResult} as raw float64 bits. */
export interface OriginalBondsCsrResult {
  readonly bondsDelta: CsrMat32;
  readonly emaBonds: CsrMat32;
  readonly dividends: Float64Array;
  readonly bondsToStore: CsrMat32;
}

/**
 * {@link originalYumaBonds} on the typed-array twins of its steps (same bits). The stored bonds are
 * integers b << 32, whose column sums (up to 2^48 n) would not stay exact in float64; but
 * ((b << 32) << 32) / (S << 32) = (b << 32) / S for the u16 column sum S, so the integers b themselves
 * are normalised (zero-sum columns hold only zeros either way).
 */
export function originalYumaBondsCsr(input: OriginalBondsCsrInput): OriginalBondsCsrResult {
  const { n } = input;
  const unit = TWO32;
  const integers = input.bonds.val.map((v) => v / unit);
  const old = colNormalizeCsr(withValues(input.bonds, integers), n);
  const bondsDelta = colNormalizeCsr(rowHadamardCsr(input.weightsForBonds, input.activeStake), n);
  const emaBonds = colNormalizeCsr(matEmaCsr({ new: bondsDelta, old, alpha: input.alpha }), n);
  const dividends = normalizeRaw(matmulTransposeCsr(emaBonds, input.incentive));
  return { bondsDelta, emaBonds, dividends, bondsToStore: colMaxUpscaleCsr(emaBonds, n) };
}
