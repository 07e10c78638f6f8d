/**
 * A signed envelope's call as the engine's extrinsic: the call named (one of the chain's or of the
 * binding mechanisms'), its arguments checked against {@link CALL_ARGS} or {@link MECHANISM_CALL_ARGS},
 * the envelope's signer as the extrinsic's signer. Bad arguments give a typed `TransactionError`
 * (MALFORMED) naming the argument, e.g. `call.args.amount`.
 */
import type { MechanismChainExtrinsic } from '../../engine/mechanisms/extrinsics.ts';
import type { Envelope } from '../tx/envelope.ts';
import { TransactionError } from '../tx/transactionError.ts';
import { CALL_ARGS } from './callArgs.ts';
import { MECHANISM_CALL_ARGS } from './mechanismCallArgs.ts';

const SIGNED_CALL_ARGS = { ...CALL_ARGS, ...MECHANISM_CALL_ARGS };

/** A call a signed envelope may carry. */
export type SignedCallName = keyof typeof SIGNED_CALL_ARGS;

/** The calls a signed envelope may carry. */
export const SIGNED_CALLS = Object.keys(SIGNED_CALL_ARGS) as readonly SignedCallName[];

/**
 * The engine extrinsic an envelope asks for; throws a TransactionError naming the field on bad input.
 * @example toExtrinsic(envelope) // { call: 'transfer', signer: '5Grw…', dest: '5FHn…', amount: 1000000000n }
 */
export function toExtrinsic(envelope: Pick<Envelope, 'call' | 'signer'>): MechanismChainExtrinsic {
  const name = envelope.call.name;
  if (!Object.hasOwn(SIGNED_CALL_ARGS, name))
    throw new TransactionError(
      'MALFORMED',
      'call.name',
      `no call "${name}"; calls: ${SIGNED_CALLS.join(', ')}`,
    );
  const parsed = SIGNED_CALL_ARGS[name as SignedCallName].safeParse(envelope.call.args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = ['call', 'args', ...issue.path.map(String)].join('.');
    throw new TransactionError('MALFORMED', path, issue.message);
  }
  return { call: name, signer: envelope.signer, ...parsed.data } as MechanismChainExtrinsic;
}
