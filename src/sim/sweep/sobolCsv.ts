/** `sobol.csv`: one row per key outcome and parameter, with the first-order and total indices and intervals. */
import { csvField } from '../collect/csvField.ts';
import type { SweepSobol } from './sweepSummary.ts';

/** The columns, in order. */
export const SOBOL_CSV_COLUMNS = [
  'outcome',
  'parameter',
  'first_order',
  'first_order_low',
  'first_order_high',
  'total',
  'total_low',
  'total_high',
  'rows',
] as const;

/** A number in its shortest round-trip form; empty when undefined (NaN, ±∞). */
const num = (x: number) => (Number.isFinite(x) ? String(x) : '');

/**
 * The file's text: a header, then the parameters of each outcome in the sweep's order.
 * @example sobolCsv(summary.sobol).split('\n')[0] // 'outcome,parameter,first_order,...'
 */
export function sobolCsv(sobol: SweepSobol): string {
  const rows = sobol.outcomes.flatMap((o) =>
    o.parameters.map((p) =>
      [
        csvField(o.outcome.key),
        csvField(p.parameter),
        num(p.firstOrder.value),
        num(p.firstOrder.low),
        num(p.firstOrder.high),
        num(p.totalEffect.value),
        num(p.totalEffect.low),
        num(p.totalEffect.high),
        String(o.rows),
      ].join(','),
    ),
  );
  return `${[SOBOL_CSV_COLUMNS.join(','), ...rows].join('\n')}\n`;
}
