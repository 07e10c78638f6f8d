/** Returns by holder class, read from the outcome figures the collectors already hold. */
import type { HolderClass } from '../contract/types.ts';
import type { HolderClassStats, OutcomeStats } from './summary.ts';

/**
 * One entry per declared class, in declaration order, from the stats of its outcome (the classes name
 * outcomes of a checked shape, so each has its stats).
 * @example holderClassStats([{ key: 'holderReturn', label: 'Holder' }], summary.outcomes)[0].median
 */
export function holderClassStats(
  classes: readonly HolderClass[],
  outcomes: readonly OutcomeStats[],
): HolderClassStats[] {
  const byKey = new Map(outcomes.map((o) => [o.key, o]));
  return classes.map(({ key, label }) => {
    const o = byKey.get(key);
    const q = (name: string) => o?.quantiles[name] ?? Number.NaN;
    return {
      key,
      label,
      count: o?.count ?? 0,
      median: o?.median ?? Number.NaN,
      mean: o?.mean ?? Number.NaN,
      p5: q('p5'),
      p25: q('p25'),
      p75: q('p75'),
      p95: q('p95'),
      probNegative: o?.probNegative ?? Number.NaN,
    };
  });
}
