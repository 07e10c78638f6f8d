/**
 * What a comparison writes once its variants' experiments are on disk, in one place for `compare` and
 * for `merge` of compare shards: each variant's report, then compare.json and compare.html from the
 * variants' summaries and runs.csv.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Summary } from '../collect/summary.ts';
import { writeReport } from '../report/index.ts';
import { renderSvg } from '../report/renderSvg.ts';
import { scopeSvgIds } from '../report/scopeSvgIds.ts';
import { jsonText } from '../runner/jsonText.ts';
import type { Manifest } from '../runner/manifest.ts';
import { asOutputWriteError, guardOutputWrite } from '../runner/outputDirError.ts';
import type { ScenarioVariant } from '../scenario/scenarioSchema.ts';
import { branchChartSpec } from './branchChartSpec.ts';
import { compareReportHtml } from './compareReportHtml.ts';
import { type Comparison, compareVariants, type VariantResult } from './compareVariants.ts';
import { readRunsCsv } from './readRunsCsv.ts';

/** Series drawn branch by branch in the comparison report (the first ones the model lists). */
const BRANCH_SERIES = 3;

/** SVG charts of the first series, every variant on each (ids scoped per chart). */
async function branchCharts(results: readonly VariantResult[], forkDay: number | null): Promise<string[]> {
  const shape = results[0]?.summary.shape.series ?? [];
  const charts: string[] = [];
  for (const [k, info] of shape.slice(0, BRANCH_SERIES).entries()) {
    const branches = results.flatMap((r) => {
      const series = r.summary.series.find((x) => x.key === info.key);
      return series === undefined ? [] : [{ title: r.title, series }];
    });
    const spec = branchChartSpec({ info, branches, forkDay });
    if (spec !== null) charts.push(scopeSvgIds(await renderSvg(spec), `branch${k}`));
  }
  return charts;
}

/** A variant's name (its folder), title and description. */
export type VariantLabel = Pick<ScenarioVariant, 'name' | 'title' | 'description'>;

/** Where a comparison is written and how errors name the folder. */
export interface ComparisonPlace {
  readonly dir: string;
  readonly field: string;
}

/**
 * Write a variant's report into its folder (`where.dir`/`variant.name`, holding its experiment) and
 * read back what the comparison needs; returns it with the report's files.
 * @example const { result, files } = await reportVariant({ variant, summary, manifest, where })
 */
export async function reportVariant({
  variant,
  summary,
  manifest,
  where,
}: {
  variant: VariantLabel;
  summary: Summary;
  manifest: Manifest;
  where: ComparisonPlace;
}): Promise<{ result: VariantResult; files: string[] }> {
  const dir = join(where.dir, variant.name);
  let files: string[];
  try {
    files = await writeReport({ summary, manifest, outDir: dir });
  } catch (error) {
    throw asOutputWriteError(where, error);
  }
  return {
    result: {
      name: variant.name,
      title: variant.title,
      description: variant.description,
      summary,
      table: readRunsCsv(join(dir, 'runs.csv')),
      folder: variant.name,
    },
    files,
  };
}

/**
 * Compare the variants and write compare.json and compare.html into `where.dir`.
 * @example const { comparison } = await writeComparison({ scenario, variants, forkDay: null, where })
 */
export async function writeComparison({
  scenario,
  variants,
  forkDay,
  where,
}: {
  scenario: { readonly name: string; readonly title: string; readonly description: string };
  variants: readonly VariantResult[];
  forkDay: number | null;
  where: ComparisonPlace;
}): Promise<{ comparison: Comparison; files: string[] }> {
  const comparison = compareVariants({
    scenario: { name: scenario.name, title: scenario.title, description: scenario.description },
    variants,
    forkDay,
  });
  const json = join(where.dir, 'compare.json');
  const html = join(where.dir, 'compare.html');
  const page = compareReportHtml(comparison, await branchCharts(variants, comparison.forkDay));
  guardOutputWrite(where, () => {
    writeFileSync(json, jsonText(comparison));
    writeFileSync(html, page);
  });
  return { comparison, files: [json, html] };
}
