/** The error raised for an amount in a request that is not a valid amount of TAO. */
import { TensormarketError } from '../../engine/errors.ts';

/**
 * `AMOUNT_INVALID`: not an amount at all (wrong type or format); `AMOUNT_TOO_PRECISE`: finer than 1 rao;
 * `AMOUNT_NEGATIVE`: below zero where only zero or more is allowed; `AMOUNT_OUT_OF_RANGE`: beyond a u64
 * of rao; `AMOUNT_MISMATCH`: `rao` and `tao` both given and different.
 */
export type AmountErrorCode =
  | 'AMOUNT_INVALID'
  | 'AMOUNT_TOO_PRECISE'
  | 'AMOUNT_NEGATIVE'
  | 'AMOUNT_OUT_OF_RANGE'
  | 'AMOUNT_MISMATCH';

/** An amount that cannot be read; names the field at fault and what to send instead. */
export class AmountError extends TensormarketError {
  declare readonly code: AmountErrorCode;
  /** Path of the offending input, e.g. `amount.tao`. */
  readonly field: string;
  /** What to send instead. */
  readonly fix: string;

  constructor(options: { code: AmountErrorCode; field: string; reason: string; fix: string }) {
    const { code, field, reason, fix } = options;
    super(code, `${field}: ${reason}; ${fix}`, { details: { field, fix } });
    this.field = field;
    this.fix = fix;
  }
}
