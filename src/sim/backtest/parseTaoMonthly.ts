/**
 * The monthly TAO issuance table (`tao_monthly_2021_2025.csv`, from the emission schedule): per month,
 * the TAO issued by the month's end. Its numbers carry thousands separators and its first data row is
 * empty (../shared/data/README.md), so blank rows are skipped and commas removed before reading.
 */
import { csvTable } from '../start/csvTable.ts';
import type { SnapshotProblem } from '../start/snapshotError.ts';
import { PriceDataError } from './priceDataError.ts';

/** The columns the reader needs. */
export const TAO_MONTHLY_COLUMNS = ['Month', 'cumulative'] as const;

/** TAO issued by the end of each month, months in order (`YYYY-MM`). */
export interface TaoMonthly {
  readonly months: readonly { readonly month: string; readonly cumulativeTao: number }[];
}

const MONTH = /^(\d{2})\/(\d{4})$/;
const NUMBER = /^\d+(\.\d+)?$/;

/**
 * Read the monthly issuance table; throws {@link PriceDataError} listing every bad row.
 * @example parseTaoMonthly({ file, text }).months.at(-1) // { month: '2025-01', cumulativeTao: 8_383_490 }
 */
export function parseTaoMonthly(args: { file: string; text: string }): TaoMonthly {
  const { file, text } = args;
  // Leading rows of empty fields come before the header; lines are numbered as in the file.
  const lead = /^([ \t,]*\r?\n)*/.exec(text)![0];
  const skipped = lead.split('\n').length - 1;
  const found: SnapshotProblem[] = [];
  const table = csvTable({
    file,
    text: text.slice(lead.length),
    columns: TAO_MONTHLY_COLUMNS,
    example: 'tao_monthly_2021_2025.csv',
    problems: found,
  });
  const problems: SnapshotProblem[] = found.map((p) => ({ ...p, line: p.line + skipped }));
  const monthAt = table.header.indexOf('Month');
  const cumulativeAt = table.header.indexOf('cumulative');
  const months: { month: string; cumulativeTao: number }[] = [];
  if (table.usable) {
    for (const { line, fields } of table.rows) {
      const monthText = (fields[monthAt] ?? '').trim();
      if (fields.every((f) => f.trim() === '')) continue;
      const m = MONTH.exec(monthText);
      const cumulative = (fields[cumulativeAt] ?? '').replaceAll(',', '').trim();
      if (m === null) {
        problems.push({
          file,
          line: line + skipped,
          column: 'Month',
          message: `expected MM/YYYY, got "${monthText}"`,
        });
        continue;
      }
      if (!NUMBER.test(cumulative)) {
        problems.push({
          file,
          line: line + skipped,
          column: 'cumulative',
          message: `expected TAO issued, got "${cumulative}"`,
        });
        continue;
      }
      months.push({ month: `${m[2]}-${m[1]}`, cumulativeTao: Number(cumulative) });
    }
    for (let k = 1; k < months.length; k++)
      if (months[k]!.month <= months[k - 1]!.month)
        problems.push({
          file,
          line: 0,
          column: 'Month',
          message: `months out of order at ${months[k]!.month}`,
        });
  }
  if (months.length === 0 && problems.length === 0)
    problems.push({ file, line: 0, column: 'Month', message: 'has no month rows' });
  if (problems.length > 0) throw new PriceDataError('INVALID_ISSUANCE_TABLE', problems);
  return { months };
}
