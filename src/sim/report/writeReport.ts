import { mkdir, writeFile } from 'node:fs/promises';
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
  const written: string[] = [];
  const taken = new Set<string>();

  const draw = async (name: string, spec: TopLevelSpec | null): Promise<ReportChart | null> => {
    if (spec === null) return null;
    let svg: string;
    let png: Buffer;
    try {
      svg = scopeSvgIds(await renderSvg(spec), name);
      png = renderPng(svg);
    } catch (error) {
      return { name, error: error instanceof Error ? error.message : String(error) };
    }
    const svgPath = join(chartsDir, `${name}.svg`);
    const pngPath = join(chartsDir, `${name}.png`);
    await writeFile(svgPath, svg);
    await writeFile(pngPath, png);
    written.push(svgPath, pngPath);
    return { name, svg };
  };

  const seriesInfo = infoLookup(summary.shape.series);
  const outcomeInfo = infoLookup(summary.shape.outcomes);
  // Sequential on purpose: charts are small, and file order then follows the page.
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
  const series: (ReportChart | null)[] = [];
  for (const s of summary.series) {
    const name = chartFileName({ kind: 'series', key: s.key, taken });
    series.push(await draw(name, fanChartSpec({ series: s, info: seriesInfo(s.key) })));
  }
  const outcomes: (ReportChart | null)[] = [];
  for (const o of summary.outcomes) {
    const name = chartFileName({ kind: 'outcome', key: o.key, taken });
    outcomes.push(await draw(name, histogramSpec({ stats: o, info: outcomeInfo(o.key) })));
  }
  const events = await draw(
    chartFileName({ kind: 'events', key: 'all', taken }),
    eventsChartSpec({ events: summary.events, infoOf: infoLookup(summary.shape.events) }),
  );
  const charts: ReportCharts = { series, outcomes, events, attribution, tornado };

  const htmlPath = join(outDir, 'report.html');
  await writeFile(htmlPath, reportHtml({ summary, manifest, charts }));
  return [htmlPath, ...written];
}
