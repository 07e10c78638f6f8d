/**
 * `recycle_alpha` and `burn_alpha` (spec §10.2): a coldkey destroys alpha from its position. Recycling
 * lowers AlphaOut (the subnet's issuance falls, so its future emission rises); burning destroys the
 * tokens but keeps the issuance counter.
 */
import { coldkey, hotkey, netuid, ROOT_NETUID } from '../../types.ts';
import { type CallContext, type CallHandler, type ChainRejection, rejection } from '../context.ts';
import type { Extrinsic } from '../extrinsics.ts';
import { debitStake, positionOf } from '../stakeOps.ts';
import { checkStakeTarget } from './checks.ts';

function destroy(
  { draft, events }: CallContext,
  ext: { signer: string; hotkey: string; netuid: number; amount: bigint },
  mode: 'recycle' | 'burn',
): ChainRejection | null {
  const id = netuid(ext.netuid);
  if (id === ROOT_NETUID) return rejection('CannotBurnOrRecycleOnRootSubnet', 'netuid', 'root stake is TAO');
  const target = checkStakeTarget(draft, id, ext.hotkey);
  if (target !== null) return target;
  if (ext.amount <= 0n) return rejection('AmountTooLow', 'amount', 'must be a positive amount of alpha');
  const who = coldkey(ext.signer);
  const hk = hotkey(ext.hotkey);
  const position = positionOf(draft, { netuid: id, hotkey: hk, coldkey: who });
  if (position < ext.amount) {
    return rejection(
      'NotEnoughStakeToWithdraw',
      'amount',
      `exceeds the position ${position} on ${ext.hotkey}`,
    );
  }
  debitStake(draft, { netuid: id, hotkey: hk, coldkey: who, amount: ext.amount });
  const subnet = draft.write(id);
  if (mode === 'recycle') {
    subnet.alphaOut -= ext.amount;
    events.push({ type: 'AlphaRecycled', netuid: id, coldkey: who, alpha: ext.amount });
  } else {
    subnet.burnedAlpha += ext.amount;
    events.push({ type: 'AlphaBurned', netuid: id, coldkey: who, alpha: ext.amount });
  }
  return null;
}

export const recycleAlpha: CallHandler<Extrinsic & { call: 'recycle_alpha' }> = (ctx, ext) =>
  destroy(ctx, ext, 'recycle');

export const burnAlpha: CallHandler<Extrinsic & { call: 'burn_alpha' }> = (ctx, ext) =>
  destroy(ctx, ext, 'burn');
