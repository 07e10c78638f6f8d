import type { TopLevelSpec } from 'vega-lite';
import type { SeriesBands } from '../collect/summary.ts';
import type { MetricInfo } from '../contract/types.ts';
import { axisLabelExpr, unitTitle } from './axisLabelExpr.ts';
import { chartExponent } from './chartExponent.ts';
import { CHART_COLORS, CHART_CONFIG } from './chartTheme.ts';
import { chooseScaleType } from './chooseScaleType.ts';
import { finiteOrNull } from './finiteOrNull.ts';
import { logTicks } from './logTicks.ts';

/** One record of a fan chart: the day and the five band values (null where not finite). */
export interface FanRow {
  readonly day: number;
  readonly p5: number | null;
  readonly p25: number | null;
  readonly p50: number | null;
  readonly p75: number | null;
  readonly p95: number | null;
}

const FIELDS = [
  ['p5', 0.05],
  ['p25', 0.25],
  ['p50', 0.5],
  ['p75', 0.75],
  ['p95', 0.95],
] as const;

/** Index of `level` in `levels` (tolerant to float noise), or -1. */
function levelIndex(levels: readonly number[], level: number): number {
  return levels.findIndex((l) => Math.abs(l - level) < 1e-9);
}

/** Rows of a fan chart from quantile bands; records with a non-finite day are dropped. */
export function fanRows(series: SeriesBands): FanRow[] {
  const columns = FIELDS.map(([, level]) => series.bands[levelIndex(series.levels, level)]);
  const rows: FanRow[] = [];
  series.days.forEach((day, i) => {
    if (!Number.isFinite(day)) return;
    const [p5, p25, p50, p75, p95] = columns.map((column) => finiteOrNull(column?.[i]));
    rows.push({
      day,
      p5: p5 ?? null,
      p25: p25 ?? null,
      p50: p50 ?? null,
      p75: p75 ?? null,
      p95: p95 ?? null,
    });
  });
  return rows;
}

/** A row with every band value divided by `factor`. */
function scaleRow(row: FanRow, factor: number): FanRow {
  const f = (v: number | null) => (v === null ? null : v / factor);
  return { day: row.day, p5: f(row.p5), p25: f(row.p25), p50: f(row.p50), p75: f(row.p75), p95: f(row.p95) };
}

/**
 * A fan chart of one series over time: p5–p95 and p25–p75 shaded, median line, x in days. Returns
 * null when there is no finite value to draw.
 */
export function fanChartSpec({
  series,
  info,
}: {
  series: SeriesBands;
  info: MetricInfo;
}): TopLevelSpec | null {
  const raw = fanRows(series);
  const exponent = chartExponent(
    raw.flatMap((r) => [r.p5, r.p25, r.p50, r.p75, r.p95]).filter((v) => v !== null),
  );
  const rows = exponent === 0 ? raw : raw.map((r) => scaleRow(r, 10 ** exponent));
  const values = rows.flatMap((r) => [r.p5, r.p25, r.p50, r.p75, r.p95]).filter((v) => v !== null);
  if (values.length === 0) return null;
  const scaleType = chooseScaleType(values);
  // A loop, not Math.min(...values): long series would overflow the argument stack.
  const min = values.reduce((a, b) => (b < a ? b : a), Number.POSITIVE_INFINITY);
  const max = values.reduce((a, b) => (b > a ? b : a), Number.NEGATIVE_INFINITY);
  const y = {
    type: 'quantitative',
    title: unitTitle(info.unit) + (scaleType === 'log' ? ' (log scale)' : ''),
    scale:
      scaleType === 'log'
        ? ({ type: 'log', nice: false } as const)
        : ({ type: 'linear', zero: false, nice: exponent === 0 } as const),
    axis:
      scaleType === 'log'
        ? { labelExpr: axisLabelExpr(info.unit, exponent), values: logTicks(min, max) }
        : { labelExpr: axisLabelExpr(info.unit, exponent), tickCount: 6 },
  } as const;
  // A single record has no extent in time: draw it as an interval at that day instead of an area.
  const single = rows.length === 1;
  const firstDay = rows[0]!.day;
  const lastDay = rows.at(-1)!.day;
  const bandMark = (opacity: number) =>
    single
      ? ({ type: 'rule', strokeWidth: opacity > 0.3 ? 8 : 3, color: CHART_COLORS.band, opacity } as const)
      : ({ type: 'area', color: CHART_COLORS.band, opacity } as const);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `${info.label}: median and quantile bands across runs over time`,
    title: { text: info.label, subtitle: 'Median (line), middle 50% and 90% of runs (shaded), by day' },
    width: 640,
    height: 240,
    config: CHART_CONFIG,
    data: { values: rows as unknown as Record<string, unknown>[] },
    encoding: {
      x: {
        field: 'day',
        type: 'quantitative',
        title: 'Days',
        scale: { domain: single ? [firstDay - 1, firstDay + 1] : [firstDay, lastDay], nice: false },
        axis: { format: ',~r', tickCount: 8 },
      },
    },
    layer: [
      { mark: bandMark(0.18), encoding: { y: { field: 'p5', ...y }, y2: { field: 'p95' } } },
      { mark: bandMark(0.38), encoding: { y: { field: 'p25', ...y }, y2: { field: 'p75' } } },
      {
        mark: {
          type: 'line',
          color: CHART_COLORS.median,
          strokeWidth: 2,
          point: single ? { color: CHART_COLORS.median, size: 40 } : false,
        },
        encoding: { y: { field: 'p50', ...y } },
      },
    ],
  };
}
