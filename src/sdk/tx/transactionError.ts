/** The error of a transaction envelope that is refused: what is wrong and which field. */
import { TensormarketError } from '../../engine/errors.ts';

/**
 * `MALFORMED`: a field is missing, of the wrong type or shape (the field is named); `WRONG_GENESIS`: the
 * envelope is for another chain; `NOT_YET_VALID`: the block is before `era.from`; `EXPIRED`: the block is
 * at or past `era.from + era.period`; `BAD_SIGNATURE`: the signature is not the signer's over the payload.
 */
export type TransactionErrorCode =
  | 'MALFORMED'
  | 'WRONG_GENESIS'
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'BAD_SIGNATURE';

/** A refused envelope. Returned by the checks (usable as a rejection) and thrown by the signer. */
export class TransactionError extends TensormarketError {
  declare readonly code: TransactionErrorCode;
  /** Dotted path of the field at fault, e.g. `era.period` or `call.args.amount`. */
  readonly field: string;

  constructor(code: TransactionErrorCode, field: string, message: string, options?: { cause?: unknown }) {
    super(code, `${field}: ${message}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.field = field;
  }
}
