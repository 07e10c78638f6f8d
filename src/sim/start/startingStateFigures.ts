/** The headline figures of a starting state, as the import prints them and tests check them. */
import type { StartingState } from './startingState.ts';

/** Aggregate figures of the recorded subnets (alpha in alpha; shares of all alpha issued). */
export interface StartingStateFigures {
  readonly subnets: number;
  /** Subnets not yet emitting (startup mode). */
  readonly notStarted: number;
  readonly alphaIssuedTotal: number;
  readonly alphaIssuedMedian: number;
  readonly inPoolShare: number;
  readonly stakedByWalletsShare: number;
  readonly protocolOwnedShare: number;
  readonly burnedShare: number;
  readonly validatorsMedian: number;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Count, medians and the aggregate split of alpha over the state's subnets.
 * @example startingStateFigures(state).burnedShare // 0.1527 for the 2026-09-30 snapshot
 */
export function startingStateFigures(state: StartingState): StartingStateFigures {
  const s = state.subnets;
  const sum = (f: (x: (typeof s)[number]) => number) => s.reduce((acc, x) => acc + f(x), 0);
  const total = sum((x) => x.alphaIssued);
  return {
    subnets: s.length,
    notStarted: s.filter((x) => x.flags.startupMode).length,
    alphaIssuedTotal: total,
    alphaIssuedMedian: median(s.map((x) => x.alphaIssued)),
    inPoolShare: sum((x) => x.alphaInPool) / total,
    stakedByWalletsShare: sum((x) => x.alphaStakedByWallets) / total,
    protocolOwnedShare: sum((x) => x.alphaProtocolOwned) / total,
    burnedShare: sum((x) => x.alphaBurned) / total,
    validatorsMedian: median(s.map((x) => x.validators)),
  };
}
