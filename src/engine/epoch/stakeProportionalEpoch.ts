/**
 * A deliberately simple stand-in for Yuma Consensus, used until the exact epoch replaces it:
 * miners earn in proportion to the stake-weighted sum of the weights they receive (no median, no
 * clipping, no bonds), validators earn in proportion to their stake among permit holders. It keeps
 * the contract of `EpochFunction` (half to miners, half to validators, integer alpha, floors) so the
 * chain around it is exercised honestly; it is not the chain's algorithm.
 */
import { U16_MAX } from '../fixed/format.ts';
import type { SparseRow } from '../state/types.ts';
import type { EpochFunction, EpochInput, EpochOutput } from './types.ts';

function topK(stakes: readonly bigint[], k: number): boolean[] {
  const order = stakes.map((s, i) => [s, i] as const).filter(([s]) => s > 0n);
  order.sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] > b[0] ? -1 : 1));
  const permit = stakes.map(() => false);
  for (const [, i] of order.slice(0, k)) permit[i] = true;
  return permit;
}

function toU16(part: bigint, total: bigint): number {
  return total === 0n ? 0 : Number((part * U16_MAX) / total);
}

/** Stand-in epoch: stake-weighted weight sums for miners, stake shares for validators. */
export const stakeProportionalEpoch: EpochFunction = (input: EpochInput): EpochOutput => {
  const n = input.neurons.length;
  const cutoff = Math.max(1, Math.floor((input.params.activityCutoffFactorMilli * input.tempo) / 1000));
  const active = input.neurons.map((u) => u.lastUpdate + cutoff >= input.block);
  const permitNow = input.neurons.map((u, i) => u.validatorPermit || i === input.ownerUid);
  const stake: bigint[] = input.neurons.map((u, i) => (active[i] && permitNow[i] ? u.stake : 0n));
  const totalStake = stake.reduce((a, b) => a + b, 0n);

  // Ranks: sum over validators of stake_i * w_ij / rowsum_i, scaled to integers.
  const ranks = new Array<bigint>(n).fill(0n);
  input.weights.forEach((row: SparseRow, i) => {
    const s = stake[i] ?? 0n;
    const rowSum = row.reduce((acc, [, w]) => acc + BigInt(w), 0n);
    if (s === 0n || rowSum === 0n) return;
    for (const [j, w] of row) if (j < n) ranks[j] = ranks[j]! + (s * BigInt(w) * U16_MAX) / rowSum;
  });
  const totalRank = ranks.reduce((a, b) => a + b, 0n);

  const half = input.raoEmission / 2n;
  const anyRank = totalRank > 0n;
  const anyStake = totalStake > 0n;
  // With no ranks validators take everything; with no validator stake miners do (spec §4.10 fallbacks).
  const minerPot = !anyRank ? 0n : anyStake ? half : input.raoEmission;
  const validatorPot = input.raoEmission - minerPot;
  const serverEmission = ranks.map((r) => (anyRank ? (minerPot * r) / totalRank : 0n));
  const validatorEmission = stake.map((s) => (anyStake ? (validatorPot * s) / totalStake : 0n));

  const permits = topK(
    input.neurons.map((u) => u.stake),
    input.params.maxAllowedValidators,
  );
  if (input.ownerUid !== null && input.ownerUid < n) permits[input.ownerUid] = true;
  return {
    serverEmission,
    validatorEmission,
    incentive: ranks.map((r) => toU16(r, totalRank)),
    dividends: stake.map((s) => toU16(s, totalStake)),
    consensus: new Array<number>(n).fill(0),
    validatorTrust: new Array<number>(n).fill(0),
    validatorPermit: permits,
    active,
    bonds: input.bonds.map(() => []),
  };
};
