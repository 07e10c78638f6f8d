/**
 * Liquid alpha of Yuma 3 (spec §7.6): a per-(validator, miner) bond EMA weight from a sigmoid of how
 * far the validator's weight sits above consensus (buying) or below its bond (selling).
 */
import { add, fromF64, fromInt, I32F32, mul, saturatingDiv, sub } from '../fixed/index.testkit.ts';
import {
  clampValue,
  expSafe,
  type SparseMat32,
  type SparseRow32,
  type Vec32,
} from '../math/index.testkit.ts';

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
