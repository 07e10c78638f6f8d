/** The console's answer per holder class, printed under the headline. */
import type { Summary } from '../sim/collect/summary.ts';
import { formatPercent, formatValue } from '../sim/report/formatValue.ts';

/**
 * One line per declared holder class, labels aligned: its median return and chance of a loss; none
 * when the model declares no holder class.
 * @example holderClassLines(summary) // ['Basket holder:       median +4.5%, P(loss) 38.2%', ...]
 */
export function holderClassLines(summary: Pick<Summary, 'holderClasses'>): string[] {
  const classes = summary.holderClasses ?? [];
  const width = Math.max(0, ...classes.map((h) => h.label.length + 1));
  return classes.map(
    (h) =>
      `${`${h.label}:`.padEnd(width)} median ${formatValue(h.median, 'return')}, P(loss) ${formatPercent(h.probNegative)}`,
  );
}
