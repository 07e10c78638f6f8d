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
import type { RunRecord } from '../collect/runRecord.ts';
import { createRunsCsvWriter } from '../collect/runsCsvWriter.ts';
import type { Summary } from '../collect/summary.ts';
import { type CheckedShape, checkModelShape } from '../contract/checkModelShape.ts';
import type { ModelDescription, ModelShape } from '../contract/types.ts';
import { scenarioHash } from '../scenario/scenarioHash.ts';
import { type Scenario, STEP_BLOCKS, toScenarioFile } from '../scenario/scenarioSchema.ts';
import type { Backend } from './backend.ts';
import { createInlineBackend } from './inlineBackend.ts';
import { type Manifest, PROJECT_ROOT, packageInfo } from './manifest.ts';
import { loadModel, type ModelRef, parseModelRef } from './modelRef.ts';
import { guardOutputWrite } from './outputDirError.ts';
import { prepareOutputDir } from './prepareOutputDir.ts';
import { errorMessage } from './runChunk.ts';
import { createWorkerBackend } from './workerBackend.ts';

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
  /** Threads: 1 runs in the main thread (default 1). */
  readonly workers?: number;
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

// Chunks aim at ~100 ms of work: small enough for smooth progress and a quick stop, large enough that
// messaging costs nothing next to the runs.
const CHUNK_TARGET_MS = 100;
const MAX_CHUNK = 64;

/** JSON with undefined figures (NaN, ±Infinity) written as null, indented, ending with a newline. */
function jsonText(value: unknown): string {
  return `${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
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
  const workers = Math.max(1, Math.min(Math.floor(options.workers ?? 1), runs));
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

  const backend: Backend =
    workers === 1
      ? createInlineBackend({ model, scenario, seed })
      : createWorkerBackend({ model: ref, scenario, seed, workers });

  // A function, not a narrowed property read: the signal can fire while we await.
  const stopping = () => signal?.aborted === true;
  // Completed chunks wait here, keyed by first run index, until every earlier run is collected.
  const waiting = new Map<number, RunRecord[]>();
  let nextToCollect = 0;
  // Throughput since the first collected run (pool start-up excluded), to size chunks.
  let firstCollected: { done: number; at: number } | null = null;
  const report = () => {
    const { completed, errored } = collector.counts();
    onProgress?.({
      done: completed + errored,
      total: runs,
      completed,
      errored,
      elapsedMs: performance.now() - started,
      stopping: stopping(),
    });
  };
  const collectReady = () => {
    write(() => {
      let records = waiting.get(nextToCollect);
      while (records !== undefined) {
        waiting.delete(nextToCollect);
        for (const record of records) csv.write(collector.add(record));
        nextToCollect += records.length;
        records = waiting.get(nextToCollect);
      }
    });
    if (firstCollected === null && nextToCollect > 0)
      firstCollected = { done: nextToCollect, at: performance.now() };
    report();
  };

  let nextToStart = 0;
  const inFlight = new Set<Promise<void>>();
  const chunkSize = () => {
    const remaining = runs - nextToStart;
    // Keep every worker busy to the end: no chunk larger than a share of what is left.
    const fair = Math.max(1, Math.ceil(remaining / (workers * 4)));
    if (firstCollected === null || nextToCollect === firstCollected.done) return 1;
    const msPerRun =
      ((performance.now() - firstCollected.at) * workers) / (nextToCollect - firstCollected.done);
    return Math.max(1, Math.min(MAX_CHUNK, fair, Math.floor(CHUNK_TARGET_MS / Math.max(msPerRun, 1e-3))));
  };
  // A failure while collecting (a full disk, a bug) stops scheduling and is rethrown once the runs in
  // flight are settled, so no promise is left rejecting unobserved.
  let failure: { error: unknown } | null = null;
  try {
    report();
    while (nextToStart < runs && !stopping() && failure === null) {
      while (inFlight.size < workers * 2 && nextToStart < runs && !stopping() && failure === null) {
        const range = { start: nextToStart, count: Math.min(chunkSize(), runs - nextToStart) };
        nextToStart += range.count;
        const task: Promise<void> = backend
          .run(range)
          .then((records) => {
            if (failure !== null) return;
            waiting.set(range.start, records);
            collectReady();
          })
          .catch((error: unknown) => {
            failure ??= { error };
          })
          .finally(() => {
            inFlight.delete(task);
          });
        inFlight.add(task);
      }
      if (inFlight.size > 0) await Promise.race(inFlight);
    }
    // Stopping or done: the runs already started finish and are collected.
    await Promise.all(inFlight);
  } finally {
    await backend.close();
    write(() => csv.close());
  }
  if (failure !== null) throw (failure as { error: unknown }).error;

  const aborted = nextToCollect < runs;
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
    workers,
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
