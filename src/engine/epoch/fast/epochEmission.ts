/**
 * Emission out of the epoch (spec §7.7): incentive and dividends normalised on their joint sum and
 * scaled to raw alpha, floored like the chain. With nothing to share (no weights, only outdated or
 * self weights) validators and the combined emission follow the active stake, or the stake when no
 * active stake is left.
 */
import type { FastEpochInput } from './types.ts';
import type { FastEpochWorkspace } from './workspace.ts';

/**
 * Fill `ws.serverEmission`, `ws.validatorEmission` and `ws.combinedEmission` (raw units, floored); the
 * shared case runs as the `emission` kernel.
 */
export function epochEmission(ws: FastEpochWorkspace, input: FastEpochInput): void {
  const n = ws.n;
  const rao = input.raoEmission;
  const { incentive, serverEmission, validatorEmission, combinedEmission, at } = ws;
  const shared = ws.kernels.emission(
    n,
    at.incentive!,
    at.dividends!,
    at.serverEmission!,
    at.validatorEmission!,
    at.combinedEmission!,
    rao,
  );
  if (shared !== 0) return;
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
