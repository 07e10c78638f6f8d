/**
 * Dividends and stored bonds from the new bonds B' (spec §7.6, §7.7), in one pass over the dense bond
 * rows. Dividends: D_i = sum_j B'_ij / colsum_j * I_j, times the validator's active stake under Yuma 3,
 * normalised. Stored: rows of validators holding a new permit, every positive entry as
 * floor(x * 65535), original Yuma dividing each column by its maximum first (column max-upscale);
 * everyone else's row is stored empty.
 */
import { proportionToU16 } from './grid.ts';
import type { FastEpochWorkspace } from './workspace.ts';

/**
 * Fill `ws.dividends` (not yet normalised, see {@link normalizeDividends}) and `ws.bonds` from
 * `ws.emaBonds` and its column sums (`ws.columnSum`) and, for original Yuma (`yuma3` false), column
 * maxima (`ws.columnMax`).
 */
export function bondDividends(ws: FastEpochWorkspace, yuma3: boolean): void {
  const n = ws.n;
  // A local copy: an imported binding costs a check on every read in the hot loop.
  const toU16 = proportionToU16;
  const { bondRows, bondRowCount, emaBonds: ema, incentive, activeStake, validatorPermit } = ws;
  const { columnSum, columnMax, columnFactor: factor, dividends } = ws;
  const { rowStart, col, value } = ws.bonds;
  for (let j = 0; j < n; j++) {
    const s = columnSum[j]!;
    factor[j] = s > 0 ? incentive[j]! / s : 0;
  }
  dividends.fill(0);
  let e = 0;
  let next = 0;
  // One round past the last bond row (as UID n) writes the remaining row offsets: nothing follows the
  // loop, so a loop optimized mid-call never meets code it has no type feedback for.
  for (let r = 0; r <= bondRowCount; r++) {
    const i = r < bondRowCount ? bondRows[r]! : n;
    while (next <= i) rowStart[next++] = e;
    if (i === n) break;
    const base = r * n;
    let bought = 0;
    if (validatorPermit[i] === 0) {
      for (let j = 0; j < n; j++) bought += ema[base + j]! * factor[j]!;
    } else {
      for (let j = 0; j < n; j++) {
        const v = ema[base + j]!;
        bought += v * factor[j]!;
        if (v > 0) {
          col[e] = j;
          // Division, not a reciprocal: the column's largest bond must store exactly 65535.
          value[e] = toU16(yuma3 ? v : v / columnMax[j]!);
          e++;
        }
      }
    }
    dividends[i] = yuma3 ? bought * activeStake[i]! : bought;
  }
}

/** Normalise `ws.dividends` (left alone when all zero). */
export function normalizeDividends(ws: FastEpochWorkspace): void {
  const d = ws.dividends;
  const n = ws.n;
  let total = 0;
  for (let i = 0; i < n; i++) total += d[i]!;
  if (total > 0) for (let i = 0; i < n; i++) d[i] = d[i]! / total;
}
