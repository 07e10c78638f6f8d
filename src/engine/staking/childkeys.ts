/**
 * Childkeys (spec §6.5): a parent hotkey lends a proportion of its stake weight on a subnet to child
 * hotkeys, and receives a matching share of their dividends. Proportions are u64 parts of u64::MAX.
 */
import { inheritedStake } from '../coinbase/dividends.ts';
import type { ChildLink, SubnetState } from '../state/types.ts';
import type { Hotkey } from '../types.ts';

/** Most children one parent may have on a subnet. */
export const MAX_CHILDREN = 5;

/** A hotkey's parents on a subnet with the proportion each gives it, in parent order. */
export function parentsOf(subnet: SubnetState, hk: Hotkey): { parent: Hotkey; proportion: bigint }[] {
  const out: { parent: Hotkey; proportion: bigint }[] = [];
  for (const [parent, links] of subnet.children) {
    for (const link of links) if (link.child === hk) out.push({ parent, proportion: link.proportion });
  }
  return out;
}

/** Proportions a hotkey gives to its children on a subnet. */
export function childProportions(subnet: SubnetState, hk: Hotkey): bigint[] {
  return (subnet.children.get(hk) ?? []).map((l: ChildLink) => l.proportion);
}

/**
 * Inherited stake of a hotkey on a subnet: own stake minus what it lends to children plus what its
 * parents lend it, for alpha on the subnet and for TAO on root (own root stake only, no grandparents).
 */
export function inheritedStakes(args: { subnet: SubnetState; root: SubnetState; hotkey: Hotkey }): {
  alpha: bigint;
  root: bigint;
} {
  const { subnet, root, hotkey } = args;
  const parents = parentsOf(subnet, hotkey);
  const children = childProportions(subnet, hotkey);
  const own = (s: SubnetState, hk: Hotkey) => s.stakes.get(hk)?.value ?? 0n;
  if (parents.length === 0 && children.length === 0)
    return { alpha: own(subnet, hotkey), root: own(root, hotkey) };
  return {
    alpha: inheritedStake({
      own: own(subnet, hotkey),
      childProportions: children,
      parents: parents.map((p) => ({ stake: own(subnet, p.parent), proportion: p.proportion })),
    }),
    root: inheritedStake({
      own: own(root, hotkey),
      childProportions: children,
      parents: parents.map((p) => ({ stake: own(root, p.parent), proportion: p.proportion })),
    }),
  };
}
