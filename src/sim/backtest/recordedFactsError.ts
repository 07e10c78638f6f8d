/** The error thrown when the recorded facts cannot be computed from the parsed files given. */
import { TensormarketError } from '../../engine/errors.ts';

/**
 * `UNDATED_SNAPSHOT`: the blocks file has no time for the chain-state block; `SNAPSHOT_MISMATCH`: the
 * roster and the chain-state rows describe different blocks; `NO_DATA`: an input has nothing a fact needs.
 */
export type RecordedFactsErrorCode = 'UNDATED_SNAPSHOT' | 'SNAPSHOT_MISMATCH' | 'NO_DATA';

/** Inputs the recorded facts cannot be computed from; the message names the input and the fix. */
export class RecordedFactsError extends TensormarketError {
  declare readonly code: RecordedFactsErrorCode;
  /** The input at fault: `roster`, `chainState`, `blocks` or `panel`. */
  readonly field: string;

  constructor(code: RecordedFactsErrorCode, field: string, message: string) {
    super(code, `${field}: ${message}`, { details: { field } });
    this.field = field;
  }
}
