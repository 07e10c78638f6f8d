/**
 * Validator permits (spec §7.3): the epoch uses the permits stored by the previous one (owner forced),
 * and hands out new ones to the k largest nonzero stakes (`is_topk_nonzero`: a stable ascending sort
 * clears the n - k smallest, ties cleared in UID order), owner forced.
 */
import { GRID } from './grid.ts';
import type { FastEpochInput } from './types.ts';
import type { FastEpochWorkspace } from './workspace.ts';

/** Fill `ws.permitUsed`: the stored permits with the owner UID forced on. */
export function currentPermits(ws: FastEpochWorkspace, input: FastEpochInput): void {
  const stored = input.validatorPermit;
  const out = ws.permitUsed;
  const owner = input.ownerUid;
  for (let i = 0; i < ws.n; i++) out[i] = (i < stored.length && stored[i] !== 0) || i === owner ? 1 : 0;
}

/**
 * Fill `ws.validatorPermit` from `ws.stake`. The ranking sorts exact float64 keys
 * `stake * 2^32 * 2^b + uid` (stake is on the 2^-32 grid, 2^b >= n), so ties resolve by UID like the
 * chain's stable sort without a comparator.
 */
export function newValidatorPermits(ws: FastEpochWorkspace, input: FastEpochInput): void {
  const n = ws.n;
  const k = input.params.maxAllowedValidators;
  const { stake, keys } = ws;
  const out = ws.validatorPermit;
  let holders = 0;
  for (let i = 0; i < n; i++) {
    const has = stake[i] !== 0 ? 1 : 0;
    out[i] = has;
    holders += has;
  }
  // Zero stakes sort first; with at most k nonzero ones the n - k cleared are all zeros already.
  if (n >= k && holders > k) {
    let span = 1;
    while (span < n) span *= 2;
    const grid = GRID;
    for (let i = 0; i < n; i++) keys[i] = Math.floor((stake[i] ?? 0) * grid) * span + i;
    keys.sort();
    for (let r = 0; r < n - k; r++) {
      const key = keys[r] ?? 0;
      out[key - Math.floor(key / span) * span] = 0;
    }
  }
  const owner = input.ownerUid;
  if (owner !== null && owner >= 0 && owner < n) out[owner] = 1;
}
