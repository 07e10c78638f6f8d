/** The error thrown when a recorded price or issuance file cannot be read: every problem, each with file and line. */
import { TensormarketError } from '../../engine/errors.ts';
import { formatSnapshotProblem, type SnapshotProblem } from '../start/snapshotError.ts';

/** Which file has problems (nothing was read from it): the alpha price panel or the monthly issuance table. */
export type PriceDataErrorCode = 'INVALID_PRICE_PANEL' | 'INVALID_ISSUANCE_TABLE';

/** A price panel that cannot be read; the message lists one problem per line. */
export class PriceDataError extends TensormarketError {
  declare readonly code: PriceDataErrorCode;
  readonly problems: readonly SnapshotProblem[];

  constructor(code: PriceDataErrorCode, problems: readonly SnapshotProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(code, `${count}; the file was not read\n${problems.map(formatSnapshotProblem).join('\n')}`, {
      details: { problems },
    });
    this.problems = problems;
  }
}
