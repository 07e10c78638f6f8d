/**
 * Epoch weights (spec §7.4): rows of validators without a permit this epoch emptied, self-weights
 * dropped (the owner UID keeps its own), weights set no later than the miner's registration dropped
 * (and, with commit-reveal, those committed before it), then each row normalised.
 */
import type { FastEpochInput } from './types.ts';
import type { FastEpochWorkspace } from './workspace.ts';

/**
 * Fill `ws.weights` (n rows) from the input's weights (copied into `ws.sourceWeights`) and
 * `ws.permitUsed`. Explicit zero entries stay (they matter for liquid-alpha bonds); rows with a zero
 * sum are left as they are. While each row is still in cache, the positive weights of voters (active
 * stake > 0) are also bucketed by column for the consensus median (`ws.medianValue`,
 * `ws.medianStake`, `ws.columnFill`). Runs as the `maskWeights` kernel.
 */
export function epochWeights(ws: FastEpochWorkspace, input: FastEpochInput): void {
  const n = ws.n;
  const { at, weights, sourceWeights: src } = ws;
  const commit = input.commitBlock;
  ws.kernels.maskWeights(
    n,
    Math.min(n, input.weights.rows),
    src.at.rowStart,
    src.at.col,
    src.at.value,
    weights.at.rowStart,
    weights.at.col,
    weights.at.value,
    at.permitUsed!,
    at.activeStake!,
    at.columnFill!,
    at.medianValue!,
    at.medianStake!,
    ws.voters,
    ws.medianStride,
    at.lastUpdate!,
    Math.min(n, input.lastUpdate.length),
    at.registered!,
    Math.min(n, input.blockAtRegistration.length),
    at.commitBlock!,
    commit === undefined ? -1 : Math.min(n, commit.length),
    input.ownerUid ?? -1,
    ws.latestRegistration,
  );
}
