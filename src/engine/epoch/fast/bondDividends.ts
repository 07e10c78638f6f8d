/**
 * Dividends and stored bonds from the new bonds B' (spec §7.6, §7.7), in one pass over the dense bond
 * rows. Dividends: D_i = sum_j B'_ij / colsum_j * I_j, times the validator's active stake under Yuma 3,
 * normalised. Stored: rows of validators holding a new permit, every positive entry as
 * floor(x * 65535), original Yuma dividing each column by its maximum first (column max-upscale);
 * everyone else's row is stored empty.
 */
import type { FastEpochWorkspace } from './workspace.ts';

/**
 * Fill `ws.dividends` (not yet normalised, see {@link normalizeDividends}) and `ws.bonds` from
 * `ws.emaBonds` and its column sums (`ws.columnSum`) and, for original Yuma (`yuma3` false), column
 * maxima (`ws.columnMax`). Runs as the `bondDividends` kernel.
 */
export function bondDividends(ws: FastEpochWorkspace, yuma3: boolean): void {
  const { at, bonds } = ws;
  ws.kernels.bondDividends(
    ws.n,
    at.bondRows!,
    ws.bondRowCount,
    at.emaBonds!,
    at.incentive!,
    at.activeStake!,
    at.validatorPermit!,
    at.columnSum!,
    at.columnMax!,
    at.columnFactor!,
    at.dividends!,
    bonds.at.rowStart,
    bonds.at.col,
    bonds.at.value,
    yuma3 ? 1 : 0,
  );
}

/** Normalise `ws.dividends` (left alone when all zero; the `normalize` kernel). */
export function normalizeDividends(ws: FastEpochWorkspace): void {
  ws.kernels.normalize(ws.at.dividends!, ws.n);
}
