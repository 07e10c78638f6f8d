/**
 * The dashboard's runs: one at a time, each a shipped scenario run in this process by the functions the
 * command line uses (`simulateScenario` as `simulate` does, `runComparison` as `compare` does), written to
 * `<runsDir>/<id>/`. Progress goes to subscribers at most every {@link PROGRESS_INTERVAL_MS} (the final
 * state at once); a stop aborts the run's signal, which keeps partial results as Ctrl-C does.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../engine/errors.ts';
import type {
  RunEntryJson,
  RunProgressJson,
  RunRequestJson,
  RunStartedJson,
} from '../../sdk/dashboard/runsApi.ts';
import { runComparison } from '../../sim/compare/runComparison.ts';
import type { ExperimentProgress } from '../../sim/runner/runExperiment.ts';
import { type ResolvedRun, resolveRunOptions } from '../runOptions.ts';
import { simulateScenario } from '../simulateScenario.ts';
import { runId } from './runId.ts';
import { RunsApiError } from './runsApiError.ts';
import { SCENARIOS_DIR, shippedScenarioPath } from './shippedScenarios.ts';

/** Progress is sent at most this often (about five times a second): a page needs no more. */
export const PROGRESS_INTERVAL_MS = 200;

/** How errors about the runs folder name it. */
const RUNS_DIR_FIELD = '--runs-dir';

/** Options of {@link createRunManager}. */
export interface RunManagerOptions {
  /** Where each run writes its folder; created when the first run starts. */
  readonly runsDir: string;
  /** Worker threads per run. */
  readonly workers: number;
  /** The shipped scenarios' folder (default: the project's `scenarios/`). */
  readonly scenariosDir?: string;
}

/** Receives a run's progress: its current state at once, then changes. */
export type ProgressListener = (progress: RunProgressJson) => void;

/** The runs of a dashboard. */
export interface RunManager {
  /** Start a run; `InputError` for a bad field, `RunsApiError` `RUN_IN_PROGRESS` while one is going. */
  start(request: RunRequestJson): Promise<RunStartedJson>;
  /** Every run of this process, newest first. */
  list(): RunEntryJson[];
  /** Follow a run until unsubscribed; `RunsApiError` `RUN_NOT_FOUND` for an unknown id. */
  subscribe(id: string, listener: ProgressListener): () => void;
  /** Ask a run to stop (nothing when it has ended); resolves when it has. */
  stop(id: string): Promise<RunProgressJson>;
  /** Stop the run going, if any, and wait for it. */
  close(): Promise<void>;
}

interface Run {
  readonly id: string;
  readonly scenario: string;
  progress: RunProgressJson;
  readonly controller: AbortController;
  readonly listeners: Set<ProgressListener>;
  ended: Promise<void>;
  lastSentAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const isFinal = (p: RunProgressJson) => p.state !== 'running';

/** The command line's overrides are checked with their flags' names; the API names its own fields. */
function asRequestField(error: unknown): unknown {
  if (!(error instanceof InputError) || !error.field.startsWith('--')) return error;
  const field = error.field.slice(2);
  return new InputError(field, error.message.slice(error.field.length + 2), { cause: error });
}

/**
 * The run manager of a dashboard.
 * @example const runs = createRunManager({ runsDir: 'dashboard-runs', workers: 4 }); const { id } = await runs.start({ scenario: 'default.yaml', runs: 50 })
 */
export function createRunManager(options: RunManagerOptions): RunManager {
  const runs = new Map<string, Run>();
  /** The run going, or `starting` while a start request is being checked. */
  let busy: Run | 'starting' | undefined;
  let closed = false;

  const send = (run: Run) => {
    run.timer = undefined;
    run.lastSentAt = Date.now();
    for (const listener of run.listeners) listener(run.progress);
  };
  const update = (run: Run, progress: RunProgressJson) => {
    run.progress = progress;
    if (isFinal(progress)) {
      clearTimeout(run.timer);
      send(run);
      return;
    }
    if (run.timer !== undefined) return;
    const wait = run.lastSentAt + PROGRESS_INTERVAL_MS - Date.now();
    if (wait <= 0) send(run);
    else run.timer = setTimeout(() => send(run), wait);
  };
  const find = (id: string): Run => {
    const run = runs.get(id);
    if (run === undefined)
      throw new RunsApiError('RUN_NOT_FOUND', `no run ${id} in this dashboard; GET /api/runs lists them`);
    return run;
  };

  const execute = async (run: Run, resolved: ResolvedRun): Promise<void> => {
    const { scenario, model } = resolved;
    const outDir = join(options.runsDir, run.id);
    const signal = run.controller.signal;
    const variants = (scenario.variants ?? []).map((v) => v.name);
    const counts = (p: ExperimentProgress) => ({ done: p.done, total: p.total });
    try {
      if (variants.length > 0) {
        const result = await runComparison({
          model,
          scenario,
          workers: options.workers,
          outDir,
          outDirField: RUNS_DIR_FIELD,
          signal,
          onProgress: (variant, p) => update(run, { ...counts(p), variant, variants, state: 'running' }),
        });
        update(
          run,
          result.aborted
            ? {
                ...run.progress,
                state: 'stopped',
                message: 'stopped: the variants run so far are kept; no comparison',
              }
            : { ...run.progress, state: 'done' },
        );
        return;
      }
      let message: string | undefined;
      const result = await simulateScenario({
        model,
        scenario,
        workers: options.workers,
        outDir,
        outDirField: RUNS_DIR_FIELD,
        signal,
        onPhase: (phase) => {
          message =
            phase === 'sensitivity'
              ? 'sensitivity screen'
              : phase === 'report'
                ? 'writing the report'
                : undefined;
          update(run, { ...run.progress, state: 'running', ...(message === undefined ? {} : { message }) });
        },
        onProgress: (p) =>
          update(run, { ...counts(p), state: 'running', ...(message === undefined ? {} : { message }) }),
      });
      const { completed, errored, runs: requested } = result.result.manifest;
      const main = { done: completed + errored, total: requested };
      if (result.result.aborted)
        update(run, {
          ...main,
          state: 'stopped',
          message: `stopped: partial results, ${main.done} of ${requested} runs`,
        });
      else if (result.screen?.aborted === true)
        update(run, {
          ...main,
          state: 'stopped',
          message: 'stopped in the sensitivity screen: the results without it',
        });
      else
        update(run, {
          ...main,
          state: 'done',
          ...(result.reportError === undefined
            ? {}
            : { message: `the report could not be written: ${result.reportError.message}` }),
        });
    } catch (error) {
      update(run, {
        ...run.progress,
        state: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };

  return {
    async start(request) {
      if (busy !== undefined)
        throw new RunsApiError(
          'RUN_IN_PROGRESS',
          busy === 'starting'
            ? 'a run is starting; wait for it to end or stop it'
            : `run ${busy.id} is going; wait for it to end or stop it (DELETE /api/runs/${busy.id})`,
          busy === 'starting' ? undefined : { details: { id: busy.id } },
        );
      busy = 'starting';
      try {
        const file = shippedScenarioPath(request.scenario, options.scenariosDir ?? SCENARIOS_DIR);
        const resolved = await resolveRunOptions(file, {
          ...(request.runs === undefined ? {} : { runs: String(request.runs) }),
          ...(request.horizon === undefined ? {} : { horizon: request.horizon }),
          ...(request.seed === undefined ? {} : { seed: String(request.seed) }),
          workers: options.workers,
        }).catch((error: unknown) => {
          throw asRequestField(error);
        });
        if (closed)
          throw new RunsApiError('CLOSING', 'the dashboard is shutting down; start the run on the next one');
        const id = runId(
          resolved.scenario.name,
          new Date(),
          (taken) => runs.has(taken) || existsSync(join(options.runsDir, taken)),
        );
        const run: Run = {
          id,
          scenario: request.scenario,
          progress: { done: 0, total: resolved.scenario.runs, state: 'running' },
          controller: new AbortController(),
          listeners: new Set(),
          ended: Promise.resolve(),
          lastSentAt: 0,
          timer: undefined,
        };
        runs.set(id, run);
        busy = run;
        run.ended = execute(run, resolved).finally(() => {
          busy = undefined;
        });
        return { id };
      } catch (error) {
        busy = undefined;
        throw error;
      }
    },
    list() {
      return [...runs.values()]
        .reverse()
        .map((run) => ({ id: run.id, scenario: run.scenario, ...run.progress }));
    },
    subscribe(id, listener) {
      const run = find(id);
      run.listeners.add(listener);
      listener(run.progress);
      return () => {
        run.listeners.delete(listener);
      };
    },
    async stop(id) {
      const run = find(id);
      run.controller.abort();
      await run.ended;
      return run.progress;
    },
    async close() {
      closed = true;
      if (busy === undefined || busy === 'starting') return;
      busy.controller.abort();
      await busy.ended;
    },
  };
}
