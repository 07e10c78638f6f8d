/**
 * Epoch stake (spec §7.2): stake weights below the threshold count as zero (the owner UID is exempt),
 * the rest is normalised and truncated to the chain's 2^-32 grid, so shares below 2^-32 vanish as on
 * chain and equal shares stay exactly equal for the permit ranking.
 */
import type { FastEpochInput } from './types.ts';
import type { FastEpochWorkspace } from './workspace.ts';

/** Fill `ws.stake` with the normalised epoch stake (all zero when no stake is left; the `epochStake` kernel). */
export function epochStake(ws: FastEpochWorkspace, input: FastEpochInput): void {
  const n = ws.n;
  ws.stake.set(input.stake.length === n ? input.stake : input.stake.subarray(0, n));
  ws.kernels.epochStake(n, ws.at.stake!, input.ownerUid ?? -1, Number(input.params.stakeThreshold));
}
