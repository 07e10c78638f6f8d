/** The error raised when the output folder cannot be created or written, before or during a run. */
import { TensormarketError } from '../../engine/errors.ts';

/** `OUT_DIR_UNUSABLE`: checked before any run starts; `OUT_DIR_WRITE_FAILED`: a later write failed. */
export type OutputDirErrorCode = 'OUT_DIR_UNUSABLE' | 'OUT_DIR_WRITE_FAILED';

/** An output folder that cannot be used; the message names the option or field that chose it. */
export class OutputDirError extends TensormarketError {
  declare readonly code: OutputDirErrorCode;
  /** How the caller named the folder, e.g. `--out` on the command line. */
  readonly field: string;
  readonly dir: string;

  constructor(options: {
    code: OutputDirErrorCode;
    field: string;
    dir: string;
    reason: string;
    cause?: unknown;
  }) {
    const { code, field, dir, reason, cause } = options;
    const what = code === 'OUT_DIR_UNUSABLE' ? 'cannot create or write' : 'could not write to';
    super(
      code,
      `${field}: ${what} the output folder ${dir} (${reason}); choose a folder that can be created and written`,
      { details: { field, dir }, cause },
    );
    this.field = field;
    this.dir = dir;
  }
}

/** A Node file-system error (it carries an errno `code` and the failing `syscall`). */
function isFsError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

/**
 * Run a write into the output folder; a file-system failure becomes an {@link OutputDirError}
 * (`OUT_DIR_WRITE_FAILED`), anything else is rethrown as is.
 * @example guardOutputWrite({ dir, field: '--out' }, () => writeFileSync(join(dir, 'a.json'), text))
 */
export function guardOutputWrite<T>(where: { dir: string; field: string }, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw asOutputWriteError(where, error);
  }
}

/** The error to surface for a failed write into the output folder (see {@link guardOutputWrite}). */
export function asOutputWriteError(where: { dir: string; field: string }, error: unknown): unknown {
  if (!isFsError(error)) return error;
  return new OutputDirError({ code: 'OUT_DIR_WRITE_FAILED', ...where, reason: error.message, cause: error });
}
