/**
 * Stake-weighted median of epoch/math.rs (spec §7.5): the consensus C_j of each miner column. The chain
 * searches with a deterministic mid pivot instead of sorting, so the result is always one of the
 * scores, and ties and partition edges resolve exactly as on chain.
 */
import { add, I32F32, sub } from '../../fixed/index.ts';
import { type CsrMat32, scratchF64 } from './csr.ts';
import { normalize, normalizeRaw, sum, sumRaw } from './normalize.ts';
import type { Mat32, SparseMat32, Vec32 } from './types.ts';

const ZERO = 0n as I32F32;

/** `get_safe`: the entry at `i`, or 0 when out of range. */
const at = (v: Vec32, i: number): I32F32 => v[i] ?? ZERO;

/** Inputs of {@link weightedMedian}. */
export interface WeightedMedianInput {
  /** Stake per entry, assumed normalised. */
  readonly stake: Vec32;
  /** Score per entry (same length as `stake`, else the result is 0). */
  readonly score: Vec32;
  /** Indices of the entries taking part. */
  readonly partitionIdx: readonly number[];
  /** `sum(stake) - majority`. */
  readonly minority: I32F32;
  /** Lower edge of the partition inside the stake integral (start: 0). */
  readonly partitionLo: I32F32;
  /** Upper edge of the partition inside the stake integral (start: sum of stake). */
  readonly partitionHi: I32F32;
}

/**
 * `weighted_median`: mid-pivot partition search. Pivot = score at index len/2 of the current
 * partition; lower/upper keep the order of the entries strictly below/above it; stake sums saturate.
 * Returns the pivot, the score of a one-element partition, or 0 for an empty one.
 */
export function weightedMedian(input: WeightedMedianInput): I32F32 {
  const { stake, score, minority } = input;
  if (stake.length !== score.length) return ZERO;
  let current: readonly number[] = input.partitionIdx;
  let lo = input.partitionLo;
  let hi = input.partitionHi;
  // The chain's safety limit: never more rounds than entries.
  for (let step = 0; step <= input.partitionIdx.length; step++) {
    const n = current.length;
    if (n === 0) return ZERO;
    if (n === 1) return at(score, current[0] ?? 0);
    const pivot = at(score, current[n >> 1] ?? 0);
    let loStake = ZERO;
    let hiStake = ZERO;
    const lower: number[] = [];
    const upper: number[] = [];
    for (const idx of current) {
      const s = at(score, idx);
      if (s === pivot) continue;
      if (s < pivot) {
        loStake = add(I32F32, loStake, at(stake, idx));
        lower.push(idx);
      } else {
        hiStake = add(I32F32, hiStake, at(stake, idx));
        upper.push(idx);
      }
    }
    if (minority < add(I32F32, lo, loStake) && lower.length > 0) {
      current = lower;
      hi = add(I32F32, lo, loStake);
    } else if (sub(I32F32, hi, hiStake) <= minority && upper.length > 0) {
      current = upper;
      lo = sub(I32F32, hi, hiStake);
    } else {
      return pivot;
    }
  }
  return ZERO;
}

/** Median of one column over already-selected rows: renormalise their stake, then search. */
function columnMedian(useStake: Vec32, useScore: Vec32, majority: I32F32): I32F32 {
  const stake = normalize(useStake);
  const stakeSum = sum(stake);
  return weightedMedian({
    stake,
    score: useScore,
    partitionIdx: stake.map((_, i) => i),
    minority: sub(I32F32, stakeSum, majority),
    partitionLo: ZERO,
    partitionHi: stakeSum,
  });
}

/** Inputs of {@link weightedMedianCol}. */
export interface WeightedMedianColInput {
  /** Active stake per row (validator). */
  readonly stake: Vec32;
  /** Dense weights, rows = validators; the column count is the first row's length. */
  readonly score: Mat32;
  /** kappa, the stake share that must agree (default ~0.5). */
  readonly majority: I32F32;
}

/**
 * `weighted_median_col`: per column, the stake-weighted median over the rows with stake > 0, their
 * stakes renormalised (truncating); a missing or ragged row takes part with stake 0 and score 0.
 */
export function weightedMedianCol(input: WeightedMedianColInput): I32F32[] {
  const { stake, score, majority } = input;
  const columns = score[0]?.length ?? 0;
  const median: I32F32[] = [];
  for (let c = 0; c < columns; c++) {
    const useStake: I32F32[] = [];
    const useScore: I32F32[] = [];
    stake.forEach((st, r) => {
      if (st <= 0n) return;
      const row = score[r];
      const wellFormed = row !== undefined && row.length === columns;
      useStake.push(wellFormed ? st : ZERO);
      useScore.push(wellFormed ? (row[c] ?? ZERO) : ZERO);
    });
    median.push(useStake.length === 0 ? ZERO : columnMedian(useStake, useScore, majority));
  }
  return median;
}

/** Inputs of {@link weightedMedianColSparse}. */
export interface WeightedMedianColSparseInput {
  /** Active stake per row (validator). */
  readonly stake: Vec32;
  /** Sparse weights, rows = validators; a missing entry counts as 0. */
  readonly score: SparseMat32;
  /** Number of columns (miners). */
  readonly columns: number;
  /** kappa, the stake share that must agree. */
  readonly majority: I32F32;
}

/**
 * `weighted_median_col_sparse`: the sparse twin of {@link weightedMedianCol}. Rows with stake > 0 are
 * renormalised once; a missing weight counts as 0; entries at columns >= `columns` are ignored.
 */
export function weightedMedianColSparse(input: WeightedMedianColSparseInput): I32F32[] {
  const { stake, score, columns, majority } = input;
  const useStake = normalize(stake.filter((s) => s > 0n));
  const stakeSum = sum(useStake);
  const minority = sub(I32F32, stakeSum, majority);
  const partitionIdx = useStake.map((_, i) => i);
  const useScore: I32F32[][] = Array.from({ length: columns }, () => useStake.map(() => ZERO));
  // Walk stake and rows together (stopping at the shorter), k counting the rows with stake > 0.
  let k = 0;
  const rows = Math.min(stake.length, score.length);
  for (let r = 0; r < rows; r++) {
    if ((stake[r] ?? ZERO) <= 0n) continue;
    for (const [c, v] of score[r] ?? []) {
      const column = useScore[c];
      if (column !== undefined && k < column.length) column[k] = v;
    }
    k++;
  }
  return useScore.map((col) =>
    weightedMedian({
      stake: useStake,
      score: col,
      partitionIdx,
      minority,
      partitionLo: ZERO,
      partitionHi: stakeSum,
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Typed twin on raw float64 bits (csr.ts). Stakes and scores lie in [0, 2^32] and there are fewer than
// 2^20 rows, so every partial stake sum is an exact integer below 2^52 (the saturating adds never
// saturate) and every comparison is the bigint comparison.

/** Scratch index buffers of one search; lower and upper keep the order of the current partition. */
interface Partitions {
  current: Int32Array;
  lower: Int32Array;
  upper: Int32Array;
}

/**
 * {@link weightedMedian} of one column: `score[base + idx]` for idx in 0..k-1, all taking part, with the
 * partition held in index buffers instead of fresh arrays.
 */
function weightedMedianRaw(
  stake: Float64Array,
  score: Float64Array,
  base: number,
  k: number,
  minority: number,
  stakeSum: number,
  parts: Partitions,
): number {
  let { current, lower, upper } = parts;
  for (let i = 0; i < k; i++) current[i] = i;
  let n = k;
  let lo = 0;
  let hi = stakeSum;
  for (let step = 0; step <= k; step++) {
    if (n === 0) return 0;
    if (n === 1) return score[base + current[0]!]!;
    const pivot = score[base + current[n >> 1]!]!;
    let loStake = 0;
    let hiStake = 0;
    let nLower = 0;
    let nUpper = 0;
    for (let t = 0; t < n; t++) {
      const idx = current[t]!;
      const s = score[base + idx]!;
      if (s < pivot) {
        loStake += stake[idx]!;
        lower[nLower++] = idx;
      } else if (s > pivot) {
        hiStake += stake[idx]!;
        upper[nUpper++] = idx;
      }
    }
    if (minority < lo + loStake && nLower > 0) {
      const next = lower;
      lower = current;
      current = next;
      n = nLower;
      hi = lo + loStake;
    } else if (hi - hiStake <= minority && nUpper > 0) {
      const next = upper;
      upper = current;
      current = next;
      n = nUpper;
      lo = hi - hiStake;
    } else {
      return pivot;
    }
  }
  return 0;
}

/** Inputs of {@link weightedMedianColCsr}. */
export interface WeightedMedianColCsrInput {
  /** Active stake per row, raw bits in [0, 2^32]. */
  readonly stake: Float64Array;
  /** Row-normalised weights (values in [0, 2^32], ascending columns below `columns`). */
  readonly score: CsrMat32;
  readonly columns: number;
  /** kappa, raw bits. */
  readonly majority: number;
}

/**
 * {@link weightedMedianColSparse} on a {@link CsrMat32}: the rows with stake > 0 renormalised once,
 * their scores laid out column by column (a missing weight is 0), then one search per column.
 */
export function weightedMedianColCsr({
  stake,
  score,
  columns,
  majority,
}: WeightedMedianColCsrInput): Float64Array {
  const rows = Math.min(stake.length, score.rows);
  let k = 0;
  for (let r = 0; r < stake.length; r++) if (stake[r]! > 0) k++;
  const positive = new Float64Array(k);
  k = 0;
  for (let r = 0; r < stake.length; r++) if (stake[r]! > 0) positive[k++] = stake[r]!;
  const useStake = normalizeRaw(positive);
  const stakeSum = sumRaw(useStake);
  const minority = stakeSum - majority;
  // Column-major scores: column c of the selected rows is score[c * k .. c * k + k - 1] (read only
  // within this call, so scratch memory does).
  const scores = scratchF64(columns * k);
  let kk = 0;
  for (let r = 0; r < rows; r++) {
    if (stake[r]! <= 0) continue;
    for (let e = score.start[r]!; e < score.start[r + 1]!; e++) {
      const c = score.col[e]!;
      if (c < columns) scores[c * k + kk] = score.val[e]!;
    }
    kk++;
  }
  const parts: Partitions = {
    current: new Int32Array(k),
    lower: new Int32Array(k),
    upper: new Int32Array(k),
  };
  const median = new Float64Array(columns);
  for (let c = 0; c < columns; c++) {
    median[c] = weightedMedianRaw(useStake, scores, c * k, k, minority, stakeSum, parts);
  }
  return median;
}
