/**
 * `sweep.csv`: one row per point: its index, the swept parameters' values, then the mean, median, 5th
 * and 95th percentile of each key outcome over the point's runs, and the runs completed and errored.
 */
import { csvField } from '../collect/csvField.ts';
import type { SweepPoint, SweepSummary } from './sweepSummary.ts';

/** The figures of each outcome, in column order (`<outcome>_mean`, ...). */
const FIGURES = ['mean', 'median', 'p5', 'p95'] as const;

/** A number in its shortest round-trip form; empty when undefined (NaN, ±∞). */
const num = (x: number) => (Number.isFinite(x) ? String(x) : '');

/**
 * The file's text: a header, then every point in order.
 * @example sweepCsv(summary, points).split('\n')[0] // 'point,market.jumpMean,...,holderReturn_mean,...'
 */
export function sweepCsv(summary: SweepSummary, points: readonly SweepPoint[]): string {
  const head = [
    'point',
    ...summary.parameters.map((p) => csvField(p.path)),
    ...summary.outcomes.flatMap((o) => FIGURES.map((f) => csvField(`${o.key}_${f}`))),
    'completed',
    'errored',
  ];
  const rows = points.map((p) =>
    [
      String(p.index),
      ...p.values.map(num),
      ...summary.outcomes.flatMap((o) => FIGURES.map((f) => num(p.outcomes[o.key]![f]))),
      String(p.completed),
      String(p.errored),
    ].join(','),
  );
  return `${[head.join(','), ...rows].join('\n')}\n`;
}
