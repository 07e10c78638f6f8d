/**
 * Epoch weights (spec §7.4): rows of validators without a permit this epoch emptied, self-weights
 * dropped (the owner UID keeps its own), weights set no later than the miner's registration dropped
 * (and, with commit-reveal, those committed before it), then each row normalised.
 */
import type { FastEpochInput } from './types.ts';
import type { FastEpochWorkspace } from './workspace.ts';

/**
 * Fill `ws.weights` (n rows) from `input.weights` and `ws.permitUsed`. Explicit zero entries stay (they
 * matter for liquid-alpha bonds); rows with a zero sum are left as they are. While each row is still
 * in cache, the positive weights of voters (active stake > 0) are also bucketed by column for the
 * consensus median (`ws.medianValue`, `ws.medianStake`, `ws.columnFill`).
 */
export function epochWeights(ws: FastEpochWorkspace, input: FastEpochInput): void {
  const n = ws.n;
  const src = input.weights;
  const { rowStart: srcStart, col: srcCol, value: srcValue } = src;
  const out = ws.weights;
  const { rowStart, col, value } = out;
  const { permitUsed: permit, activeStake, columnFill, medianValue, medianStake } = ws;
  const voters = ws.voters;
  const stride = ws.medianStride;
  const { lastUpdate, blockAtRegistration: registered, commitBlock } = input;
  const owner = input.ownerUid;
  const latest = ws.latestRegistration;
  const rows = Math.min(n, src.rows);
  columnFill.fill(0);
  let e = 0;
  // The closing offset rowStart[n] is written by the last round, not after the loop: a store after
  // a long loop has no type feedback when the loop gets optimized mid-call, and would deoptimize.
  for (let i = 0; i <= n; i++) {
    rowStart[i] = e;
    if (i >= rows || permit[i] === 0) continue;
    // A UID past the LastUpdate vector masks all its weights (the chain reads it as 0).
    const updated = i < lastUpdate.length ? lastUpdate[i]! : Number.NEGATIVE_INFINITY;
    const committed =
      commitBlock !== undefined && i < commitBlock.length
        ? (commitBlock[i] ?? Number.POSITIVE_INFINITY)
        : Number.POSITIVE_INFINITY;
    // Only a row updated (or committed) no later than some registration needs the per-entry check.
    const check = updated <= latest || committed < latest;
    const first = e;
    let sum = 0;
    const end = srcStart[i + 1]!;
    for (let k = srcStart[i]!; k < end; k++) {
      const j = srcCol[k]!;
      if (j >= n || j < 0) continue;
      if (j === i && i !== owner) continue;
      if (check) {
        const reg = j < registered.length ? registered[j]! : 0;
        // Weights aimed at the UID's previous occupant: set (or committed) before its registration.
        if (updated <= reg || committed < reg) continue;
      }
      const v = srcValue[k]!;
      col[e] = j;
      value[e] = v;
      sum += v;
      e++;
    }
    if (sum <= 0) continue;
    const s = activeStake[i]!;
    const scale = 1 / sum;
    for (let k = first; k < e; k++) {
      const v = value[k]! * scale;
      value[k] = v;
      if (s > 0 && v > 0) {
        const j = col[k]!;
        const fill = columnFill[j]!;
        // One slot per voter and column (rows list a column at most once).
        if (fill < voters) {
          medianValue[j * stride + fill] = v;
          medianStake[j * stride + fill] = s;
          columnFill[j] = fill + 1;
        }
      }
    }
  }
}
