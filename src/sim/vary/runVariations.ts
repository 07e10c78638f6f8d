/**
 * Paired variations: named sets of parameter changes of one scenario, every one run on the same run
 * indices under the same master seed, so run i of each variation sees the same random streams and a
 * difference between variations is the changes' effect, not noise. All variations share one backend
 * (the runner's main thread or worker pool) and one schedule, so the threads stay busy from the first
 * variation to the last; the columns are the same whatever the worker count.
 */
import { performance } from 'node:perf_hooks';
import { InputError, TensormarketError } from '../../engine/errors.ts';
import type { RunRecord } from '../collect/runRecord.ts';
import type { MetricInfo } from '../contract/types.ts';
import type { Backend } from '../runner/backend.ts';
import { createBackend } from '../runner/createBackend.ts';
import { loadModel, type ModelRef, parseModelRef } from '../runner/modelRef.ts';
import type { ChunkRange } from '../runner/runChunk.ts';
import { errorMessage } from '../runner/runChunk.ts';
import type { ExperimentProgress } from '../runner/runExperiment.ts';
import { scheduleRuns } from '../runner/scheduleRuns.ts';
import { overrideModel, type ParameterOverride } from '../scenario/overrideModel.ts';
import type { Scenario } from '../scenario/scenarioSchema.ts';

/** One variation: a name and the parameters it sets (none: the scenario as it is). */
export interface Variation {
  readonly name: string;
  readonly overrides: readonly ParameterOverride[];
}

/** Inputs of {@link runVariations}. */
export interface VariationsOptions {
  /** The model, by module and export (worker threads import it). */
  readonly model: ModelRef;
  /** The resolved scenario every variation starts from (its `runs` and `seed` are not read). */
  readonly scenario: Scenario;
  readonly variations: readonly Variation[];
  /** Run indices 0 … runs − 1 of every variation. */
  readonly runs: number;
  readonly seed: number;
  /** Threads: 1 runs in the main thread (default 1). */
  readonly workers?: number;
  /** Threads already running the model (left open; `workers` is then theirs). Default: a backend for `workers`. */
  readonly backend?: Backend | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Progress over all variations' runs, after each chunk is collected. */
  readonly onProgress?: ((progress: ExperimentProgress) => void) | undefined;
  /** Time series to keep whole, by key (each run's every recorded point); default none. */
  readonly series?: readonly string[] | undefined;
}

/** What one variation produced. */
export interface VariationResult {
  readonly name: string;
  readonly overrides: readonly ParameterOverride[];
  /** Per outcome key, one value per run index (NaN where the run errored or was not run). */
  readonly outcomes: Readonly<Record<string, Float64Array>>;
  /**
   * Per kept series key, run-major values: `[runIndex * steps.length + point]` (NaN where the run errored
   * or was not run); `steps` are the recorded steps (empty when no series was asked for).
   */
  readonly series: Readonly<Record<string, Float64Array>>;
  readonly steps: Int32Array;
  readonly completed: number;
  readonly errored: number;
  /** The first errored run's message, or null. */
  readonly firstError: string | null;
}

/** What {@link runVariations} produced. */
export interface VariationsResult {
  /** The model's outcomes, in its order (the keys of every variation's `outcomes`). */
  readonly outcomes: readonly MetricInfo[];
  readonly variations: readonly VariationResult[];
  readonly runs: number;
  readonly seed: number;
  readonly workers: number;
  /** True when stopped by the signal before every run finished. */
  readonly aborted: boolean;
  readonly wallTimeMs: number;
}

/**
 * Run every variation on run indices `0 … runs − 1` under `seed`. Throws `InputError` before any run
 * when a variation's change is not valid (naming the parameter) or the inputs are malformed.
 * @example
 * const result = await runVariations({ model, scenario, runs: 16, seed: 1, workers: 2, variations: [
 *   { name: 'base', overrides: [] },
 *   { name: 'calm', overrides: [{ path: 'market.demandVolatilityPerYear', value: 0.8 }] },
 * ] });
 * result.variations[1].outcomes.holderReturn // Float64Array(16)
 */
export async function runVariations(options: VariationsOptions): Promise<VariationsResult> {
  const started = performance.now();
  const { runs, seed, signal, onProgress } = options;
  if (!Number.isInteger(runs) || runs < 1)
    throw new InputError('runs', `expected an integer of at least 1 run per variation, got ${runs}`);
  if (options.variations.length === 0)
    throw new InputError('variations', 'expected at least one variation, got none');
  const names = new Set<string>();
  for (const v of options.variations) {
    if (names.has(v.name))
      throw new InputError('variations', `expected distinct names, got "${v.name}" twice`);
    names.add(v.name);
  }
  const ref = parseModelRef(`${options.model.module}#${options.model.exportName}`);
  const model = await loadModel(ref);
  // Every variation's scenario is built (and checked) before any run starts.
  const scenarios = options.variations.map((v) =>
    overrideModel({ scenario: options.scenario, modelSchema: model.schema, overrides: v.overrides }),
  );
  let outcomes: readonly MetricInfo[];
  try {
    outcomes = model.shape(options.scenario).outcomes;
    for (const [k, s] of scenarios.entries()) {
      const keys = model.shape(s).outcomes.map((o) => o.key);
      if (keys.join('\n') !== outcomes.map((o) => o.key).join('\n'))
        throw new Error(`variation "${options.variations[k]!.name}" changes the model's outcomes`);
    }
  } catch (cause) {
    throw new TensormarketError('MODEL_FAILED', `the model's shape failed: ${errorMessage(cause)}`, {
      cause,
    });
  }

  const workers =
    options.backend?.workers ??
    Math.max(1, Math.min(Math.floor(options.workers ?? 1), runs * scenarios.length));
  const kept = options.series ?? [];
  const seriesKeys = kept.length === 0 ? [] : model.shape(options.scenario).series.map((s) => s.key);
  for (const key of kept)
    if (!seriesKeys.includes(key))
      throw new InputError('series', `the model has no series "${key}"; it has ${seriesKeys.join(', ')}`);
  // Every run of a scenario records the same steps; the first finished run tells how many.
  let steps = new Int32Array(0);
  const results = options.variations.map((v) => ({
    name: v.name,
    overrides: v.overrides,
    outcomes: Object.fromEntries(
      outcomes.map((o) => [o.key, new Float64Array(runs).fill(Number.NaN)] as const),
    ),
    series: {} as Record<string, Float64Array>,
    steps: new Int32Array(0),
    completed: 0,
    errored: 0,
    firstError: null as string | null,
  }));
  const total = runs * scenarios.length;
  const backend = options.backend ?? (await createBackend({ model: ref, workers }));

  // Position p of the schedule is run index p mod runs of variation ⌊p / runs⌋; a chunk that crosses
  // variations runs as one task per variation.
  const runRange = async ({ start, count }: ChunkRange): Promise<RunRecord[]> => {
    const tasks: Promise<RunRecord[]>[] = [];
    for (let p = start; p < start + count; ) {
      const v = Math.floor(p / runs);
      const runIndex = p % runs;
      const n = Math.min(runs - runIndex, start + count - p);
      tasks.push(backend.run({ scenario: scenarios[v], seed, start: runIndex, count: n }));
      p += n;
    }
    return (await Promise.all(tasks)).flat();
  };
  let position = 0;
  let done = { completed: 0, errored: 0 };
  const report = () =>
    onProgress?.({
      done: done.completed + done.errored,
      total,
      ...done,
      elapsedMs: performance.now() - started,
      stopping: signal?.aborted === true,
    });
  const collect = (records: readonly RunRecord[]) => {
    for (const record of records) {
      const result = results[Math.floor(position / runs)]!;
      position += 1;
      if (record.ok) {
        outcomes.forEach((o, k) => {
          result.outcomes[o.key]![record.runIndex] = record.output.outcomes[k] ?? Number.NaN;
        });
        const width = seriesKeys.length;
        if (kept.length > 0 && steps.length === 0) steps = Int32Array.from(record.output.steps);
        const points = steps.length;
        for (const key of kept) {
          const column = seriesKeys.indexOf(key);
          result.series[key] ??= new Float64Array(runs * points).fill(Number.NaN);
          const out = result.series[key]!;
          for (let t = 0; t < points; t++)
            out[record.runIndex * points + t] = record.output.series[t * width + column] ?? Number.NaN;
        }
        result.completed += 1;
        done = { ...done, completed: done.completed + 1 };
      } else {
        result.errored += 1;
        result.firstError ??= record.message;
        done = { ...done, errored: done.errored + 1 };
      }
    }
    report();
  };
  let collected: number;
  try {
    report();
    collected = await scheduleRuns({ total, workers, run: runRange, collect, signal });
  } finally {
    if (options.backend === undefined) await backend.close();
  }
  for (const result of results) {
    result.steps = steps;
    for (const key of kept) result.series[key] ??= new Float64Array(runs * steps.length).fill(Number.NaN);
  }
  return {
    outcomes,
    variations: results,
    runs,
    seed,
    workers,
    aborted: collected < total,
    wallTimeMs: Math.round(performance.now() - started),
  };
}
