/**
 * `add_stake_burn` (spec §10.2): buy alpha with TAO and burn it in one call, a subnet buyback.
 * Only the subnet owner may call it.
 */
import { coldkey, netuid, ROOT_NETUID } from '../../types.ts';
import { type CallHandler, rejection } from '../context.ts';
import type { Extrinsic } from '../extrinsics.ts';
import { buyAlpha } from '../poolOps.ts';
import { checkStakeTarget } from './checks.ts';

export const addStakeBurn: CallHandler<Extrinsic & { call: 'add_stake_burn' }> = ({ draft, events }, ext) => {
  const id = netuid(ext.netuid);
  if (id === ROOT_NETUID) return rejection('CannotBurnOrRecycleOnRootSubnet', 'netuid', 'root has no alpha');
  const target = checkStakeTarget(draft, id, ext.hotkey);
  if (target !== null) return target;
  const who = coldkey(ext.signer);
  if (draft.read(id).ownerColdkey !== who)
    return rejection('NotSubnetOwner', 'signer', 'is not the subnet owner');
  const min = draft.params.minStake;
  if (ext.amount < min) return rejection('AmountTooLow', 'amount', `must be at least ${min} rao`);
  const balance = draft.balance(who);
  if (balance < ext.amount)
    return rejection('NotEnoughBalanceToStake', 'amount', `exceeds the balance ${balance}`);
  const bought = buyAlpha(draft, id, ext.amount, { limitPrice: ext.limitPrice ?? null, allowPartial: false });
  if (!bought.ok) return bought.error;
  draft.setBalance(who, balance - bought.value.taoUsed);
  draft.write(id).burnedAlpha += bought.value.alphaOut;
  events.push({ type: 'AlphaBurned', netuid: id, coldkey: who, alpha: bought.value.alphaOut });
  return null;
};
