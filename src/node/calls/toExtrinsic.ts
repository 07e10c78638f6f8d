/**
 * A signed envelope's call as the engine's extrinsic: the call named, its arguments checked against
 * {@link CALL_ARGS}, the envelope's signer as the extrinsic's signer. Bad arguments give a typed
 * `TransactionError` (MALFORMED) naming the argument, e.g. `call.args.amount`.
 */
import type { CallName, Extrinsic } from '../../engine/chain/extrinsics.ts';
import type { Envelope } from '../../sdk/tx/envelope.ts';
import { TransactionError } from '../../sdk/tx/transactionError.ts';
import { CALL_ARGS } from './callArgs.ts';

/** The calls a signed envelope may carry. */
export const SIGNED_CALLS = Object.keys(CALL_ARGS) as readonly CallName[];

/**
 * The engine extrinsic an envelope asks for; throws a TransactionError naming the field on bad input.
 * @example toExtrinsic(envelope) // { call: 'transfer', signer: '5Grw…', dest: '5FHn…', amount: 1000000000n }
 */
export function toExtrinsic(envelope: Pick<Envelope, 'call' | 'signer'>): Extrinsic {
  const name = envelope.call.name;
  if (!Object.hasOwn(CALL_ARGS, name))
    throw new TransactionError(
      'MALFORMED',
      'call.name',
      `no call "${name}"; calls: ${SIGNED_CALLS.join(', ')}`,
    );
  const parsed = CALL_ARGS[name as CallName].safeParse(envelope.call.args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = ['call', 'args', ...issue.path.map(String)].join('.');
    throw new TransactionError('MALFORMED', path, issue.message);
  }
  return { call: name, signer: envelope.signer, ...parsed.data } as Extrinsic;
}
