/** The error thrown when the values handed to a backtest summary do not fit together. */
import { TensormarketError } from '../../engine/errors.ts';

/**
 * `BACKTEST_DATES`: dates not strictly increasing YYYY-MM-DD; `BACKTEST_SHAPE`: a count or array length
 * that does not match; `BACKTEST_METRIC`: a metric unknown or given twice; `BACKTEST_WINDOW`: a window
 * with bad dates.
 */
export type BacktestInputErrorCode =
  | 'BACKTEST_DATES'
  | 'BACKTEST_SHAPE'
  | 'BACKTEST_METRIC'
  | 'BACKTEST_WINDOW';

/** Backtest input that cannot be summarized; the message names the field and the fix. */
export class BacktestInputError extends TensormarketError {
  declare readonly code: BacktestInputErrorCode;
  readonly field: string;

  constructor(code: BacktestInputErrorCode, field: string, message: string) {
    super(code, `${field}: ${message}`, { details: { field } });
    this.field = field;
  }
}
