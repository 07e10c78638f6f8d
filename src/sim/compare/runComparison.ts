/**
 * Run every variant of a scenario on the same seeds (one experiment each, outputs in a folder per
 * variant) and write the side-by-side comparison: `compare.json` and `compare.html`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../engine/errors.ts';
import { writeReport } from '../report/index.ts';
import { renderSvg } from '../report/renderSvg.ts';
import { scopeSvgIds } from '../report/scopeSvgIds.ts';
import type { Backend } from '../runner/backend.ts';
import { jsonText } from '../runner/jsonText.ts';
import type { ModelRef } from '../runner/modelRef.ts';
import { asOutputWriteError, guardOutputWrite } from '../runner/outputDirError.ts';
import { prepareOutputDir } from '../runner/prepareOutputDir.ts';
import { type ExperimentProgress, runExperiment } from '../runner/runExperiment.ts';
import type { Scenario, ScenarioVariant } from '../scenario/scenarioSchema.ts';
import { branchChartSpec } from './branchChartSpec.ts';
import { compareReportHtml } from './compareReportHtml.ts';
import { type Comparison, compareVariants, type VariantResult } from './compareVariants.ts';
import { readRunsCsv } from './readRunsCsv.ts';

/** Inputs of {@link runComparison}. */
export interface ComparisonOptions {
  readonly model: ModelRef;
  /** A scenario with at least two variants. */
  readonly scenario: Scenario;
  readonly workers?: number;
  /** Where every variant's runs go instead (left open; a queue's, for one). Default: `workers` threads. */
  readonly backend?: Backend | undefined;
  readonly outDir: string;
  /** How errors about the folder name it (e.g. `--out`; default `outDir`). */
  readonly outDirField?: string;
  readonly signal?: AbortSignal;
  /** Progress of the variant being run (0-based index among the variants). */
  readonly onProgress?: (variant: number, progress: ExperimentProgress) => void;
}

/** What a comparison produced. */
export interface ComparisonResult {
  /** Null when stopped early. */
  readonly comparison: Comparison | null;
  readonly files: readonly string[];
  /** True when stopped before every variant finished (no comparison is written then). */
  readonly aborted: boolean;
  readonly wallTimeMs: number;
}

/**
 * The scenario one variant runs: the scenario's settings with the variant's model; with a fork point,
 * the first variant's model until the fork.
 */
export function variantScenario(scenario: Scenario, variant: ScenarioVariant): Scenario {
  const { variants: all, fork, ...rest } = scenario;
  const base = all?.[0];
  return {
    ...rest,
    title: `${scenario.title}: ${variant.title}`,
    description: variant.description === '' ? scenario.description : variant.description,
    model: variant.model,
    ...(fork === undefined || base === undefined
      ? {}
      : { fork: { atDays: fork.atDays, baseModel: base.model } }),
  };
}

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

/**
 * Run the variants one after another (each on all workers) and compare them.
 * @example await runComparison({ model, scenario, workers: 2, outDir: 'out/packs' })
 */
export async function runComparison(options: ComparisonOptions): Promise<ComparisonResult> {
  const { scenario, outDir } = options;
  const variants = scenario.variants ?? [];
  if (variants.length < 2)
    throw new InputError(
      'variants',
      `expected at least two variants to compare, got ${variants.length}; list them under \`variants:\` in the scenario (the first is the baseline)`,
    );
  const where = { dir: outDir, field: options.outDirField ?? 'outDir' };
  prepareOutputDir(where);
  const started = Date.now();
  const files: string[] = [];
  const results: VariantResult[] = [];
  for (const [k, variant] of variants.entries()) {
    const dir = join(outDir, variant.name);
    const result = await runExperiment({
      model: options.model,
      scenario: variantScenario(scenario, variant),
      workers: options.workers ?? 1,
      ...(options.backend === undefined ? {} : { backend: options.backend }),
      outDir: dir,
      outDirField: where.field,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: (p) => options.onProgress?.(k, p) }),
    });
    files.push(...result.files);
    if (result.aborted) {
      return {
        comparison: null,
        files,
        aborted: true,
        wallTimeMs: Date.now() - started,
      };
    }
    try {
      files.push(...(await writeReport({ summary: result.summary, manifest: result.manifest, outDir: dir })));
    } catch (error) {
      throw asOutputWriteError(where, error);
    }
    results.push({
      name: variant.name,
      title: variant.title,
      description: variant.description,
      summary: result.summary,
      table: readRunsCsv(join(dir, 'runs.csv')),
      folder: variant.name,
    });
  }
  const comparison = compareVariants({
    scenario: { name: scenario.name, title: scenario.title, description: scenario.description },
    variants: results,
    forkDay: scenario.fork?.atDays ?? null,
  });
  const json = join(outDir, 'compare.json');
  const html = join(outDir, 'compare.html');
  const page = compareReportHtml(comparison, await branchCharts(results, comparison.forkDay));
  guardOutputWrite(where, () => {
    writeFileSync(json, jsonText(comparison));
    writeFileSync(html, page);
  });
  files.push(json, html);
  return { comparison, files, aborted: false, wallTimeMs: Date.now() - started };
}
