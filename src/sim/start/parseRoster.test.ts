import { describe, expect, it } from 'vitest';
import { parseRoster } from './parseRoster.ts';
import { formatSnapshotProblem, type SnapshotProblem } from './snapshotError.ts';

const HEADER =
  'netuid,subnet_uid,registered_block,registered_utc,first_emission_block,first_emission_utc,tempo,owner_coldkey,subnet_name';

function read(...lines: string[]) {
  const problems: SnapshotProblem[] = [];
  const roster = parseRoster({ file: 'r.csv', text: [HEADER, ...lines].join('\n'), problems });
  return { rows: roster.rows, problems: problems.map(formatSnapshotProblem) };
}

describe('parseRoster', () => {
  it('reads registration and first emission as blocks and UTC times (null while not emitting)', () => {
    const { rows, problems } = read(
      '1,1-100,100,2025-12-17 17:51:00,700,2025-12-18 11:51:00,360,5Fkey,Apex',
      '2,2-200,200,2026-09-26 23:34:24,,,360,5Fkey,',
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.registeredUtc, r.firstEmissionBlock, r.firstEmissionUtc, r.name])).toEqual([
      ['2025-12-17T17:51:00Z', 700, '2025-12-18T11:51:00Z', 'Apex'],
      ['2026-09-26T23:34:24Z', null, null, null],
    ]);
  });

  it('wants the first emission time exactly when the block is given, and not before registration', () => {
    expect(
      read(
        '1,1-100,100,2025-12-17 17:51:00,700,,360,5Fkey,a',
        '2,2-100,100,2025-12-17 17:51:00,700,2025-12-16 00:00:00,360,5Fkey,b',
      ).problems,
    ).toEqual([
      'r.csv:2: first_emission_utc: is empty but first_emission_block is set; fill both or leave both empty',
      'r.csv:3: first_emission_utc: 2025-12-16T00:00:00Z is before registered_utc 2025-12-17T17:51:00Z; check both times',
    ]);
  });
});
