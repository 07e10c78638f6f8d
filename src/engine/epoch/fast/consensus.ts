/**
 * Consensus (spec §7.5): per miner column, the stake-weighted median of the voters' weights (validators
 * with active stake), a missing weight counting as 0. `epochWeights` buckets the positive weights by
 * column; the zeros form one group at the bottom of each column, so a sparse column costs only its
 * entries, and the rest goes to a narrowing by value buckets and the chain's pivot rule
 * (`weightedMedianSelect.ts`), all in the `consensus` kernel.
 */
import { u16Ratio } from './grid.ts';
import type { FastEpochInput } from './types.ts';
import type { FastEpochWorkspace } from './workspace.ts';

/** Fill `ws.consensus` from the column buckets, majority kappa = Kappa / 65535. */
export function stakeWeightedConsensus(ws: FastEpochWorkspace, input: FastEpochInput): void {
  const n = ws.n;
  const { activeStake, at } = ws;
  let total = 0;
  for (let i = 0; i < n; i++) total += activeStake[i]!;
  ws.kernels.consensus(
    n,
    total,
    total - u16Ratio(input.params.kappa),
    at.columnFill!,
    at.medianValue!,
    at.medianStake!,
    ws.voters,
    ws.medianStride,
    at.histogram!,
    ws.histogram.length,
    at.bucketIds!,
    at.consensus!,
  );
}
