import type { TopLevelSpec } from 'vega-lite';
import { invariant } from '../../engine/errors.ts';
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

/** The band fields of a fan row and the quantile level each holds. */
export const FAN_BANDS = [
  ['p5', 0.05],
  ['p25', 0.25],
  ['p50', 0.5],
  ['p75', 0.75],
  ['p95', 0.95],
] as const satisfies readonly (readonly [keyof FanRow, number])[];

/**
 * A path drawn over the fan, one value per record (null or NaN where it has none): for instance the
 * recorded history the runs are compared with.
 */
export interface FanReference {
  readonly label: string;
  readonly values: readonly (number | null)[];
}

/** A record as the chart holds it: the fan row, and the record's date and reference value when given. */
interface ChartRow extends FanRow {
  readonly date?: string;
  readonly reference?: number | null;
}

/** Legend entry of the median line when a reference path shares the chart. */
const MEDIAN_LABEL = 'Median of runs';

/** Index of `level` in `levels` (tolerant to float noise), or -1. */
function levelIndex(levels: readonly number[], level: number): number {
  return levels.findIndex((l) => Math.abs(l - level) < 1e-9);
}

/** Chart rows of a series, with the date and reference value of each record when given. */
function chartRows(series: SeriesBands, dates?: readonly string[], reference?: FanReference): ChartRow[] {
  const columns = FAN_BANDS.map(([, level]) => series.bands[levelIndex(series.levels, level)]);
  const rows: ChartRow[] = [];
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
      ...(dates === undefined ? {} : { date: dates[i] ?? '' }),
      ...(reference === undefined ? {} : { reference: finiteOrNull(reference.values[i]) }),
    });
  });
  return rows;
}

/** Rows of a fan chart from quantile bands; records with a non-finite day are dropped. */
export function fanRows(series: SeriesBands): FanRow[] {
  return chartRows(series);
}

/** A row with every band value (and the reference value) divided by `factor`. */
function scaleRow(row: ChartRow, factor: number): ChartRow {
  const f = (v: number | null) => (v === null ? null : v / factor);
  return {
    ...row,
    p5: f(row.p5),
    p25: f(row.p25),
    p50: f(row.p50),
    p75: f(row.p75),
    p95: f(row.p95),
    ...(row.reference === undefined ? {} : { reference: f(row.reference) }),
  };
}

/** Every finite value a row draws. */
function drawnValues(row: ChartRow): number[] {
  return [row.p5, row.p25, row.p50, row.p75, row.p95, row.reference ?? null].filter((v) => v !== null);
}

/** Milliseconds since the epoch of a UTC date YYYY-MM-DD. */
function dateMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

const DAY_MS = 86_400_000;

/** One layer of a layered chart. */
type ChartLayer = NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']>[number];

/**
 * A fan chart of one series over time: p5–p95 and p25–p75 shaded, median line, x in days. With
 * `dates` (one UTC date YYYY-MM-DD per record) the x axis shows the calendar date; with `reference` a
 * path is drawn over the fan as its own line, and a legend tells it from the median. Returns null when
 * there is no finite value to draw. `dates` and `reference.values` have one entry per record.
 * @example fanChartSpec({ series, info, dates, reference: { label: 'Recorded', values } })
 */
export function fanChartSpec({
  series,
  info,
  dates,
  reference,
}: {
  series: SeriesBands;
  info: MetricInfo;
  dates?: readonly string[];
  reference?: FanReference;
}): TopLevelSpec | null {
  invariant(dates === undefined || dates.length === series.days.length, 'FAN_DATES_LENGTH');
  invariant(
    reference === undefined || reference.values.length === series.days.length,
    'FAN_REFERENCE_LENGTH',
  );
  const raw = chartRows(series, dates, reference);
  const exponent = chartExponent(raw.flatMap(drawnValues));
  const rows = exponent === 0 ? raw : raw.map((r) => scaleRow(r, 10 ** exponent));
  const values = rows.flatMap(drawnValues);
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
  const first = rows[0]!;
  const last = rows.at(-1)!;
  const bandMark = (opacity: number) =>
    single
      ? ({ type: 'rule', strokeWidth: opacity > 0.3 ? 8 : 3, color: CHART_COLORS.band, opacity } as const)
      : ({ type: 'area', color: CHART_COLORS.band, opacity } as const);
  const x =
    dates === undefined
      ? ({
          field: 'day',
          type: 'quantitative',
          title: 'Days',
          scale: { domain: single ? [first.day - 1, first.day + 1] : [first.day, last.day], nice: false },
          axis: { format: ',~r', tickCount: 8 },
        } as const)
      : ({
          field: 'date',
          type: 'temporal',
          title: 'Date (UTC)',
          scale: {
            type: 'utc',
            domain: single
              ? [dateMs(first.date ?? '') - DAY_MS, dateMs(first.date ?? '') + DAY_MS]
              : [dateMs(first.date ?? ''), dateMs(last.date ?? '')],
            nice: false,
          },
          axis: { format: '%Y-%m-%d', tickCount: 6 },
        } as const);
  // The median and the reference share one colour scale, so the legend names both lines.
  const legendColor = (label: string) =>
    ({
      datum: label,
      type: 'nominal',
      scale: {
        domain: [MEDIAN_LABEL, reference?.label ?? ''],
        range: [CHART_COLORS.median, CHART_COLORS.marker],
      },
      legend: { title: null, orient: 'bottom', direction: 'horizontal' },
    }) as const;
  const pointOf = (color: string) => (single ? { color, size: 40 } : false);
  const medianLayer: ChartLayer =
    reference === undefined
      ? {
          mark: {
            type: 'line',
            color: CHART_COLORS.median,
            strokeWidth: 2,
            point: pointOf(CHART_COLORS.median),
          },
          encoding: { y: { field: 'p50', ...y } },
        }
      : {
          mark: { type: 'line', strokeWidth: 2, point: pointOf(CHART_COLORS.median) },
          encoding: { y: { field: 'p50', ...y }, color: legendColor(MEDIAN_LABEL) },
        };
  const referenceLayers: ChartLayer[] =
    reference === undefined
      ? []
      : [
          {
            mark: { type: 'line', strokeWidth: 1.75, point: pointOf(CHART_COLORS.marker) },
            encoding: { y: { field: 'reference', ...y }, color: legendColor(reference.label) },
          },
        ];
  const lines =
    reference === undefined
      ? 'Median (line)'
      : `Median of runs and ${reference.label.toLowerCase()} path (lines)`;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `${info.label}: median and quantile bands across runs over time`,
    title: {
      text: info.label,
      subtitle: `${lines}, middle 50% and 90% of runs (shaded), by ${dates === undefined ? 'day' : 'date'}`,
    },
    width: 640,
    height: 240,
    config: CHART_CONFIG,
    data: { values: rows as unknown as Record<string, unknown>[] },
    encoding: { x },
    layer: [
      { mark: bandMark(0.18), encoding: { y: { field: 'p5', ...y }, y2: { field: 'p95' } } },
      { mark: bandMark(0.38), encoding: { y: { field: 'p25', ...y }, y2: { field: 'p75' } } },
      medianLayer,
      ...referenceLayers,
    ],
  };
}
