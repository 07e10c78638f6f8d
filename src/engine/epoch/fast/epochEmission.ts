/**
 * Emission out of the epoch (spec §7.7): incentive and dividends normalised on their joint sum and
 * scaled to raw alpha, floored like the chain. With nothing to share (no weights, only outdated or
 * self weights) validators and the combined emission follow the active stake, or the stake when no
 * active stake is left.
 */
import type { FastEpochInput } from './types.ts';
import type { FastEpochWorkspace } from './workspace.ts';

/** Fill `ws.serverEmission`, `ws.validatorEmission` and `ws.combinedEmission` (raw units, floored). */
export function epochEmission(ws: FastEpochWorkspace, input: FastEpochInput): void {
  const n = ws.n;
  const rao = input.raoEmission;
  const { incentive, dividends, serverEmission, validatorEmission, combinedEmission } = ws;
  let total = 0;
  for (let i = 0; i < n; i++) total += (incentive[i] ?? 0) + (dividends[i] ?? 0);
  if (total > 0) {
    for (let i = 0; i < n; i++) {
      const inc = incentive[i] ?? 0;
      const div = dividends[i] ?? 0;
      serverEmission[i] = Math.floor((inc / total) * rao);
      validatorEmission[i] = Math.floor((div / total) * rao);
      combinedEmission[i] = Math.floor(((inc + div) / total) * rao);
    }
    return;
  }
  let activeSum = 0;
  for (let i = 0; i < n; i++) activeSum += ws.activeStake[i] ?? 0;
  const fallback = activeSum === 0 ? ws.stake : ws.activeStake;
  for (let i = 0; i < n; i++) {
    const share = fallback[i] ?? 0;
    serverEmission[i] = Math.floor((incentive[i] ?? 0) * rao);
    validatorEmission[i] = Math.floor(share * rao);
    combinedEmission[i] = Math.floor(share * rao);
  }
}
