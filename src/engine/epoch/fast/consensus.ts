/**
 * Consensus (spec §7.5): per miner column, the stake-weighted median of the voters' weights (validators
 * with active stake), a missing weight counting as 0. `epochWeights` buckets the positive weights by
 * column; the zeros form one group at the bottom of each column, so a sparse column costs only its
 * entries, and the rest goes to {@link narrowMedianSelection} and {@link weightedMedianSelect}.
 */
import { u16Ratio } from './grid.ts';
import type { FastEpochInput } from './types.ts';
import { narrowMedianSelection, weightedMedianSelect } from './weightedMedianSelect.ts';
import type { FastEpochWorkspace } from './workspace.ts';

/** Fill `ws.consensus` from the column buckets, majority kappa = Kappa / 65535. */
export function stakeWeightedConsensus(ws: FastEpochWorkspace, input: FastEpochInput): void {
  const n = ws.n;
  const { activeStake, columnFill, medianValue, medianStake } = ws;
  const voters = ws.voters;
  const stride = ws.medianStride;
  const out = ws.consensus;
  let total = 0;
  for (let i = 0; i < n; i++) total += activeStake[i]!;
  const minority = total - u16Ratio(input.params.kappa);
  const sel = ws.selection;
  sel.minority = minority;
  const hist = ws.histogram;
  // Local copies: an imported binding costs a check on every call in the loop.
  const narrow = narrowMedianSelection;
  const select = weightedMedianSelect;
  for (let j = 0; j < n; j++) {
    const count = columnFill[j]!;
    const start = j * stride;
    const end = start + count;
    const zeros = voters - count;
    if (count === 0) {
      out[j] = 0;
      continue;
    }
    if (minority < 0) {
      // Below every stake: the smallest score (0 if some voter has no weight here).
      out[j] = zeros > 0 ? 0 : minOf(medianValue, start, end);
      continue;
    }
    if (minority >= total) {
      out[j] = maxOf(medianValue, start, end);
      continue;
    }
    let zeroStake = 0;
    if (zeros > 0) {
      // Voters without a (positive) weight here hold the rest of the stake, all at score 0.
      let listed = 0;
      for (let k = start; k < end; k++) listed += medianStake[k]!;
      zeroStake = Math.max(0, total - listed);
      if (minority < zeroStake) {
        out[j] = 0;
        continue;
      }
    }
    sel.start = start;
    sel.end = end;
    sel.lo = zeroStake;
    sel.hi = total;
    narrow(sel, hist);
    out[j] = select(sel);
  }
}

function minOf(v: Float64Array, start: number, end: number): number {
  let m = Number.POSITIVE_INFINITY;
  for (let k = start; k < end; k++) m = Math.min(m, v[k]!);
  return m;
}

function maxOf(v: Float64Array, start: number, end: number): number {
  let m = Number.NEGATIVE_INFINITY;
  for (let k = start; k < end; k++) m = Math.max(m, v[k]!);
  return m;
}
