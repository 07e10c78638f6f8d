/**
 * A stake order refused for slippage: the price would move more than `--tolerance` allows, seen in a
 * quote before sending (a move) or by the chain at the limit price (add, remove).
 */
import { TensormarketError } from '../engine/errors.ts';

/** The chain's own code for a limit price that stops an order, so both refusals read alike. */
export type SlippageErrorCode = 'SlippageTooHigh';

/** An order the tolerance does not allow; `field` is the option to change. */
export class SlippageError extends TensormarketError {
  declare readonly code: SlippageErrorCode;
  readonly field = '--tolerance';

  constructor(message: string, details: Record<string, unknown>, options?: { cause?: unknown }) {
    super('SlippageTooHigh', message, {
      details: { ...details, field: '--tolerance' },
      ...(options?.cause === undefined ? {} : { cause: options.cause }),
    });
  }
}
