import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SnapshotProblem } from '../start/snapshotError.ts';
import { parseTaoMonthly } from './parseTaoMonthly.ts';
import { PriceDataError } from './priceDataError.ts';

/** The recorded files, beside the project (`../shared/data`). */
const DATA = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data');
const FILE = 'tao_monthly_2021_2025.csv';

/** The real file's layout: a row of empty fields before the header, numbers with thousands separators. */
const LEAD = ',,,,,,,,,';
const HEADER =
  'Month,Monthcount in analysis,250000,daily issuance,cumulative,relative,price,$rewards,rewards in BTC,nodes';
const row = (month: string, cumulative: string) => `${month},,"223,200",7200,${cumulative},1.06%,,,,`;
const table = (...lines: string[]) => [LEAD, HEADER, ...lines].join('\r\n');

/** The problems a refused table lists (fails the test when the table is read). */
const problemsOf = (text: string): { code: string; problems: readonly SnapshotProblem[] } => {
  try {
    parseTaoMonthly({ file: 'm.csv', text });
  } catch (e) {
    if (e instanceof PriceDataError) return { code: e.code, problems: e.problems };
    throw e;
  }
  throw new Error('expected the table to be refused');
};

describe('the monthly TAO issuance table', () => {
  const real = parseTaoMonthly({ file: FILE, text: readFileSync(resolve(DATA, FILE), 'utf8') });

  it('reads the real file to 2025-01, 8,383,490 TAO, months in order', () => {
    expect(real.months.at(-1)).toEqual({ month: '2025-01', cumulativeTao: 8_383_490 });
    expect(real.months[0]).toEqual({ month: '2021-11', cumulativeTao: 314_800 });
    const months = real.months.map((m) => m.month);
    expect(months).toEqual([...months].sort());
    expect(new Set(months).size).toBe(months.length);
    // One row per calendar month, none skipped: 2021-11 to 2025-01.
    expect(months).toHaveLength(39);
    for (let k = 1; k < real.months.length; k++)
      expect(real.months[k]!.cumulativeTao).toBeGreaterThan(real.months[k - 1]!.cumulativeTao);
  });

  it('removes thousands separators and skips rows of empty fields', () => {
    const read = parseTaoMonthly({
      file: 'm.csv',
      text: table(row('11/2021', '"314,800"'), LEAD, row('12/2021', '"538,000.5"')),
    });
    expect(read.months).toEqual([
      { month: '2021-11', cumulativeTao: 314_800 },
      { month: '2021-12', cumulativeTao: 538_000.5 },
    ]);
  });

  it('refuses a bad month, naming its line as the file numbers it', () => {
    const { code, problems } = problemsOf(table(row('11/2021', '"314,800"'), row('2021-12', '"538,000"')));
    expect(code).toBe('INVALID_ISSUANCE_TABLE');
    expect(problems).toEqual([
      { file: 'm.csv', line: 4, column: 'Month', message: 'expected MM/YYYY, got "2021-12"' },
    ]);
  });

  it('refuses a cumulative that is not a number, naming its line', () => {
    const { code, problems } = problemsOf(
      table(row('11/2021', '"314,800"'), row('12/2021', '"538,000"'), row('01/2022', 'n/a')),
    );
    expect(code).toBe('INVALID_ISSUANCE_TABLE');
    expect(problems).toEqual([
      { file: 'm.csv', line: 5, column: 'cumulative', message: 'expected TAO issued, got "n/a"' },
    ]);
  });

  it('refuses a table without its cumulative column, at the header’s line', () => {
    const text = [LEAD, 'Month,daily issuance,total', '11/2021,7200,"314,800"'].join('\r\n');
    const { code, problems } = problemsOf(text);
    expect(code).toBe('INVALID_ISSUANCE_TABLE');
    expect(problems.map((p) => [p.line, p.column])).toEqual([[2, 'cumulative']]);
    expect(problems[0]!.message).toContain('missing column');
  });

  it('lists every bad row at once, and months out of order', () => {
    const { problems } = problemsOf(
      table(
        row('12/2021', '"538,000"'),
        row('13-2021', '1'),
        row('11/2021', '"314,800"'),
        row('01/2022', ''),
      ),
    );
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [4, 'Month'],
      [6, 'cumulative'],
      [0, 'Month'],
    ]);
    expect(problems[2]!.message).toContain('out of order at 2021-11');
  });
});
