import type { TopLevelSpec } from 'vega-lite';
import type { EventStats } from '../collect/summary.ts';
import type { MetricInfo } from '../contract/types.ts';
import { CHART_COLORS, CHART_CONFIG } from './chartTheme.ts';

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** Event probabilities as dots with their 95% Wilson intervals; null when no event has a probability. */
export function eventsChartSpec({
  events,
  infoOf,
}: {
  events: readonly EventStats[];
  infoOf: (key: string) => MetricInfo;
}): TopLevelSpec | null {
  const seen = new Map<string, number>();
  const rows = events
    .filter((e) => Number.isFinite(e.probability))
    .map((e) => {
      // Two events with the same label would share one row of a nominal axis: number the repeats.
      const base = infoOf(e.key).label;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return {
        label: n === 1 ? base : `${base} (${n})`,
        p: clamp01(e.probability),
        low: clamp01(Number.isFinite(e.low) ? e.low : e.probability),
        high: clamp01(Number.isFinite(e.high) ? e.high : e.probability),
      };
    });
  if (rows.length === 0) return null;
  const y = {
    field: 'label',
    type: 'nominal',
    sort: null,
    title: null,
    axis: {
      labelLimit: 260,
      labelFontSize: 12,
      labelColor: CHART_COLORS.text,
      ticks: false,
      domain: false,
    },
  } as const;
  const x = {
    type: 'quantitative',
    title: 'Probability (95% interval)',
    scale: { domain: [0, 1] as number[] },
    axis: { format: '.0%', tickCount: 5 },
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Probability of each event across runs, with 95% Wilson intervals',
    title: { text: 'Events', subtitle: 'Share of runs in which each event happened, with its 95% interval' },
    width: 420,
    height: { step: 28 },
    config: CHART_CONFIG,
    data: { values: rows },
    encoding: { y },
    layer: [
      {
        mark: { type: 'rule', color: CHART_COLORS.band, strokeWidth: 3, opacity: 0.5 },
        encoding: { x: { field: 'low', ...x }, x2: { field: 'high' } },
      },
      {
        mark: { type: 'point', filled: true, size: 60, color: CHART_COLORS.median, opacity: 1 },
        encoding: { x: { field: 'p', ...x } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 8, dy: -9, fontSize: 10, color: CHART_COLORS.muted },
        encoding: { x: { field: 'p', ...x }, text: { field: 'p', format: '.1%' } },
      },
    ],
  };
}
