/**
 * Liquid alpha of Yuma 3 (spec §7.6): a per-(validator, miner) bond EMA weight from a sigmoid of how
 * far the validator's weight sits above consensus (buying) or below its bond (selling).
 */
import { add, fromF64, fromInt, I32F32, mul, saturatingDiv, sub } from '../../fixed/index.ts';
import { divPow64, mulRawSigned, mulWideSigned, TWO32 } from '../../fixed/rawF64.ts';
import { EXP_RAW_LIMIT, expRaw } from '../../fixed/transcendental.ts';
import {
  type CsrMat32,
  clampValue,
  expSafe,
  type SparseMat32,
  type SparseRow32,
  type Vec32,
} from '../math/index.ts';

const ZERO = 0n as I32F32;
const ONE = I32F32.one;
const HALF = fromF64(I32F32, 0.5);
const MINUS_100 = fromInt(I32F32, -100);

/** The liquid-alpha hyperparameters (I32F32). */
export interface LiquidAlphaParams {
  readonly alphaLow: I32F32;
  readonly alphaHigh: I32F32;
  /** AlphaSigmoidSteepness as I32F32 (the sigmoid's factor is steepness / -100). */
  readonly steepness: I32F32;
}

/** The sigmoid-to-alpha step for a given difference (the only input that varies by cell). */
function alphaOfDiff(diff: I32F32, p: LiquidAlphaParams): I32F32 {
  const factor = saturatingDiv(I32F32, p.steepness, MINUS_100);
  const exponent = mul(I32F32, factor, sub(I32F32, diff, HALF));
  const sigmoid = saturatingDiv(I32F32, ONE, add(I32F32, ONE, expSafe(exponent)));
  const alpha = add(I32F32, p.alphaLow, mul(I32F32, sigmoid, sub(I32F32, p.alphaHigh, p.alphaLow)));
  return clampValue({ value: alpha, low: p.alphaLow, high: p.alphaHigh });
}

/** One validator-miner cell: the miner's consensus, the validator's weight and bond. */
interface Cell {
  readonly consensus: I32F32;
  readonly weight: I32F32;
  readonly bond: I32F32;
}

/** The difference the sigmoid reads: weight above consensus when buying, bond above weight when selling. */
function combinedDiff({ consensus, weight, bond }: Cell): I32F32 {
  return weight >= bond
    ? clampValue({ value: sub(I32F32, weight, consensus), low: ZERO, high: ONE })
    : clampValue({ value: sub(I32F32, bond, weight), low: ZERO, high: ONE });
}

/** Inputs of {@link alphaSigmoid}. */
export interface AlphaSigmoidInput extends LiquidAlphaParams, Cell {}

/**
 * `alpha_sigmoid`: `clamp(low + sigmoid * (high - low), low, high)` with
 * `sigmoid = 1 / (1 + exp_safe(steepness / -100 * (diff - 0.5)))`, saturating steps, floored products.
 */
export function alphaSigmoid(input: AlphaSigmoidInput): I32F32 {
  return alphaOfDiff(combinedDiff(input), input);
}

/**
 * The value at column j as the chain's merge walk finds it: it steps through the row assuming
 * ascending columns, so an entry after a larger column is never seen (read as 0).
 */
function walkRow(row: SparseRow32, columns: number): (I32F32 | undefined)[] {
  const found = new Array<I32F32 | undefined>(columns);
  let p = 0;
  for (let j = 0; j < columns && p < row.length; j++) {
    while (p < row.length) {
      const entry = row[p]!;
      if (entry[0] < j) p++;
      else {
        if (entry[0] === j) found[j] = entry[1];
        break;
      }
    }
  }
  return found;
}

/** Inputs of {@link liquidAlphaRows}. */
export interface LiquidAlphaRowsInput {
  /** W_b: the new bond observation. */
  readonly weights: SparseMat32;
  /** Stored bonds as proportions, masked. */
  readonly bonds: SparseMat32;
  readonly consensus: Vec32;
  readonly params: LiquidAlphaParams;
}

/**
 * `compute_liquid_alpha_values_sparse`: one alpha row per validator, as wide as the consensus. The EMA
 * only reads alpha at the columns of the new (W_b) row, so only those cells are computed; the others
 * hold alpha_low, which nothing reads. That keeps the cost O(nnz) sigmoids instead of O(n²).
 */
export function liquidAlphaRows({ weights, bonds, consensus, params }: LiquidAlphaRowsInput): I32F32[][] {
  if (weights.length !== bonds.length) return [];
  const columns = consensus.length;
  const filler = new Array<I32F32>(columns).fill(params.alphaLow);
  // Alpha depends on the cell only through the clamped difference, so equal differences share it.
  const memo = new Map<bigint, I32F32>();
  return weights.map((row, i) => {
    if (row.length === 0) return filler;
    const w = walkRow(row, columns);
    const b = walkRow(bonds[i] ?? [], columns);
    const alphas = [...filler];
    for (const [j] of row) {
      if (j >= columns) continue;
      const diff = combinedDiff({
        consensus: consensus[j] ?? ZERO,
        weight: w[j] ?? ZERO,
        bond: b[j] ?? ZERO,
      });
      let a = memo.get(diff);
      if (a === undefined) {
        a = alphaOfDiff(diff, params);
        memo.set(diff, a);
      }
      alphas[j] = a;
    }
    return alphas;
  });
}

/** Inputs of {@link liquidAlphaCsr}. */
export interface LiquidAlphaCsrInput {
  /** W_b: the new bond observation (ascending columns below the consensus length). */
  readonly weights: CsrMat32;
  /** Stored bonds as proportions, masked (ascending columns). */
  readonly bonds: CsrMat32;
  readonly consensus: Float64Array;
  readonly params: LiquidAlphaParams;
}

const HALF_RAW = Number(HALF);
/** Beyond this |steepness / -100| (raw) the exponent product could leave float64: bigint throughout. */
const FACTOR_RAW_LIMIT = 2 ** 52;

/**
 * The sigmoid-to-alpha step of {@link alphaOfDiff} on raw float64 bits, exact while the exponent stays
 * within {@link EXP_RAW_LIMIT} (|exponent| <= 12; the default steepness keeps it within 5): the
 * exponent is `mulWideSigned` of |factor| < 2^53 and |diff - 1/2| <= 2^31; exp is `expRaw`, below 2^50;
 * the sigmoid 1 / (1 + exp) is `divPow64` of a divisor in [2^32, 2^51); the sigmoid (<= 2^32) times
 * high - low (|.| <= 2^32) is `mulRawSigned`. Otherwise (a steep sigmoid far from 1/2) the bigint
 * step gives the value, which lies in [0, 2^32] and is exact as a float.
 */
function alphaOfDiffRaw(
  diff: number,
  factor: number,
  low: number,
  high: number,
  p: LiquidAlphaParams,
): number {
  const exponent = mulWideSigned(factor, diff - HALF_RAW);
  if (exponent > EXP_RAW_LIMIT || exponent < -EXP_RAW_LIMIT)
    return Number(alphaOfDiff(BigInt(diff) as I32F32, p));
  const sigmoid = divPow64(TWO32 + (expRaw(exponent) ?? 0));
  const alpha = low + mulRawSigned(sigmoid, high - low);
  const capped = alpha < high ? alpha : high;
  return capped > low ? capped : low;
}

/**
 * {@link liquidAlphaRows} on {@link CsrMat32}s: alpha for each entry of W_b (same positions), the only
 * cells the EMA reads. Rows hold ascending columns, so the chain's merge walk finds every W_b entry
 * and the bond at the same column (or 0). Alpha depends on the cell only through the clamped
 * difference, so equal differences share one computation.
 */
export function liquidAlphaCsr({ weights, bonds, consensus, params }: LiquidAlphaCsrInput): Float64Array {
  const factorBig = saturatingDiv(I32F32, params.steepness, MINUS_100);
  const factor = Number(factorBig);
  const bigintOnly = factor > FACTOR_RAW_LIMIT || factor < -FACTOR_RAW_LIMIT;
  const low = Number(params.alphaLow);
  const high = Number(params.alphaHigh);
  const one = TWO32;
  const alphas = new Float64Array(weights.col.length);
  const memo = new Map<number, number>();
  for (let i = 0; i < weights.rows; i++) {
    let q = i < bonds.rows ? bonds.start[i]! : 0;
    const qEnd = i < bonds.rows ? bonds.start[i + 1]! : 0;
    for (let e = weights.start[i]!; e < weights.start[i + 1]!; e++) {
      const j = weights.col[e]!;
      while (q < qEnd && bonds.col[q]! < j) q++;
      const bond = q < qEnd && bonds.col[q]! === j ? bonds.val[q]! : 0;
      const weight = weights.val[e]!;
      const c = j < consensus.length ? consensus[j]! : 0;
      // clamp_value(x, 0, 1) as in combinedDiff.
      const raw = weight >= bond ? weight - c : bond - weight;
      const diff = raw < one ? (raw > 0 ? raw : 0) : one;
      let a = memo.get(diff);
      if (a === undefined) {
        a = bigintOnly
          ? Number(alphaOfDiff(BigInt(diff) as I32F32, params))
          : alphaOfDiffRaw(diff, factor, low, high, params);
        memo.set(diff, a);
      }
      alphas[e] = a;
    }
  }
  return alphas;
}
