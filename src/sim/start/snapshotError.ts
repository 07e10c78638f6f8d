/** The error thrown when chain snapshot files cannot be imported: every problem, each with file and line. */
import { TensormarketError } from '../../engine/errors.ts';

/** One problem of an input file: where it is and what is wrong, with the fix. */
export interface SnapshotProblem {
  /** The file as the user named it. */
  readonly file: string;
  /** 1-based line (the header is line 1); 0 for the file as a whole. */
  readonly line: number;
  /** The column (CSV header name) at fault, empty for the whole record or file. */
  readonly column: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/**
 * `INVALID_SNAPSHOT`: the files have problems (nothing was written); `SNAPSHOT_UNREADABLE`: a file
 * cannot be read; `START_WRITE_FAILED`: the starting-state file could not be written.
 */
export type SnapshotErrorCode = 'INVALID_SNAPSHOT' | 'SNAPSHOT_UNREADABLE' | 'START_WRITE_FAILED';

/**
 * `file:line: column: message`, the form editors and terminals link to.
 * @example formatSnapshotProblem(p) // 'chain_state_2026.csv:12: alpha_issued: expected a number >= 0, got "x"; ...'
 */
export function formatSnapshotProblem(p: SnapshotProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
  return p.column === '' ? `${where}: ${p.message}` : `${where}: ${p.column}: ${p.message}`;
}

/** Snapshot files that cannot be imported; the message lists one problem per line. */
export class SnapshotError extends TensormarketError {
  declare readonly code: SnapshotErrorCode;
  readonly problems: readonly SnapshotProblem[];

  constructor(code: SnapshotErrorCode, problems: readonly SnapshotProblem[], options?: { cause?: unknown }) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(code, `${count}; nothing was written\n${problems.map(formatSnapshotProblem).join('\n')}`, {
      details: { problems },
      ...(options?.cause === undefined ? {} : { cause: options.cause }),
    });
    this.problems = problems;
  }
}
