/** A CSV file checked against the columns it must have: header, field counts and syntax, as problems. */
import { readCsv } from './readCsv.ts';
import type { SnapshotProblem } from './snapshotError.ts';

/** The data records of a checked CSV file (records with the wrong field count are left out). */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly { readonly line: number; readonly fields: readonly string[] }[];
  /** Data records in the file, including the ones left out. */
  readonly recordCount: number;
  /** False when the header lacks a required column (the rows are then not read). */
  readonly usable: boolean;
}

/**
 * Read `text` as CSV and check it has every column of `columns` (extra columns are ignored); each
 * syntax problem, missing column and record of the wrong length is added to `problems`.
 * @example csvTable({ file: 'a.csv', text, columns: ['block', 'utc'], example: 'blocks_2026.csv', problems })
 */
export function csvTable(args: {
  file: string;
  text: string;
  columns: readonly string[];
  /** The reference file whose columns these are, for the fix. */
  example: string;
  problems: SnapshotProblem[];
}): CsvTable {
  const { file, text, columns, example, problems } = args;
  const { records, problems: syntax } = readCsv(text);
  for (const p of syntax) problems.push({ file, line: p.line, column: '', message: p.message });
  const header = (records[0]?.fields ?? []).map((h) => h.trim());
  if (records.length === 0) {
    problems.push({ file, line: 0, column: '', message: `is empty; it needs the columns of ${example}` });
    return { header, rows: [], recordCount: 0, usable: false };
  }
  const missing = columns.filter((c) => !header.includes(c));
  for (const c of missing) {
    problems.push({
      file,
      line: 1,
      column: c,
      message: `missing column; the header needs the columns of ${example} (see ../shared/data/README.md)`,
    });
  }
  const rows = [];
  for (const record of records.slice(1)) {
    if (record.fields.length !== header.length) {
      problems.push({
        file,
        line: record.line,
        column: '',
        message: `has ${record.fields.length} fields, the header has ${header.length}; quote fields that contain commas, and check the line is complete`,
      });
    } else {
      rows.push(record);
    }
  }
  if (records.length === 1) {
    problems.push({
      file,
      line: 0,
      column: '',
      message: 'has a header but no data rows; is the file complete?',
    });
  }
  return { header, rows, recordCount: records.length - 1, usable: missing.length === 0 };
}
