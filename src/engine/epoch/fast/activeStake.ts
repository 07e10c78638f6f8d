/** Active stake (spec §7.3): the stake of active validators holding a permit this epoch, renormalised. */
import type { FastEpochWorkspace } from './workspace.ts';

/**
 * Fill `ws.activeStake` from `ws.stake`, `ws.active` and `ws.permitUsed` (left all zero when no active
 * permitted stake remains) and count the voters (`ws.voters`, rows with active stake > 0).
 */
export function activeStake(ws: FastEpochWorkspace): void {
  const { stake, active, permitUsed } = ws;
  const out = ws.activeStake;
  const n = ws.n;
  let total = 0;
  let voters = 0;
  for (let i = 0; i < n; i++) {
    const s = active[i] !== 0 && permitUsed[i] !== 0 ? (stake[i] ?? 0) : 0;
    out[i] = s;
    total += s;
    if (s > 0) voters++;
  }
  ws.voters = voters;
  ws.medianStride = voters + 1;
  if (total > 0) for (let i = 0; i < n; i++) out[i] = (out[i] ?? 0) / total;
}
