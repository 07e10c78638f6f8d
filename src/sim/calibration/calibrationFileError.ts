/** The error thrown when a calibration file cannot be read or written: the field, what is wrong, the fix. */
import { TensormarketError } from '../../engine/errors.ts';

/**
 * `CALIBRATION_NOT_JSON`: the text is not JSON; `CALIBRATION_WRONG_FORMAT`: it is another kind of file;
 * `CALIBRATION_WRONG_VERSION`: a version this build does not read; `INVALID_CALIBRATION`: the content
 * breaks the schema (each problem in `issues`).
 */
export type CalibrationFileErrorCode =
  | 'CALIBRATION_NOT_JSON'
  | 'CALIBRATION_WRONG_FORMAT'
  | 'CALIBRATION_WRONG_VERSION'
  | 'INVALID_CALIBRATION';

/** One schema problem: where in the file (e.g. `parameters[2].sd`) and what is wrong. */
export interface CalibrationIssue {
  readonly path: string;
  readonly message: string;
}

/** A calibration file that cannot be used; the message starts with the field (the option or file named). */
export class CalibrationFileError extends TensormarketError {
  declare readonly code: CalibrationFileErrorCode;
  readonly field: string;
  readonly issues: readonly CalibrationIssue[];

  constructor(
    code: CalibrationFileErrorCode,
    field: string,
    message: string,
    options?: { issues?: readonly CalibrationIssue[]; cause?: unknown },
  ) {
    const issues = options?.issues ?? [];
    super(code, `${field}: ${message}`, {
      details: { field, issues },
      ...(options?.cause === undefined ? {} : { cause: options.cause }),
    });
    this.field = field;
    this.issues = issues;
  }
}
