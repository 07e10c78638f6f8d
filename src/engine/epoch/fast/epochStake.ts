/**
 * Epoch stake (spec §7.2): stake weights below the threshold count as zero (the owner UID is exempt),
 * the rest is normalised and truncated to the chain's 2^-32 grid, so shares below 2^-32 vanish as on
 * chain and equal shares stay exactly equal for the permit ranking.
 */
import { GRID } from './grid.ts';
import type { FastEpochInput } from './types.ts';
import type { FastEpochWorkspace } from './workspace.ts';

/** Fill `ws.stake` with the normalised epoch stake (all zero when no stake is left). */
export function epochStake(ws: FastEpochWorkspace, input: FastEpochInput): void {
  const { stake: raw, ownerUid } = input;
  const threshold = Number(input.params.stakeThreshold);
  const out = ws.stake;
  const n = ws.n;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const s = raw[i] ?? 0;
    const kept = i !== ownerUid && Math.floor(s) < threshold ? 0 : s;
    out[i] = kept;
    total += kept;
  }
  if (total === 0) return;
  const grid = GRID;
  // Times 2^-32 rather than over 2^32: the same value exactly (a power of two), without a division.
  const unit = 1 / GRID;
  for (let i = 0; i < n; i++) out[i] = Math.floor(((out[i] ?? 0) / total) * grid) * unit;
}
