/** The error thrown when a recorded alpha price panel cannot be read: every problem, each with file and line. */
import { TensormarketError } from '../../engine/errors.ts';
import { formatSnapshotProblem, type SnapshotProblem } from '../start/snapshotError.ts';

/** `INVALID_PRICE_PANEL`: the file has problems (nothing was read from it). */
export type PriceDataErrorCode = 'INVALID_PRICE_PANEL';

/** A price panel that cannot be read; the message lists one problem per line. */
export class PriceDataError extends TensormarketError {
  declare readonly code: PriceDataErrorCode;
  readonly problems: readonly SnapshotProblem[];

  constructor(code: PriceDataErrorCode, problems: readonly SnapshotProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(code, `${count}; the panel was not read\n${problems.map(formatSnapshotProblem).join('\n')}`, {
      details: { problems },
    });
    this.problems = problems;
  }
}
