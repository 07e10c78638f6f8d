/** `start_call`: the subnet owner starts emission (spec §9.2 step 7). */
import { netuid } from '../../types.ts';
import { type CallHandler, rejection } from '../context.ts';
import type { Extrinsic } from '../extrinsics.ts';

export const startCall: CallHandler<Extrinsic & { call: 'start_call' }> = ({ draft, events }, ext) => {
  const id = netuid(ext.netuid);
  if (id === 0 || !draft.hasSubnet(id))
    return rejection('SubnetNotExists', 'netuid', `no subnet ${ext.netuid}`);
  const subnet = draft.read(id);
  if (subnet.ownerColdkey !== ext.signer)
    return rejection('NotSubnetOwner', 'signer', 'is not the subnet owner');
  if (subnet.firstEmissionBlock !== null) {
    return rejection('FirstEmissionBlockNumberAlreadySet', 'netuid', 'emission has already started');
  }
  if (draft.block < subnet.registeredAt + draft.params.startCallDelay) {
    return rejection('NeedWaitingMoreBlocksToStarCall', 'netuid', 'wait for the start-call delay to pass');
  }
  const w = draft.write(id);
  w.firstEmissionBlock = draft.block + 1;
  w.subtokenEnabled = true;
  events.push({ type: 'FirstEmissionBlockNumberSet', netuid: id, block: draft.block + 1 });
  return null;
};
