/** `backtest.csv`: one row per date and metric with the runs' quantiles and the recorded value. */
import { csvField } from '../collect/csvField.ts';
import type { BacktestRow } from './backtestSummary.ts';

/** The columns of `backtest.csv`, in order. */
export const BACKTEST_CSV_COLUMNS = [
  'date',
  'metric',
  'p5',
  'p25',
  'p50',
  'p75',
  'p95',
  'recorded',
] as const satisfies readonly (keyof BacktestRow)[];

/** A number in full round-trip precision; empty for null (no value). */
function cell(value: number | null): string {
  return value === null ? '' : String(value);
}

/**
 * The CSV text of `rows`, in their order (summarizeBacktest gives them date-major), with a header
 * and a newline after every row.
 * @example backtestCsv(summarizeBacktest(input).rows)
 */
export function backtestCsv(rows: readonly BacktestRow[]): string {
  const lines = [BACKTEST_CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      BACKTEST_CSV_COLUMNS.map((c) => (c === 'date' || c === 'metric' ? csvField(r[c]) : cell(r[c]))).join(
        ',',
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
