/**
 * Run an experiment: every run index of a scenario through a model, on the main thread or a worker
 * pool, results fed to the streaming collectors strictly in run-index order (out-of-order completions
 * wait in a buffer bounded by the runs in flight), so `summary.json` and `runs.csv` are the same bytes
 * for any worker count. A run that throws is listed as errored; an abort stops scheduling, waits for
 * the runs in flight and writes partial results. With a shard, only its block of run indices runs and
 * its records are written for `merge` (see experimentShard.ts).
 */
import { performance } from 'node:perf_hooks';
import type { Scenario } from '../scenario/scenarioSchema.ts';
import type { Backend } from './backend.ts';
import { createBackend } from './createBackend.ts';
import { type ExperimentOutputs, type ExperimentResult, openExperimentOutputs } from './experimentOutputs.ts';
import { type ExperimentShard, shardBlock } from './experimentShard.ts';
import { loadModel, type ModelRef, parseModelRef } from './modelRef.ts';
import { prepareOutputDir } from './prepareOutputDir.ts';
import { scheduleRuns } from './scheduleRuns.ts';

export type { ExperimentResult } from './experimentOutputs.ts';

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
  /**
   * Run only this shard's block of the run indices (same seed and run indices as the whole run) and
   * write its records, manifest and scenario for `merge` instead of runs.csv and summary.json.
   */
  readonly shard?: ExperimentShard;
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
  const block =
    options.shard === undefined ? undefined : { ...options.shard, ...shardBlock(options.shard, runs) };
  const total = block?.runs ?? runs;
  const first = block?.firstRun ?? 0;
  const workers = options.backend?.workers ?? Math.max(1, Math.min(Math.floor(options.workers ?? 1), total));
  const { signal, onProgress, outDir } = options;
  // Workers import the module themselves: give them an absolute location, whatever the caller wrote.
  const ref = parseModelRef(`${options.model.module}#${options.model.exportName}`);

  // The folder is checked before the model loads, so an unusable one fails at once; any later write
  // that fails surfaces as an OutputDirError naming it too.
  const where = { dir: outDir, field: options.outDirField ?? 'outDir' };
  prepareOutputDir(where);

  // Threads start first: they import the model while this thread does the same and opens the outputs.
  const backend = options.backend ?? (await createBackend({ model: ref, workers }));
  let outputs: ExperimentOutputs;
  try {
    const model = await loadModel(ref);
    outputs = openExperimentOutputs({ model, ref, scenario, where, shard: block });
  } catch (error) {
    if (options.backend === undefined) await backend.close();
    throw error;
  }

  const report = () => {
    const { completed, errored } = outputs.counts();
    onProgress?.({
      done: completed + errored,
      total,
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
      total,
      workers,
      // A shard's positions are offsets into its block: the run indices, and so the runs, are the whole run's.
      run: (range) => backend.run({ scenario, seed, start: first + range.start, count: range.count }),
      collect: (records) => {
        outputs.add(records);
        report();
      },
      signal,
    });
  } finally {
    if (options.backend === undefined) await backend.close();
    outputs.close();
  }
  return outputs.finish({
    aborted: collected < total,
    workers: backend.queue === undefined ? workers : 0,
    ...(backend.queue === undefined ? {} : { queue: { url: backend.queue.url } }),
    wallTimeMs: Math.round(performance.now() - started),
    startedAt,
  });
}
