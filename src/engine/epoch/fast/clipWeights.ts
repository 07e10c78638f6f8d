/**
 * Clipping, validator trust and incentive (spec §7.5), and the bonds penalty on top of clipping (spec
 * §7.6). W̄ = min(W, C) per entry, an entry above a consensus of 0 dropped as the sparse chain code
 * does; trust T_i = sum_j W̄_ij; ranks R_j = sum_i active_stake_i W̄_ij; incentive = normalise(R);
 * W_b = W + β (W̄ - W). W̄ and W_b are cheap functions of W and C, so the bond steps compute them,
 * with trust and ranks, in their pass over W instead of a pass of their own (one trip through memory
 * for W after the consensus).
 */
import { ABSENT } from './csrMatrix.ts';
import type { FastEpochWorkspace } from './workspace.ts';

/** W̄ of one entry: `min(w, c)`, or ABSENT when the weight sits above a consensus of 0. */
export function clippedWeight(w: number, c: number): number {
  return c >= w ? w : c > 0 ? c : ABSENT;
}

/**
 * W_b of one entry, `w + β (W̄ - w)`: β = 0 keeps w (explicit zeros included), β = 1 keeps W̄, in
 * between the entry survives only when positive, as `interpolate_sparse` keeps only positive results.
 * Positional arguments: it runs once per weight inside the bond loops.
 */
export function bondWeight(w: number, c: number, beta: number): number {
  if (beta === 0) return w;
  // min(w, c) without a branch (which side wins is a coin flip per entry; a branch would mispredict):
  // w * 1 + c * 0 and w * 0 + c * 1 are exact.
  const t = +(c >= w);
  const x = w * t + c * (1 - t);
  // A clipped-away entry is absent from W̄ itself, but counts as 0 when interpolating.
  if (beta === 1) return c <= 0 && t === 0 ? ABSENT : x;
  const v = w + beta * (x - w);
  return v > 0 ? v : ABSENT;
}

/** Turn the ranks in `ws.incentive` into the incentive: normalised, left alone when all zero (the `normalize` kernel). */
export function normalizeIncentive(ws: FastEpochWorkspace): void {
  ws.kernels.normalize(ws.at.incentive!, ws.n);
}
