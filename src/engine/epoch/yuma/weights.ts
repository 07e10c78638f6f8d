/**
 * Epoch weights (spec §7.4): stored u16 weights read as I32F32 integers, rows of validators without a
 * permit emptied, self-weights dropped (the owner UID keeps its own), weights set before a miner's
 * registration dropped (and, with commit-reveal, those committed before it), then rows normalised.
 */
import { fromInt, I32F32 } from '../../fixed/index.ts';
import { TWO32 } from '../../fixed/rawF64.ts';
import type { SparseRow } from '../../state/types.ts';
import {
  type CsrMat32,
  csrBuilder,
  finishCsr,
  maskDiagSparse,
  maskDiagSparseExceptIndex,
  maskRowsSparse,
  rowNormalizeSparse,
  type SparseEntry32,
  vecMaskSparseMatrix,
} from '../math/index.ts';

/**
 * `get_weights_sparse`: u16 rows as I32F32 integers (not yet proportions), `n` rows; rows and columns
 * at UIDs >= n are ignored.
 */
export function readWeights(rows: readonly SparseRow[], n: number): SparseEntry32[][] {
  const out: SparseEntry32[][] = [];
  for (let i = 0; i < n; i++) {
    const entries: SparseEntry32[] = [];
    for (const [j, w] of rows[i] ?? []) if (j < n) entries.push([j, fromInt(I32F32, w)]);
    out.push(entries);
  }
  return out;
}

/** Inputs of {@link epochWeights}. */
export interface EpochWeightsInput {
  /** Stored weights (u16 rows, max-upscaled by `set_weights`). */
  readonly weights: readonly SparseRow[];
  readonly n: number;
  /** Permits used this epoch; a row without one is emptied. */
  readonly permits: readonly boolean[];
  readonly ownerUid: number | null;
  /** LastUpdate per row (validator); a missing entry counts as 0. */
  readonly lastUpdate: readonly number[];
  /** BlockAtRegistration per column (miner). */
  readonly blockAtRegistration: readonly number[];
  /** Earliest still-valid commit block per row (`null` = none); omit when commit-reveal is off. */
  readonly commitBlocks?: readonly (number | null)[] | undefined;
}

/** The masked, row-normalised weight matrix W (sparse I32F32). */
export function epochWeights(input: EpochWeightsInput): SparseEntry32[][] {
  const { n, ownerUid, blockAtRegistration } = input;
  let w = maskRowsSparse(
    input.permits.map((p) => !p),
    readWeights(input.weights, n),
  );
  w = ownerUid === null ? maskDiagSparse(w) : maskDiagSparseExceptIndex(w, ownerUid);
  // A weight set no later than the miner's registration was aimed at the UID's previous occupant.
  w = vecMaskSparseMatrix({
    matrix: w,
    rowValues: input.lastUpdate,
    colValues: blockAtRegistration,
    maskFn: (updated, registered) => updated <= registered,
  });
  if (input.commitBlocks !== undefined) {
    // A missing commit is the chain's u64::MAX, which never masks.
    const commits = input.commitBlocks.map((b) => b ?? Number.POSITIVE_INFINITY);
    const rows = Array.from({ length: n }, (_, i) => commits[i] ?? Number.POSITIVE_INFINITY);
    w = vecMaskSparseMatrix({
      matrix: w,
      rowValues: rows,
      colValues: blockAtRegistration,
      maskFn: (committed, registered) => committed < registered,
    });
  }
  return rowNormalizeSparse(w);
}

/**
 * {@link epochWeights} into a {@link CsrMat32}, for rows whose columns below n ascend strictly and whose
 * values are u16 integers, with n < 2^15. The masks drop the same entries; row normalisation divides
 * w << 32 by the row total (S << 32) with S = the row's u16 sum < 2^31 (no wrap), and
 * ((w << 32) << 32) / (S << 32) truncated is floor(w 2^32 / S): w 2^32 < 2^48 is exact and the floor
 * lemma (rawF64.ts) makes `Math.floor` exact. A row with S = 0 holds only zeros.
 */
export function epochWeightsCsr(input: EpochWeightsInput): CsrMat32 {
  const { n, ownerUid, permits, lastUpdate, blockAtRegistration, commitBlocks } = input;
  const one = TWO32;
  let capacity = 0;
  for (let i = 0; i < n; i++) capacity += input.weights[i]?.length ?? 0;
  const out = csrBuilder(n, capacity);
  let w = 0;
  for (let i = 0; i < n; i++) {
    const row = input.weights[i];
    const rowStart = w;
    if (row !== undefined && permits[i] === true) {
      const updated = lastUpdate[i] ?? 0;
      // A missing commit is the chain's u64::MAX, which never masks.
      const committed =
        commitBlocks === undefined ? Number.POSITIVE_INFINITY : (commitBlocks[i] ?? Number.POSITIVE_INFINITY);
      let total = 0;
      for (let e = 0; e < row.length; e++) {
        const entry = row[e]!;
        const j = entry[0];
        const weight = entry[1];
        if (j >= n || (j === i && i !== ownerUid)) continue;
        const registered = blockAtRegistration[j] ?? 0;
        if (updated <= registered || committed < registered) continue;
        out.col[w] = j;
        out.val[w++] = weight;
        total += weight;
      }
      if (total > 0) for (let k = rowStart; k < w; k++) out.val[k] = Math.floor((out.val[k]! * one) / total);
      else for (let k = rowStart; k < w; k++) out.val[k] = out.val[k]! * one;
    }
    out.start[i + 1] = w;
  }
  return finishCsr(out);
}
