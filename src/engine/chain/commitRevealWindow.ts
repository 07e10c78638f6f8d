/**
 * When a weights commit may be revealed (spec §7.4, §10.6). Time is counted in the subnet's epochs
 * (`SubnetEpochIndex`), not blocks: a commit made in epoch e is revealable while the current epoch is
 * e + commitRevealPeriod and expires once it is past that.
 */
import { shouldRunEpoch } from '../coinbase/epochSchedule.ts';
import type { SubnetState, WeightCommit } from '../state/types.ts';

/** How many unrevealed commits one hotkey may hold on a subnet (the chain's bound). */
export const MAX_UNREVEALED_COMMITS = 10;

/**
 * The epoch a commit or reveal at `block` belongs to: the epoch index, plus one when an epoch is still
 * due this block (`current_epoch_with_lookahead`; e.g. a subnet whose epoch was deferred by the per-block cap).
 */
export function currentCommitEpoch(subnet: SubnetState, block: number): number {
  return subnet.epochIndex + (shouldRunEpoch(subnet, block) ? 1 : 0);
}

/** Where a commit stands at `block`: before its reveal epoch, in it, or past it. */
export function commitWindow(
  subnet: SubnetState,
  commit: WeightCommit,
  block: number,
): 'early' | 'open' | 'expired' {
  const now = currentCommitEpoch(subnet, block);
  const revealAt = commit.epoch + subnet.commitRevealPeriod;
  return now < revealAt ? 'early' : now === revealAt ? 'open' : 'expired';
}

/** A hotkey's commits without the expired ones at the front (the chain drops them before each commit and reveal). */
export function dropExpired(
  subnet: SubnetState,
  commits: readonly WeightCommit[],
  block: number,
): { live: readonly WeightCommit[]; expired: readonly WeightCommit[] } {
  let i = 0;
  while (i < commits.length && commitWindow(subnet, commits[i]!, block) === 'expired') i++;
  return { live: commits.slice(i), expired: commits.slice(0, i) };
}

/**
 * The epoch's commit-reveal mask input (spec §7.1): per UID, the block of its hotkey's earliest unexpired
 * commit (null = none), or undefined when the subnet has commit-reveal off.
 */
export function commitBlocks(subnet: SubnetState, block: number): (number | null)[] | undefined {
  if (!subnet.commitRevealEnabled) return undefined;
  return subnet.neurons.map((n) => {
    const { live } = dropExpired(subnet, subnet.weightCommits.get(n.hotkey) ?? [], block);
    return live[0]?.block ?? null;
  });
}
