/**
 * The rows the bond step works on: UIDs with weights this epoch or stored bonds. Only they can hold a
 * new bond, so the dense bond rows cover validators (about k of them), not all n UIDs.
 */
import type { FastEpochInput } from './types.ts';
import type { FastEpochWorkspace } from './workspace.ts';

/** Fill `ws.bondRows` (ascending UIDs; row r of `ws.emaBonds` is UID `bondRows[r]`) and clear those rows. */
export function selectBondRows(ws: FastEpochWorkspace, input: FastEpochInput): void {
  const n = ws.n;
  const w = ws.weights.rowStart;
  const b = input.bonds;
  const bRows = Math.min(n, b.rows);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const hasWeights = (w[i + 1] ?? 0) > (w[i] ?? 0);
    const hasBonds = i < bRows && (b.rowStart[i + 1] ?? 0) > (b.rowStart[i] ?? 0);
    if (hasWeights || hasBonds) ws.bondRows[count++] = i;
  }
  // The workspace was sized for every row with stored weights or bonds, a superset of these.
  ws.bondRowCount = count;
  ws.emaBonds.fill(0, 0, count * n);
}
