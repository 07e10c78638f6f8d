/**
 * `set_children` (spec §6.5): a parent hotkey's owner schedules its children on a subnet. The change
 * takes effect at the subnet's first epoch after the cooldown.
 */
import { U64_MAX } from '../../fixed/index.ts';
import { MAX_CHILDREN, parentsOf } from '../../staking/childkeys.ts';
import { stakeWeightFloor, taoWeightU96 } from '../../staking/stakeWeight.ts';
import type { ChildLink } from '../../state/types.ts';
import { hotkey, netuid, ROOT_NETUID } from '../../types.ts';
import { type CallHandler, rejection } from '../context.ts';
import type { Extrinsic } from '../extrinsics.ts';

export const setChildren: CallHandler<Extrinsic & { call: 'set_children' }> = ({ draft, events }, ext) => {
  const id = netuid(ext.netuid);
  if (id === ROOT_NETUID)
    return rejection('RegistrationNotPermittedOnRootSubnet', 'netuid', 'root has no children');
  if (!draft.hasSubnet(id)) return rejection('SubnetNotExists', 'netuid', `no subnet ${ext.netuid}`);
  const parent = hotkey(ext.hotkey);
  if (draft.ownerOf(parent) !== ext.signer)
    return rejection('NonAssociatedColdKey', 'hotkey', 'is not owned by the signer');
  if (ext.children.length > MAX_CHILDREN) {
    return rejection('TooManyChildren', 'children', `at most ${MAX_CHILDREN} children per subnet`);
  }
  const subnet = draft.read(id);
  const seen = new Set<string>();
  let total = 0n;
  for (const [i, c] of ext.children.entries()) {
    if (c.child === ext.hotkey)
      return rejection('InvalidChild', `children[${i}].child`, 'a hotkey cannot be its own child');
    if (seen.has(c.child)) return rejection('DuplicateChild', `children[${i}].child`, 'appears twice');
    seen.add(c.child);
    if (c.proportion <= 0n || c.proportion > U64_MAX) {
      return rejection('InvalidChildkeyProportion', `children[${i}].proportion`, 'must be in 1..u64::MAX');
    }
    total += c.proportion;
    // No cycles: a child may not already be a parent of this hotkey.
    if (parentsOf(subnet, parent).some((p) => p.parent === c.child)) {
      return rejection('InvalidChild', `children[${i}].child`, 'is already a parent of this hotkey');
    }
  }
  if (total > U64_MAX) return rejection('ProportionOverflow', 'children', 'proportions sum above u64::MAX');
  const stake = stakeWeightFloor({
    subnet,
    root: draft.read(ROOT_NETUID),
    hotkey: parent,
    taoWeightU96: taoWeightU96(draft),
  });
  if (stake < subnet.epoch.stakeThreshold) {
    return rejection(
      'NotEnoughStakeToSetChildkeys',
      'hotkey',
      `stake weight ${stake} is below the threshold`,
    );
  }
  const children: ChildLink[] = ext.children.map((c) => ({
    proportion: c.proportion,
    child: hotkey(c.child),
  }));
  const applyAt = draft.block + draft.params.childkeyCooldown;
  const w = draft.write(id);
  w.pendingChildren = new Map(w.pendingChildren).set(parent, { children, applyAt });
  events.push({ type: 'ChildrenScheduled', netuid: id, hotkey: parent, applyAt });
  return null;
};
