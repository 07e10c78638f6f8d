/** The blocks file (`blocks_2026.csv`): block timestamps, used to date the snapshot block. */
import { csvTable } from './csvTable.ts';
import { rowReader } from './rowReader.ts';
import type { SnapshotProblem } from './snapshotError.ts';

/** The columns of the blocks file the import reads. */
export const BLOCKS_COLUMNS = ['block', 'utc'] as const;

/** Block timestamps (ISO 8601, UTC) by block number, and where each was read. */
export interface BlockDates {
  readonly dates: ReadonlyMap<number, string>;
  readonly recordCount: number;
}

/**
 * Check every row of a blocks file and return its timestamps; each problem goes to `problems`.
 * @example parseBlocks({ file, text, problems }).dates.get(9_184_186) // '2026-09-30T23:59:48Z'
 */
export function parseBlocks(args: { file: string; text: string; problems: SnapshotProblem[] }): BlockDates {
  const { file, text, problems } = args;
  const table = csvTable({ file, text, columns: BLOCKS_COLUMNS, example: 'blocks_2026.csv', problems });
  const dates = new Map<number, string>();
  if (!table.usable) return { dates, recordCount: table.recordCount };
  for (const { line, fields } of table.rows) {
    const r = rowReader({ file, line, header: table.header, fields, problems });
    const block = r.int('block', { min: 0 });
    const utc = r.utc('utc');
    if (r.ok('block', 'utc')) dates.set(block, utc);
  }
  return { dates, recordCount: table.recordCount };
}
