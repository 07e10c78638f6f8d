/** The mechanisms' own identities, checked with the chain's (see `checkInvariants`). */
import type { ChainState } from '../state/types.ts';
import { vestingAlphaHeld } from './config.ts';
import { mechanismsOf } from './mechanismsOf.ts';

/** Per-mechanism identities: each credit sale's supply is fully accounted for; no escrow is negative. */
export function mechanismProblems(state: ChainState): string[] {
  const m = mechanismsOf(state);
  if (m === undefined) return [];
  const problems: string[] = [];
  for (const [id, sale] of m.sales) {
    let held = 0n;
    for (const v of sale.holders.values()) held += v;
    if (sale.supply - sale.sold + held + sale.redeemed !== sale.supply)
      problems.push(
        `credit sale ${id}: unsold + held ${held} + redeemed ${sale.redeemed} != supply ${sale.supply}`,
      );
    if (sale.sold > sale.supply) problems.push(`credit sale ${id}: sold above supply`);
  }
  for (const [id, c] of m.covenants) if (c.bond < 0n) problems.push(`covenant ${id}: bond negative`);
  for (const [id] of m.vesting) {
    if (vestingAlphaHeld(m, id) < 0n) problems.push(`vesting ${id}: escrow negative`);
    if (!state.subnets.has(id)) problems.push(`vesting ${id}: escrow of a removed subnet`);
  }
  return problems;
}
