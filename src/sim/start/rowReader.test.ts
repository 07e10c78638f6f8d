import { describe, expect, it } from 'vitest';
import { rowReader } from './rowReader.ts';
import { formatSnapshotProblem, type SnapshotProblem } from './snapshotError.ts';

const header = ['at', 'maybe'];

/** Read both columns of one record as UTC times; the values and the problems. */
function readTimes(at: string, maybe: string): { values: unknown[]; problems: string[] } {
  const problems: SnapshotProblem[] = [];
  const r = rowReader({ file: 'f.csv', line: 2, header, fields: [at, maybe], problems });
  const values = [r.utc('at'), r.utc('maybe', { nullable: true })];
  return { values, problems: problems.map(formatSnapshotProblem) };
}

describe('rowReader.utc', () => {
  it('reads YYYY-MM-DD HH:MM:SS as ISO 8601 and an empty optional cell as null', () => {
    expect(readTimes('2026-09-30 23:59:48', '')).toEqual({
      values: ['2026-09-30T23:59:48Z', null],
      problems: [],
    });
  });

  it('refuses other forms, times that do not exist and an empty required cell', () => {
    expect(readTimes('2026-02-30 00:00:00', '2026-09-30T23:59:48Z').problems).toEqual([
      'f.csv:2: at: expected a UTC time YYYY-MM-DD HH:MM:SS, got "2026-02-30 00:00:00"; write it in that form',
      'f.csv:2: maybe: expected a UTC time YYYY-MM-DD HH:MM:SS, got "2026-09-30T23:59:48Z"; write it in that form',
    ]);
    expect(readTimes('', '2026-09-30 24:00:00').problems).toEqual([
      'f.csv:2: at: expected a UTC time YYYY-MM-DD HH:MM:SS, got ""; write it in that form',
      'f.csv:2: maybe: expected a UTC time YYYY-MM-DD HH:MM:SS, got "2026-09-30 24:00:00"; write it in that form',
    ]);
  });
});
