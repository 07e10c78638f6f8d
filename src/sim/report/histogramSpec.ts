import type { TopLevelSpec } from 'vega-lite';
import type { OutcomeStats } from '../collect/summary.ts';
import type { MetricInfo } from '../contract/types.ts';
import { axisLabelExpr, unitTitle } from './axisLabelExpr.ts';
import { chartExponent } from './chartExponent.ts';
import { CHART_COLORS, CHART_CONFIG } from './chartTheme.ts';
import { chooseScaleType } from './chooseScaleType.ts';
import { isGeometric } from './isGeometric.ts';
import { logTicks } from './logTicks.ts';

/** One bar of a histogram: bin bounds and the number of runs in it. */
export interface HistogramBar {
  readonly x0: number;
  readonly x1: number;
  readonly count: number;
}

/**
 * Bars from histogram edges and counts, skipping bins with a non-finite bound or count. When every
 * value is equal (e.g. a single run) the one bin has no width, so it is widened around its value.
 */
export function histogramBars(histogram: OutcomeStats['histogram']): HistogramBar[] {
  const bars: HistogramBar[] = [];
  histogram.counts.forEach((count, i) => {
    const x0 = histogram.edges[i];
    const x1 = histogram.edges[i + 1];
    if (x0 === undefined || x1 === undefined) return;
    if (!Number.isFinite(x0) || !Number.isFinite(x1) || !Number.isFinite(count)) return;
    bars.push({ x0: Math.min(x0, x1), x1: Math.max(x0, x1), count });
  });
  const first = bars[0];
  const last = bars.at(-1);
  if (first && last && first.x0 === last.x1) {
    const v = first.x0;
    const half = v === 0 ? 0.5 : Math.abs(v) * 0.01;
    const total = bars.reduce((s, b) => s + b.count, 0);
    return [{ x0: v - half, x1: v + half, count: total }];
  }
  return bars;
}

/** A histogram of one final outcome across runs, with the median marked; null when nothing to draw. */
export function histogramSpec({
  stats,
  info,
}: {
  stats: OutcomeStats;
  info: MetricInfo;
}): TopLevelSpec | null {
  const raw = histogramBars(stats.histogram);
  if (raw.length === 0) return null;
  const exponent = chartExponent(raw.flatMap((b) => [b.x0, b.x1]));
  const factor = 10 ** exponent;
  const bars =
    exponent === 0 ? raw : raw.map((b) => ({ x0: b.x0 / factor, x1: b.x1 / factor, count: b.count }));
  const median = stats.median / factor;
  const lo = bars[0]!.x0;
  const hi = bars.at(-1)!.x1;
  // Equal-width bins on a log axis squash all but the first bin, so log needs log-spaced bins too.
  const edges = [lo, ...bars.map((b) => b.x1)];
  const scaleType = isGeometric(edges) && chooseScaleType(edges) === 'log' ? 'log' : 'linear';
  const x = {
    type: 'quantitative',
    title: unitTitle(info.unit) + (scaleType === 'log' ? ' (log scale)' : ''),
    scale: { type: scaleType, nice: false, domain: [lo, hi] as number[] },
    axis:
      scaleType === 'log'
        ? { labelExpr: axisLabelExpr(info.unit, exponent), values: logTicks(lo, hi) }
        : { labelExpr: axisLabelExpr(info.unit, exponent), tickCount: 7 },
  } as const;
  const markers: { value: number; kind: string }[] = [];
  if (Number.isFinite(median) && median >= lo && median <= hi) {
    markers.push({ value: median, kind: 'median' });
  }
  // Zero splits gains from losses: mark it when the distribution straddles it.
  const zero = lo < 0 && hi > 0;
  if (zero) markers.push({ value: 0, kind: 'zero' });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `${info.label}: distribution of the final value across runs`,
    title: {
      text: info.label,
      subtitle: `Runs per bin of the final value; dashed line: median${zero ? ', solid line: zero' : ''}`,
    },
    width: 560,
    height: 200,
    config: CHART_CONFIG,
    layer: [
      {
        data: { values: bars as unknown as Record<string, unknown>[] },
        mark: { type: 'rect', color: CHART_COLORS.bar, stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'x0', ...x },
          x2: { field: 'x1' },
          y: {
            field: 'count',
            type: 'quantitative',
            title: 'Runs',
            axis: { format: ',~r', tickCount: 5, tickMinStep: 1 },
          },
          y2: { datum: 0 },
        },
      },
      {
        data: { values: markers.filter((m) => m.kind === 'median') },
        mark: { type: 'rule', color: CHART_COLORS.marker, strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: { x: { field: 'value', ...x } },
      },
      {
        data: { values: markers.filter((m) => m.kind === 'zero') },
        mark: { type: 'rule', color: CHART_COLORS.text, strokeWidth: 1 },
        encoding: { x: { field: 'value', ...x } },
      },
    ],
  };
}
