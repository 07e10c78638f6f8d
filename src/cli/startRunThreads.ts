/**
 * Worker threads started from the command's options alone, before the scenario is read: they import the
 * model while this thread loads it too and reads the scenario, its calibration and its starting state.
 */
import type { Backend } from '../sim/runner/backend.ts';
import { parseModelRef } from '../sim/runner/modelRef.ts';
import { createWorkerBackend } from '../sim/runner/workerBackend.ts';
import { DEFAULT_MODEL, type RunOptions } from './runOptions.ts';

/**
 * Threads for the runs of `opts` when they run here on more than one thread (not through a queue, not
 * a shard, and not fewer runs than threads when `--runs` says so); the caller closes them.
 * @example const threads = startRunThreads(opts); try { ... } finally { await threads?.close(); }
 */
export function startRunThreads(opts: RunOptions): Backend | undefined {
  // A shard's threads are as many as its block's runs, known once the scenario is read.
  if (opts.queue !== undefined || opts.shard !== undefined || !(opts.workers > 1)) return undefined;
  const runs = opts.runs === undefined ? undefined : Number(opts.runs);
  if (runs !== undefined && !(runs >= opts.workers)) return undefined;
  const model = opts.model === undefined ? DEFAULT_MODEL : parseModelRef(opts.model);
  return createWorkerBackend({ model, workers: opts.workers });
}

/**
 * The threads when they suit the resolved run (as many as it would start itself: no more threads than
 * runs), else undefined after closing them.
 * @example const threads = await keepRunThreads(early, scenario.runs)
 */
export async function keepRunThreads(
  threads: Backend | undefined,
  runs: number,
): Promise<Backend | undefined> {
  if (threads === undefined || threads.workers <= runs) return threads;
  await threads.close();
  return undefined;
}
