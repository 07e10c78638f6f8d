/** `sensitivity.csv`: one row per screened parameter, by rank, with the headline figures at each end. */
import { csvField } from '../collect/csvField.ts';
import type { SensitivityScreen } from './sensitivityScreen.ts';

/** The columns, in order. */
export const SENSITIVITY_CSV_COLUMNS = [
  'parameter',
  'value',
  'low',
  'high',
  'median_at_low',
  'median_at_base',
  'median_at_high',
  'p_loss_at_low',
  'p_loss_at_base',
  'p_loss_at_high',
  'rank',
  'source',
] as const;

/** A number in its shortest round-trip form; empty when undefined (NaN, ±∞). */
const num = (x: number) => (Number.isFinite(x) ? String(x) : '');

/**
 * The file's text: a header, then every parameter by rank (figures of the screen's headline outcome).
 * @example sensitivityCsv(screen).split('\n')[0] // 'parameter,value,low,high,median_at_low,...'
 */
export function sensitivityCsv(screen: SensitivityScreen): string {
  const base = screen.baseline;
  const rows = screen.parameters.map((p) =>
    [
      csvField(p.parameter),
      num(p.value),
      num(p.low),
      num(p.high),
      num(p.atLow.median),
      num(base.median),
      num(p.atHigh.median),
      num(p.atLow.probLoss),
      num(base.probLoss),
      num(p.atHigh.probLoss),
      String(p.rank),
      csvField(p.source),
    ].join(','),
  );
  return `${[SENSITIVITY_CSV_COLUMNS.join(','), ...rows].join('\n')}\n`;
}
