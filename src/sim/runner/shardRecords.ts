/**
 * A shard's run records on disk (`records.jsonl`): one JSON line per run in run-index order, in the
 * bit-exact form of runRecordJson, so a merge feeds the collectors the very records the whole run
 * would have. Written like runs.csv (buffered, synchronous) so the file is complete whenever closed.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { InputError } from '../../engine/errors.ts';
import { openBufferedTextFile } from '../collect/bufferedTextFile.ts';
import type { RunRecord } from '../collect/runRecord.ts';
import { runRecordFromJson, runRecordToJson } from '../collect/runRecordJson.ts';

/** The name of a shard's records file. */
export const SHARD_RECORDS_FILE = 'records.jsonl';

/** The starting state a shard ran from (a scenario with `start:`), kept for the merge. */
export const SHARD_START_FILE = 'start.json';

/** Streaming writer of a shard's records. */
export interface ShardRecordsWriter {
  write(record: RunRecord): void;
  /** Flush and close the file. */
  close(): void;
}

/**
 * Open `path` (truncating it) for records.
 * @example const w = createShardRecordsWriter('out/x/records.jsonl'); w.write(record); w.close()
 */
export function createShardRecordsWriter(path: string): ShardRecordsWriter {
  const file = openBufferedTextFile(path);
  return {
    write: (record) => file.append(`${JSON.stringify(runRecordToJson(record))}\n`),
    close: () => file.close(),
  };
}

/**
 * The records of `path` one by one, in file order; a line that is not a record is an InputError naming
 * the file and line (`<path> line 14`).
 * @example for await (const record of readShardRecords('out/x/records.jsonl')) collector.add(record)
 */
export async function* readShardRecords(path: string): AsyncGenerator<RunRecord> {
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      const where = `${path} line ${line}`;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (cause) {
        throw new InputError(
          where,
          'is not a JSON run record; the file is cut or altered: run this shard again',
          {
            cause,
          },
        );
      }
      yield runRecordFromJson(json, where);
    }
  } finally {
    lines.close();
  }
}
