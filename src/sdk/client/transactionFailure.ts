/** A transaction that settled without applying: the chain's reason, as a typed error to throw. */
import { TensormarketError } from '../../engine/errors.ts';
import type { RejectionView } from './rpcResults.ts';
import type { TransactionOutcome } from './transactionOutcome.ts';

/**
 * `TRANSACTION_FAILED`: included but refused by the chain (its nonce is used); `TRANSACTION_REJECTED`:
 * dropped before a block. `reason` carries the chain's own code (e.g. `NotEnoughBalance`) and field.
 */
export type TransactionFailureCode = 'TRANSACTION_FAILED' | 'TRANSACTION_REJECTED';

/** A settled transaction that did not apply. */
export class TransactionFailure extends TensormarketError {
  declare readonly code: TransactionFailureCode;
  /** The chain's reason: its stable code, message and the call argument at fault. */
  readonly reason: RejectionView;
  /** The submission id. */
  readonly id: string;
  /** The block that settled it. */
  readonly block: number;

  constructor(outcome: Extract<TransactionOutcome, { status: 'failed' | 'rejected' }>) {
    const code = outcome.status === 'failed' ? 'TRANSACTION_FAILED' : 'TRANSACTION_REJECTED';
    super(
      code,
      `${outcome.status === 'failed' ? 'included in' : 'dropped before'} block ${outcome.block} and not applied: [${outcome.error.code}] ${outcome.error.message}`,
      { details: { reason: outcome.error, id: outcome.id, block: outcome.block } },
    );
    this.reason = outcome.error;
    this.id = outcome.id;
    this.block = outcome.block;
  }
}

/**
 * The outcome when it is `included`; otherwise throws {@link TransactionFailure}.
 * @example const { block } = expectIncluded(await client.submitAndWait(envelope));
 */
export function expectIncluded(
  outcome: TransactionOutcome,
): Extract<TransactionOutcome, { status: 'included' }> {
  if (outcome.status !== 'included') throw new TransactionFailure(outcome);
  return outcome;
}
