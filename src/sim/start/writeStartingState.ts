/** Write a starting-state file atomically: a temporary file in the same folder, then a rename. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SnapshotError } from './snapshotError.ts';
import type { StartingState } from './startingState.ts';

/**
 * Write `state` as indented JSON to `path`; a reader never sees half a file and a failed write leaves
 * nothing behind (a rename within one folder replaces the file in one step).
 * @example writeStartingState('scenarios/start/mainnet-2026-09-30.json', state)
 */
export function writeStartingState(path: string, state: StartingState, field = '--out'): void {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { flag: 'wx' });
    renameSync(temp, path);
  } catch (cause) {
    rmSync(temp, { force: true });
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new SnapshotError(
      'START_WRITE_FAILED',
      [
        {
          file: path,
          line: 0,
          column: '',
          message: `${field}: cannot write (${reason}); choose a writable path`,
        },
      ],
      { cause },
    );
  }
}
