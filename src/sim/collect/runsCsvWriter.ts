/**
 * `runs.csv` streamed to disk: one row per run in run-index order (run, status, every outcome, every
 * event, error message). Rows are buffered in 64 KiB chunks and written synchronously, so the file is
 * complete and ordered whenever the writer is closed, even after an interrupted experiment.
 */
import type { ModelShape } from '../contract/types.ts';
import { openBufferedTextFile } from './bufferedTextFile.ts';
import { csvField as field } from './csvField.ts';
import type { RunRecord } from './runRecord.ts';

/** Streaming writer of runs.csv. */
export interface RunsCsvWriter {
  write(record: RunRecord): void;
  /** Flush and close the file. */
  close(): void;
}

/**
 * Open `path` (truncating it) and write the header for `shape`.
 * @example const w = createRunsCsvWriter({ path: 'out/x/runs.csv', shape }); w.write(record); w.close()
 */
export function createRunsCsvWriter({ path, shape }: { path: string; shape: ModelShape }): RunsCsvWriter {
  const file = openBufferedTextFile(path);
  const blanks = ','.repeat(shape.outcomes.length + shape.events.length);
  file.append(
    `${['run', 'status', ...shape.outcomes.map((m) => m.key), ...shape.events.map((m) => m.key), 'error'].map(field).join(',')}\n`,
  );
  return {
    write(record) {
      if (record.ok) {
        // join() writes numbers in their shortest round-trip form: exact, and the same bytes everywhere.
        const cells = [record.runIndex, 'ok', ...record.output.outcomes, ...record.output.events, ''];
        file.append(`${cells.join(',')}\n`);
      } else {
        file.append(`${record.runIndex},error${blanks},${field(record.message)}\n`);
      }
    },
    close: () => file.close(),
  };
}
