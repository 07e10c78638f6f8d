/** `transfer`: move free TAO between coldkeys. */
import { coldkey } from '../../types.ts';
import { type CallHandler, rejection } from '../context.ts';
import type { Extrinsic } from '../extrinsics.ts';

export const transfer: CallHandler<Extrinsic & { call: 'transfer' }> = ({ draft, events }, ext) => {
  if (ext.amount <= 0n) return rejection('AmountZero', 'amount', 'must be a positive number of rao');
  const from = coldkey(ext.signer);
  const to = coldkey(ext.dest);
  const balance = draft.balance(from);
  if (balance < ext.amount) {
    return rejection(
      'NotEnoughBalance',
      'amount',
      `exceeds the free balance ${balance} rao of ${ext.signer}`,
    );
  }
  draft.setBalance(from, balance - ext.amount);
  draft.credit(to, ext.amount);
  events.push({ type: 'Transfer', from: ext.signer, to: ext.dest, amount: ext.amount });
  return null;
};
