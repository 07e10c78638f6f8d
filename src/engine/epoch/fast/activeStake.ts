/** Active stake (spec §7.3): the stake of active validators holding a permit this epoch, renormalised. */
import type { FastEpochWorkspace } from './workspace.ts';

/**
 * Fill `ws.activeStake` from `ws.stake`, `ws.active` and `ws.permitUsed` (left all zero when no active
 * permitted stake remains) and count the voters (`ws.voters`, rows with active stake > 0). Runs as
 * the `activeStake` kernel.
 */
export function activeStake(ws: FastEpochWorkspace): void {
  const { at } = ws;
  const voters = ws.kernels.activeStake(ws.n, at.stake!, at.active!, at.permitUsed!, at.activeStake!);
  ws.voters = voters;
  ws.medianStride = voters + 1;
}
