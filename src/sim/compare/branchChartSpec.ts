/**
 * The variants of a comparison over time on one chart: each variant's median (line) and middle 50% of
 * runs (shaded), in its own colour, with the fork point marked when the futures were forked (the
 * branches share their history up to it).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SeriesBands } from '../collect/summary.ts';
import type { MetricInfo } from '../contract/types.ts';
import { axisLabelExpr, unitTitle } from '../report/axisLabelExpr.ts';
import { chartExponent } from '../report/chartExponent.ts';
import { CHART_CONFIG } from '../report/chartTheme.ts';
import { fanRows } from '../report/fanChartSpec.ts';

/** One branch: a variant's title and its bands of the series. */
export interface Branch {
  readonly title: string;
  readonly series: SeriesBands;
}

/**
 * A chart of `info` for every branch; null when no branch has a finite value.
 * @example branchChartSpec({ info, branches, forkDay: 180 })
 */
export function branchChartSpec({
  info,
  branches,
  forkDay,
}: {
  info: MetricInfo;
  branches: readonly Branch[];
  forkDay: number | null;
}): TopLevelSpec | null {
  const raw = branches.flatMap((b) =>
    fanRows(b.series).map((r) => ({ variant: b.title, day: r.day, p25: r.p25, p50: r.p50, p75: r.p75 })),
  );
  const values = raw.flatMap((r) => [r.p25, r.p50, r.p75]).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  const exponent = chartExponent(values);
  const scale = (v: number | null) => (v === null ? null : v / 10 ** exponent);
  const rows = raw.map((r) => ({ ...r, p25: scale(r.p25), p50: scale(r.p50), p75: scale(r.p75) }));
  const y = {
    type: 'quantitative',
    title: unitTitle(info.unit),
    scale: { zero: false, nice: exponent === 0 },
    axis: { labelExpr: axisLabelExpr(info.unit, exponent), tickCount: 6 },
  } as const;
  const color = {
    field: 'variant',
    type: 'nominal',
    title: null,
    sort: branches.map((b) => b.title),
    legend: { orient: 'bottom', columns: 2, labelLimit: 320 },
  } as const;
  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [
    {
      mark: { type: 'area', opacity: 0.15 },
      encoding: { y: { field: 'p25', ...y }, y2: { field: 'p75' }, color },
    },
    { mark: { type: 'line', strokeWidth: 2 }, encoding: { y: { field: 'p50', ...y }, color } },
  ];
  if (forkDay !== null) {
    layers.push({
      data: { values: [{ day: forkDay }] },
      mark: { type: 'rule', strokeDash: [4, 4], color: '#555' },
      encoding: { x: { field: 'day', type: 'quantitative' } },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `${info.label} by variant over time`,
    title: {
      text: info.label,
      subtitle:
        forkDay === null
          ? 'Median (line) and middle 50% of runs (shaded) per variant, by day'
          : `Median and middle 50% of runs per variant, by day; the futures fork at day ${forkDay} (dashed)`,
    },
    width: 640,
    height: 260,
    config: CHART_CONFIG,
    data: { values: rows as unknown as Record<string, unknown>[] },
    encoding: {
      x: { field: 'day', type: 'quantitative', title: 'Days', axis: { format: ',~r', tickCount: 8 } },
    },
    layer: layers,
  };
}
