/**
 * Activity and registration masks (spec §7.1): who counts as active, and the block that decides
 * whether a bond points at a miner that re-registered since the last epoch.
 */
import type { FastEpochInput } from './types.ts';
import type { FastEpochWorkspace } from './workspace.ts';

/** Inputs of {@link activityCutoffBlocks}. */
export interface ActivityCutoffInput {
  /** `ActivityCutoffFactorMilli` (default 13_889). */
  readonly factorMilli: number;
  readonly tempo: number;
}

/** `max(1, floor(factorMilli * tempo / 1000))` blocks. */
export function activityCutoffBlocks({ factorMilli, tempo }: ActivityCutoffInput): number {
  return Math.max(1, Math.floor((factorMilli * tempo) / 1000));
}

/** The block after the previous epoch (or `block - tempo`, floored at 0, before any). */
export function lastTempoBlock(input: FastEpochInput): number {
  const { block, tempo, lastMechanismStepBlock } = input;
  return lastMechanismStepBlock === 0 ? Math.max(0, block - tempo) : lastMechanismStepBlock + 1;
}

/**
 * Fill `ws.active`: `LastUpdate + cutoff >= block`; a UID past the LastUpdate vector is inactive. Also
 * records the latest BlockAtRegistration (a UID past that vector counts as registered at 0), which
 * lets the weight and bond masks skip rows no registration can touch.
 */
export function markActive(ws: FastEpochWorkspace, input: FastEpochInput): void {
  const cutoff = activityCutoffBlocks({
    factorMilli: input.params.activityCutoffFactorMilli,
    tempo: input.tempo,
  });
  const { lastUpdate, block } = input;
  const out = ws.active;
  for (let i = 0; i < ws.n; i++)
    out[i] = i < lastUpdate.length && (lastUpdate[i] ?? 0) + cutoff >= block ? 1 : 0;
  const registered = input.blockAtRegistration;
  const listed = Math.min(ws.n, registered.length);
  let latest = listed < ws.n ? 0 : Number.NEGATIVE_INFINITY;
  for (let j = 0; j < listed; j++) latest = Math.max(latest, registered[j] ?? 0);
  ws.latestRegistration = latest;
}
