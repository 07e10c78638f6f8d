/** Checks shared by the calls. */
import type { Draft } from '../../state/draft.ts';
import { hotkey, type NetUid, ROOT_NETUID } from '../../types.ts';
import { type ChainRejection, rejection } from '../context.ts';

/** The subnet exists and trades, and the hotkey exists (has an owner). */
export function checkStakeTarget(
  draft: Draft,
  id: NetUid,
  hk: string,
  field = 'hotkey',
): ChainRejection | null {
  if (!draft.hasSubnet(id)) return rejection('SubnetNotExists', 'netuid', `no subnet ${id}`);
  if (id !== ROOT_NETUID && !draft.read(id).subtokenEnabled) {
    return rejection('SubtokenDisabled', 'netuid', `subnet ${id} has not started trading (start_call)`);
  }
  if (draft.ownerOf(hotkey(hk)) === undefined) {
    return rejection('HotKeyAccountNotExists', field, `hotkey ${hk} is not registered anywhere`);
  }
  return null;
}

/** The netuid names a subnet other than root (the calls on one subnet's neurons and weights). */
export function checkNonRootSubnet(draft: Draft, id: NetUid): ChainRejection | null {
  if (id === ROOT_NETUID || !draft.hasSubnet(id))
    return rejection('SubnetNotExists', 'netuid', `no subnet ${id}`);
  return null;
}
