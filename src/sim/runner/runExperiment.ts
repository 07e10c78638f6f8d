/**
 * Run an experiment: every run index of a scenario through a model, on the main thread or a worker
 * pool, results fed to the streaming collectors strictly in run-index order (out-of-order completions
 * wait in a buffer bounded by the runs in flight), so `summary.json` and `runs.csv` are the same bytes
 * for any worker count. A run that throws is listed as errored; an abort stops scheduling, waits for
 * the runs in flight and writes partial results.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BLOCKS_PER_DAY } from '../../engine/chainConstants.ts';
import { TensormarketError } from '../../engine/errors.ts';
import { createExperimentCollector } from '../collect/experimentCollector.ts';
import { createRunsCsvWriter } from '../collect/runsCsvWriter.ts';
import type { Summary } from '../collect/summary.ts';
import { type CheckedShape, checkModelShape } from '../contract/checkModelShape.ts';
import type { ModelDescription, ModelShape } from '../contract/types.ts';
import { scenarioHash } from '../scenario/scenarioHash.ts';
import { type Scenario, STEP_BLOCKS, toScenarioFile } from '../scenario/scenarioSchema.ts';
import type { Backend } from './backend.ts';
import { createBackend } from './createBackend.ts';
import { jsonText } from './jsonText.ts';
import { type Manifest, PROJECT_ROOT, packageInfo } from './manifest.ts';
import { loadModel, type ModelRef, parseModelRef } from './modelRef.ts';
import { guardOutputWrite } from './outputDirError.ts';
import { prepareOutputDir } from './prepareOutputDir.ts';
import { errorMessage } from './runChunk.ts';
import { scheduleRuns } from './scheduleRuns.ts';

/** Progress of an experiment, reported after each chunk of runs is collected. */
export interface ExperimentProgress {
  /** Runs collected (completed + errored) and requested. */
  readonly done: number;
  readonly total: number;
  readonly completed: number;
  readonly errored: number;
  readonly elapsedMs: number;
  /** True once an abort was requested: no new runs start. */
  readonly stopping: boolean;
}

/** Inputs of {@link runExperiment}. */
export interface ExperimentOptions {
  /** The model, by module and export (worker threads import it). */
  readonly model: ModelRef;
  /** The resolved scenario (runs and seed below override its own). */
  readonly scenario: Scenario;
  readonly runs?: number;
  readonly seed?: number;
  /** Threads: 1 runs in the main thread (default 1); ignored with a `backend` (a queue's, for one). */
  readonly workers?: number;
  /**
   * Threads already running the model, shared with what the caller runs next (left open; `workers` is
   * then theirs). Default: a backend for `workers`, closed at the end.
   */
  readonly backend?: Backend;
  readonly onProgress?: (progress: ExperimentProgress) => void;
  readonly signal?: AbortSignal;
  /** Folder for runs.csv, summary.json, manifest.json and scenario.json (created if missing). */
  readonly outDir: string;
  /** How errors about the folder name it (e.g. `--out`; default `outDir`). */
  readonly outDirField?: string;
}

/** What an experiment produced. */
export interface ExperimentResult {
  readonly summary: Summary;
  readonly manifest: Manifest;
  /** Paths of the files written. */
  readonly files: readonly string[];
  /** True when stopped by the signal before every run finished. */
  readonly aborted: boolean;
  /** Bytes held by the collectors at the end (structural measure; flat in the number of runs). */
  readonly collectorBytes: number;
}

function refText(ref: ModelRef): string {
  const rel = relative(PROJECT_ROOT, ref.module);
  const path =
    ref.module.startsWith('file:') || rel.startsWith('..') ? ref.module : rel.split('\\').join('/');
  return `${path}#${ref.exportName}`;
}

/**
 * Run the experiment and write its outputs to `outDir`.
 * @example
 * const result = await runExperiment({
 *   model: { module: 'src/sim/model/index.ts', exportName: 'bittensorModel' },
 *   scenario, workers: 4, outDir: 'out/default',
 * });
 */
export async function runExperiment(options: ExperimentOptions): Promise<ExperimentResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const runs = options.runs ?? options.scenario.runs;
  const seed = options.seed ?? options.scenario.seed;
  const scenario: Scenario = { ...options.scenario, runs, seed };
  const workers = options.backend?.workers ?? Math.max(1, Math.min(Math.floor(options.workers ?? 1), runs));
  const { signal, onProgress, outDir } = options;
  // Workers import the module themselves: give them an absolute location, whatever the caller wrote.
  const ref = parseModelRef(`${options.model.module}#${options.model.exportName}`);

  // The folder is checked before the model loads, so an unusable one fails at once; any later write
  // that fails surfaces as an OutputDirError naming it too.
  const where = { dir: outDir, field: options.outDirField ?? 'outDir' };
  const write = <T>(fn: () => T): T => guardOutputWrite(where, fn);
  prepareOutputDir(where);

  const model = await loadModel(ref);
  let declared: ModelShape;
  let description: ModelDescription;
  try {
    declared = model.shape(scenario);
    description = model.describe(scenario);
  } catch (cause) {
    throw new TensormarketError(
      'MODEL_FAILED',
      `the model's shape or description failed: ${errorMessage(cause)}`,
      {
        cause,
      },
    );
  }
  // Before anything is written: a shape that names a missing outcome is the model's bug, said at once.
  const shape: CheckedShape = checkModelShape({ shape: declared, model: model.name });

  const files = {
    runs: join(outDir, 'runs.csv'),
    summary: join(outDir, 'summary.json'),
    manifest: join(outDir, 'manifest.json'),
    scenario: join(outDir, 'scenario.json'),
  };
  const file = toScenarioFile(scenario);
  write(() => writeFileSync(files.scenario, jsonText(file)));
  const csv = write(() => createRunsCsvWriter({ path: files.runs, shape }));
  const collector = createExperimentCollector({
    shape,
    scenario,
    requested: runs,
    horizonDays: scenario.horizonDays,
    daysPerStep: STEP_BLOCKS[scenario.step] / BLOCKS_PER_DAY,
  });

  const backend = options.backend ?? (await createBackend({ model: ref, workers }));

  const report = () => {
    const { completed, errored } = collector.counts();
    onProgress?.({
      done: completed + errored,
      total: runs,
      completed,
      errored,
      elapsedMs: performance.now() - started,
      stopping: signal?.aborted === true,
    });
  };
  let collected: number;
  try {
    report();
    collected = await scheduleRuns({
      total: runs,
      workers,
      run: (range) => backend.run({ scenario, seed, ...range }),
      collect: (records) => {
        write(() => {
          for (const record of records) csv.write(collector.add(record));
        });
        report();
      },
      signal,
    });
  } finally {
    if (options.backend === undefined) await backend.close();
    write(() => csv.close());
  }

  const aborted = collected < runs;
  const partial = collector.summary();
  let headline: string[];
  try {
    headline = model.headline(partial, scenario);
  } catch (error) {
    headline = [`(the model could not write its headline: ${errorMessage(error)})`];
  }
  const summary: Summary = { ...partial, headline };
  const pkg = packageInfo();
  const manifest: Manifest = {
    package: pkg.name,
    version: pkg.version,
    model: model.name,
    modelExport: refText(ref),
    rulePack: description.rulePack,
    scenario: scenario.name,
    scenarioHash: scenarioHash(file),
    seed,
    runs,
    completed: summary.runs.completed,
    errored: summary.runs.errored,
    status: aborted ? 'partial' : 'complete',
    workers: backend.queue === undefined ? workers : 0,
    ...(backend.queue === undefined ? {} : { queue: { url: backend.queue.url } }),
    wallTimeMs: Math.round(performance.now() - started),
    node: process.version,
    startedAt,
    files: ['runs.csv', 'summary.json', 'manifest.json', 'scenario.json'],
  };
  write(() => {
    writeFileSync(files.summary, jsonText(summary));
    writeFileSync(files.manifest, jsonText(manifest));
  });
  return {
    summary,
    manifest,
    files: [files.runs, files.summary, files.manifest, files.scenario],
    aborted,
    collectorBytes: collector.sizeBytes(),
  };
}
