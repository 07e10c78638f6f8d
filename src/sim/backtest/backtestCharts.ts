/**
 * The backtest's fan charts, one per metric: the runs' quantile bands and median by date, with the
 * recorded path drawn over them when the metric has one. Rendered to inline SVG like the simulate
 * report's charts.
 */
import type { SeriesBands } from '../collect/summary.ts';
import type { ReportChart } from '../report/chartFigure.ts';
import { chartFileName } from '../report/chartFileName.ts';
import { FAN_BANDS, fanChartSpec } from '../report/fanChartSpec.ts';
import { renderSvg } from '../report/renderSvg.ts';
import { scopeSvgIds } from '../report/scopeSvgIds.ts';
import { BACKTEST_METRIC_INFO, BACKTEST_METRICS, type BacktestMetric } from './backtestMetrics.ts';
import type { BacktestRow } from './backtestSummary.ts';

/** Legend label of the recorded path. */
export const RECORDED_LABEL = 'Recorded';

/** One metric's chart (null when nothing finite can be drawn) and whether it shows a recorded path. */
export interface BacktestChart {
  readonly metric: BacktestMetric;
  readonly recorded: boolean;
  readonly chart: ReportChart | null;
}

const DAY_MS = 86_400_000;

/** Days since the first date, for the fan's record days. */
function daysSince(first: string, date: string): number {
  return (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY_MS;
}

/** Renders one spec to SVG with ids scoped to `name`; a failure becomes the chart's error text. */
async function draw(name: string, spec: Parameters<typeof renderSvg>[0] | null): Promise<ReportChart | null> {
  if (spec === null) return null;
  try {
    return { name, svg: scopeSvgIds(await renderSvg(spec), name) };
  } catch (error) {
    return { name, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A chart per metric present in `rows`, in BACKTEST_METRICS order; x is the date (UTC).
 * @example const charts = await renderBacktestCharts(document.rows)
 */
export async function renderBacktestCharts(rows: readonly BacktestRow[]): Promise<BacktestChart[]> {
  const taken = new Set<string>();
  const charts: BacktestChart[] = [];
  // Sequential on purpose: charts are small, and vega views are cheap to make one after another.
  for (const metric of BACKTEST_METRICS) {
    const own = rows.filter((r) => r.metric === metric);
    if (own.length === 0) continue;
    const dates = own.map((r) => r.date);
    const series: SeriesBands = {
      key: metric,
      days: dates.map((d) => daysSince(dates[0]!, d)),
      levels: FAN_BANDS.map(([, level]) => level),
      bands: FAN_BANDS.map(([field]) => own.map((r) => r[field] ?? Number.NaN)),
      mean: own.map(() => Number.NaN),
    };
    const recorded = own.some((r) => r.recorded !== null);
    const spec = fanChartSpec({
      series,
      info: { key: metric, ...BACKTEST_METRIC_INFO[metric] },
      dates,
      ...(recorded ? { reference: { label: RECORDED_LABEL, values: own.map((r) => r.recorded) } } : {}),
    });
    charts.push({
      metric,
      recorded,
      chart: await draw(chartFileName({ kind: 'backtest', key: metric, taken }), spec),
    });
  }
  return charts;
}
