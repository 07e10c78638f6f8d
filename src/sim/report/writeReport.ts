import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { SummaryWithSensitivity } from '../sensitivity/sensitivityScreen.ts';
import { attributionChartSpec } from './attributionChartSpec.ts';
import { chartFileName } from './chartFileName.ts';
import { eventsChartSpec } from './eventsChartSpec.ts';
import { fanChartSpec } from './fanChartSpec.ts';
import { histogramSpec } from './histogramSpec.ts';
import { infoLookup } from './infoLookup.ts';
import type { ReportManifest } from './manifestRows.ts';
import { renderPng } from './renderPng.ts';
import { renderSvg } from './renderSvg.ts';
import type { ReportChart, ReportCharts } from './reportHtml.ts';
import { reportHtml } from './reportHtml.ts';
import { scopeSvgIds } from './scopeSvgIds.ts';
import { tornadoChartSpec } from './tornadoChartSpec.ts';

/** Inputs of {@link writeReport}. */
export interface WriteReportOptions {
  readonly summary: SummaryWithSensitivity;
  readonly manifest: ReportManifest;
  /** Directory to write into (created if missing); charts go to its `charts/` folder. */
  readonly outDir: string;
}

/**
 * PNGs rendering at once: one drawing and one queued per core keeps the pool busy while this thread
 * encodes (5% faster than one per core here), few enough to bound the pixels held.
 */
const PNGS_IN_FLIGHT = 2 * availableParallelism();

/** A chart whose SVG is drawn; its PNG and files are done when `done` settles. */
interface Drawing {
  readonly done: Promise<DrawnChart>;
}

/** A drawn chart as the page shows it, with the files written for it. */
interface DrawnChart {
  readonly chart: ReportChart;
  readonly files: readonly string[];
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Writes `report.html` (self-contained: opens offline) and `charts/<name>.svg` + `.png` for every
 * chart, and returns the paths written, the page first. A chart that cannot be drawn is noted in the
 * page instead of failing the report.
 *
 * @example
 * const paths = await writeReport({ summary, manifest: { version, rulePack, seed, runs }, outDir: 'out/exp1' });
 */
export async function writeReport({ summary, manifest, outDir }: WriteReportOptions): Promise<string[]> {
  const chartsDir = join(outDir, 'charts');
  await mkdir(chartsDir, { recursive: true });
  const taken = new Set<string>();
  const rasterising: Promise<unknown>[] = [];

  const finish = async (name: string, svg: string): Promise<DrawnChart> => {
    let png: Buffer;
    try {
      png = await renderPng(svg);
    } catch (error) {
      return { chart: { name, error: errorText(error) }, files: [] };
    }
    const svgPath = join(chartsDir, `${name}.svg`);
    const pngPath = join(chartsDir, `${name}.png`);
    await writeFile(svgPath, svg);
    await writeFile(pngPath, png);
    return { chart: { name, svg }, files: [svgPath, pngPath] };
  };
  // SVGs are drawn here one at a time, in page order; each chart's PNG then renders off this thread
  // while the next SVG is drawn, a few at once (each holds its pixels until encoded).
  const draw = async (name: string, spec: TopLevelSpec | null): Promise<Drawing | null> => {
    if (spec === null) return null;
    let svg: string;
    try {
      svg = scopeSvgIds(await renderSvg(spec), name);
    } catch (error) {
      return { done: Promise.resolve({ chart: { name, error: errorText(error) }, files: [] }) };
    }
    if (rasterising.length >= PNGS_IN_FLIGHT) await rasterising.shift();
    const done = finish(name, svg);
    rasterising.push(done.catch(() => {}));
    return { done };
  };

  const seriesInfo = infoLookup(summary.shape.series);
  const outcomeInfo = infoLookup(summary.shape.outcomes);
  const attribution =
    summary.attribution === undefined
      ? null
      : await draw(
          chartFileName({ kind: 'attribution', key: summary.attribution.of, taken }),
          attributionChartSpec({ attribution: summary.attribution }),
        );
  const tornado =
    summary.sensitivity === undefined
      ? null
      : await draw(
          chartFileName({ kind: 'tornado', key: summary.sensitivity.outcome.key, taken }),
          tornadoChartSpec(summary.sensitivity),
        );
  const series: (Drawing | null)[] = [];
  for (const s of summary.series) {
    const name = chartFileName({ kind: 'series', key: s.key, taken });
    series.push(await draw(name, fanChartSpec({ series: s, info: seriesInfo(s.key) })));
  }
  const outcomes: (Drawing | null)[] = [];
  for (const o of summary.outcomes) {
    const name = chartFileName({ kind: 'outcome', key: o.key, taken });
    outcomes.push(await draw(name, histogramSpec({ stats: o, info: outcomeInfo(o.key) })));
  }
  const events = await draw(
    chartFileName({ kind: 'events', key: 'all', taken }),
    eventsChartSpec({ events: summary.events, infoOf: infoLookup(summary.shape.events) }),
  );

  // Everything in flight settles before a failed write is reported (the first on the page), and the
  // files are listed in page order.
  const settled = await Promise.allSettled(
    [attribution, tornado, ...series, ...outcomes, events].map((d) => d?.done),
  );
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  // Every drawing has settled: reading one again takes no time.
  const chartOf = async (d: Drawing | null) => (d === null ? null : (await d.done).chart);
  const charts: ReportCharts = {
    attribution: await chartOf(attribution),
    tornado: await chartOf(tornado),
    series: await Promise.all(series.map(chartOf)),
    outcomes: await Promise.all(outcomes.map(chartOf)),
    events: await chartOf(events),
  };
  const files = settled.flatMap((s) => (s.status === 'fulfilled' ? (s.value?.files ?? []) : []));

  const htmlPath = join(outDir, 'report.html');
  await writeFile(htmlPath, reportHtml({ summary, manifest, charts }));
  return [htmlPath, ...files];
}
