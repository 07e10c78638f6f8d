/** Why the node refuses a submission before journalling it (an envelope's own faults are TransactionErrors). */
import { TensormarketError } from '../engine/errors.ts';

/**
 * `STALE_NONCE`: the nonce was used already; `NONCE_GAP`: the nonce skips some (send them in order);
 * `MEMPOOL_FULL`: the node holds as many pending transactions as it takes; `DUPLICATE`: the same envelope
 * was submitted before.
 */
export type SubmissionErrorCode = 'STALE_NONCE' | 'NONCE_GAP' | 'MEMPOOL_FULL' | 'DUPLICATE';

/** A submission the node refuses, with the field at fault (`nonce`, or `envelope`). */
export class SubmissionError extends TensormarketError {
  declare readonly code: SubmissionErrorCode;
  readonly field: string;

  constructor(code: SubmissionErrorCode, field: string, message: string) {
    super(code, `${field}: ${message}`);
    this.field = field;
  }
}
