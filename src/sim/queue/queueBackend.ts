/**
 * The submitter's side of the run queue, as a runner backend: each run index becomes a BullMQ job with
 * an idempotent id (experiment hash, run index), so that a restarted submitter finds the jobs it added
 * before and reuses the stored results of those already completed. Workers anywhere take the jobs; the
 * runner's scheduler keeps a bounded window of runs in flight and collects them in run-index order.
 */
import { type Job, Queue, QueueEvents } from 'bullmq';
import type { RunRecord } from '../collect/runRecord.ts';
import { runRecordFromJson } from '../collect/runRecordJson.ts';
import type { Backend, RunTask } from '../runner/backend.ts';
import type { ModelRef } from '../runner/modelRef.ts';
import { errorMessage } from '../runner/runChunk.ts';
import { checkQueueReachable } from './checkQueueReachable.ts';
import { connectionOptions, RUN_JOB_NAME, RUN_JOB_OPTIONS, RUN_QUEUE_NAME } from './queueSettings.ts';
import type { QueueTarget } from './queueUrl.ts';
import { experimentHash, portableModelRef, type RunJobData, runJobId } from './runJob.ts';
import { createScenarioStore } from './scenarioStore.ts';

/**
 * Scheduling slots: the runner keeps up to twice this many chunks of runs in the queue, enough to keep
 * dozens of remote workers busy while the results wait for collection in a bounded buffer.
 */
export const QUEUE_SLOTS = 32;

/** Inputs of {@link createQueueBackend}. */
export interface QueueBackendOptions {
  readonly target: QueueTarget;
  /** The model every job names (workers import it from their own checkout). */
  readonly model: ModelRef;
  /** Scheduling slots (default {@link QUEUE_SLOTS}). */
  readonly slots?: number;
}

/**
 * A backend that runs chunks through the queue at `target`; throws `QUEUE_UNREACHABLE` when Redis does
 * not answer. The caller closes it (jobs still queued stay for the workers).
 * @example const backend = await createQueueBackend({ target: parseQueueUrl('redis://127.0.0.1:6379'), model });
 */
export async function createQueueBackend({
  target,
  model,
  slots = QUEUE_SLOTS,
}: QueueBackendOptions): Promise<Backend> {
  await checkQueueReachable(target);
  const connection = connectionOptions(target);
  const queue = new Queue<RunJobData>(RUN_QUEUE_NAME, { connection, defaultJobOptions: RUN_JOB_OPTIONS });
  const events = new QueueEvents(RUN_QUEUE_NAME, { connection });
  // Each run in flight listens on both (its completion, and the queue closing).
  events.setMaxListeners(0);
  queue.setMaxListeners(0);
  // ioredis reconnects by itself after a drop; a lasting loss shows as runs that fail or wait.
  queue.on('error', () => {});
  events.on('error', () => {});
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
  const ref = portableModelRef(model);
  const store = createScenarioStore(target);
  // An experiment's hash is computed and its scenario stored once, not once per chunk (the runner
  // passes the same scenario object with every chunk of an experiment).
  const experiments = new WeakMap<object, Promise<string>>();
  const experimentOf = (scenario: unknown, seed: number): Promise<string> => {
    const register = async () => {
      const hash = experimentHash({ scenario, seed, model: ref });
      await store.put(hash, scenario);
      return hash;
    };
    if (typeof scenario !== 'object' || scenario === null) return register();
    let known = experiments.get(scenario);
    if (known === undefined) {
      known = register();
      known.catch(() => experiments.delete(scenario));
      experiments.set(scenario, known);
    }
    return known;
  };

  const errored = (runIndex: number, message: string): RunRecord => ({ runIndex, ok: false, message });

  // The record of one job: its stored value when it has completed (now or before a restart), an errored
  // record when it failed for good. A job failed in an earlier session is retried once more.
  const recordOf = async (job: Job<RunJobData>, runIndex: number): Promise<RunRecord> => {
    try {
      if ((await job.getState()) === 'failed') await job.retry('failed');
      const value = await job.waitUntilFinished(events);
      const record = runRecordFromJson(value, `job ${job.id}`);
      if (record.runIndex !== runIndex)
        return errored(runIndex, `queue: job ${job.id} returned run ${record.runIndex}`);
      return record;
    } catch (error) {
      return errored(runIndex, `queue: job ${job.id} failed: ${errorMessage(error)}`);
    }
  };

  return {
    workers: slots,
    queue: { url: target.url },
    async run(task: RunTask) {
      const indices = Array.from({ length: task.count }, (_, i) => task.start + i);
      let jobs: Job<RunJobData>[];
      try {
        const experiment = await experimentOf(task.scenario, task.seed);
        // Adding an id that exists is a no-op: a resumed experiment finds its jobs where they are.
        jobs = await queue.addBulk(
          indices.map((runIndex) => ({
            name: RUN_JOB_NAME,
            data: { experiment, seed: task.seed, runIndex, model: ref },
            opts: { jobId: runJobId(experiment, runIndex) },
          })),
        );
      } catch (error) {
        const message = `queue: could not add the jobs: ${errorMessage(error)}`;
        return indices.map((runIndex) => errored(runIndex, message));
      }
      // One record per run index, whatever the workers did (a stalled job completed twice still
      // settles its wait once), so nothing is counted twice.
      return Promise.all(jobs.map((job, i) => recordOf(job, indices[i]!)));
    },
    async close() {
      await Promise.all([events.close(), queue.close(), store.close()]);
    },
  };
}
