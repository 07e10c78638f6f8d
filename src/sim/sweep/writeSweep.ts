/**
 * Write a sweep's outputs: sweep.csv (one row per point), sobol.csv and the indices in sweep.json (for a
 * Sobol' design), sweep.json, scenario.json, manifest.json and report.html. A shard writes its points
 * (sweep-shard.json), scenario.json and manifest.json, for `merge` to summarise with the other shards.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSvg } from '../report/renderSvg.ts';
import { scopeSvgIds } from '../report/scopeSvgIds.ts';
import { jsonText } from '../runner/jsonText.ts';
import { packageInfo } from '../runner/manifest.ts';
import { loadModel, type ModelRef, modelRefText } from '../runner/modelRef.ts';
import { guardOutputWrite } from '../runner/outputDirError.ts';
import { prepareOutputDir } from '../runner/prepareOutputDir.ts';
import { scenarioHash } from '../scenario/scenarioHash.ts';
import { type Scenario, toScenarioFile } from '../scenario/scenarioSchema.ts';
import { encodeExactNumbers } from './exactNumberJson.ts';
import type { SweepResult } from './runSweep.ts';
import { sobolChartSpec } from './sobolChartSpec.ts';
import { sobolCsv } from './sobolCsv.ts';
import { sweepCsv } from './sweepCsv.ts';
import type { MergedSweepShard, SweepManifest } from './sweepManifest.ts';
import { sweepReportHtml } from './sweepReportHtml.ts';

/** The files of a sweep's output folder. */
export const SWEEP_FILES = {
  points: 'sweep.csv',
  sobol: 'sobol.csv',
  summary: 'sweep.json',
  scenario: 'scenario.json',
  manifest: 'manifest.json',
  report: 'report.html',
} as const;

/** A sweep shard's points, numbers encoded exactly (see exactNumberJson.ts), instead of sweep.csv … report.html. */
export const SWEEP_SHARD_FILE = 'sweep-shard.json';

/** What a shard's sweep-shard.json holds. */
export interface SweepShardFile {
  /** Its block of points, in order, with numbers as {@link encodeExactNumbers} writes them. */
  readonly points: readonly unknown[];
}

/**
 * Write what `result` holds to `outDir` and return the manifest and the paths written. A stopped sweep
 * writes only its manifest (`status: partial`) and scenario.
 * @example await writeSweep({ outDir, model, scenario, result, startedAt })
 */
export async function writeSweep({
  outDir,
  outDirField = 'outDir',
  model,
  scenario,
  result,
  startedAt,
  mergedFrom,
}: {
  outDir: string;
  outDirField?: string;
  model: ModelRef;
  scenario: Scenario;
  result: SweepResult;
  /** ISO time the sweep started. */
  startedAt: string;
  /** Set when the sweep was merged from these shards, in point order. */
  mergedFrom?: readonly MergedSweepShard[];
}): Promise<{ manifest: SweepManifest; files: string[] }> {
  const where = { dir: outDir, field: outDirField };
  prepareOutputDir(where);
  const { summary, points, plan } = result;
  const loaded = await loadModel(model);
  const pkg = packageInfo();
  const file = toScenarioFile(scenario);
  const shard = result.aborted ? undefined : result.shard;
  const names = [
    ...(shard === undefined ? [] : [SWEEP_SHARD_FILE]),
    ...(summary === null ? [] : [SWEEP_FILES.points]),
    ...(summary?.sobol ? [SWEEP_FILES.sobol] : []),
    ...(summary === null ? [] : [SWEEP_FILES.summary]),
    SWEEP_FILES.scenario,
    SWEEP_FILES.manifest,
    ...(summary === null ? [] : [SWEEP_FILES.report]),
  ];
  const runsPerPoint = result.aborted ? 0 : result.runsPerPoint;
  const manifest: SweepManifest = {
    package: pkg.name,
    version: pkg.version,
    model: loaded.name,
    modelExport: modelRefText(model),
    rulePack: loaded.describe(scenario).rulePack,
    scenario: scenario.name,
    scenarioHash: scenarioHash(file),
    seed: scenario.seed,
    runs: plan.points.length * runsPerPoint,
    completed: result.completed,
    errored: result.errored,
    status: result.aborted ? 'partial' : 'complete',
    workers: result.queue === undefined ? result.workers : 0,
    ...(result.queue === undefined ? {} : { queue: result.queue }),
    wallTimeMs: result.wallTimeMs,
    node: process.version,
    startedAt,
    files: names,
    sweep: {
      method: plan.settings.method,
      points: plan.points.length,
      runsPerPoint,
      parameters: plan.parameters.map((p) => p.path),
      outcomes: plan.outcomes.map((o) => o.key),
      sobolN: plan.saltelliN,
    },
    ...(shard === undefined ? {} : { shard }),
    ...(mergedFrom === undefined ? {} : { mergedFrom }),
  };
  const charts: (string | null)[] = [];
  for (const [k, o] of (summary?.sobol?.outcomes ?? []).entries()) {
    const spec = sobolChartSpec(o, summary!.sobol!.level);
    charts.push(spec === null ? null : scopeSvgIds(await renderSvg(spec), `sobol${k}`));
  }
  const path = (name: string) => join(outDir, name);
  guardOutputWrite(where, () => {
    writeFileSync(path(SWEEP_FILES.scenario), jsonText(file));
    writeFileSync(path(SWEEP_FILES.manifest), jsonText(manifest));
    if (shard !== undefined) {
      const file: SweepShardFile = { points: points.map(encodeExactNumbers) };
      writeFileSync(path(SWEEP_SHARD_FILE), jsonText(file));
    }
    if (summary === null) return;
    writeFileSync(path(SWEEP_FILES.points), sweepCsv(summary, points));
    if (summary.sobol !== null) writeFileSync(path(SWEEP_FILES.sobol), sobolCsv(summary.sobol));
    writeFileSync(path(SWEEP_FILES.summary), jsonText(summary));
    writeFileSync(path(SWEEP_FILES.report), sweepReportHtml({ summary, points, manifest, charts }));
  });
  return { manifest, files: names.map(path) };
}
