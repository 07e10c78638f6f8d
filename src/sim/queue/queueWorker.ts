/**
 * The worker's side of the run queue: take run jobs of any experiment, run each in a pool of worker
 * threads (one pool per model, the model imported once per thread) and complete the job with the record
 * as bit-exact JSON. A run that throws completes its job with the errored record (the same one a local
 * run makes); only infrastructure failures (a thread that died, a model that cannot be imported) fail
 * the attempt, so that BullMQ retries the job.
 */
import { hostname } from 'node:os';
import { type Job, Worker } from 'bullmq';
import { runRecordToJson } from '../collect/runRecordJson.ts';
import type { Backend } from '../runner/backend.ts';
import type { ModelRef } from '../runner/modelRef.ts';
import { createWorkerBackend, WORKER_FAILED } from '../runner/workerBackend.ts';
import { checkQueueReachable } from './checkQueueReachable.ts';
import {
  connectionOptions,
  DEFAULT_LOCK_MS,
  MAX_STALLED_COUNT,
  RUN_QUEUE_NAME,
  stalledIntervalMs,
} from './queueSettings.ts';
import type { QueueTarget } from './queueUrl.ts';
import { localModelRef, parseRunJobData, type RunJobData } from './runJob.ts';
import { createScenarioStore } from './scenarioStore.ts';

/** What a worker has done since it started. */
export interface QueueWorkerCounts {
  /** Jobs completed (runs that finished or threw). */
  readonly completed: number;
  /** Of those, runs that threw (errored records). */
  readonly errored: number;
  /** Attempts that failed for infrastructure reasons (retried by the queue). */
  readonly failed: number;
}

/** Inputs of {@link startQueueWorker}. */
export interface QueueWorkerOptions {
  readonly target: QueueTarget;
  /** Runs at once: BullMQ slots and worker threads per model. */
  readonly concurrency: number;
  /** How long a job stays claimed without a sign of life (default {@link DEFAULT_LOCK_MS}). */
  readonly lockMs?: number;
  /** Called after each job (completed or failed attempt). */
  readonly onJob?: (counts: QueueWorkerCounts, failure?: string) => void;
  /** Called on a connection error (the worker keeps trying). */
  readonly onError?: (error: Error) => void;
}

/** A running worker. */
export interface QueueWorker {
  counts(): QueueWorkerCounts;
  /** Stop taking jobs, finish those running, and release every connection and thread. */
  close(): Promise<void>;
}

/**
 * Start processing the queue at `target`; throws `QUEUE_UNREACHABLE` when Redis does not answer.
 * @example const worker = await startQueueWorker({ target, concurrency: 2 }); ...; await worker.close();
 */
export async function startQueueWorker({
  target,
  concurrency,
  lockMs = DEFAULT_LOCK_MS,
  onJob,
  onError,
}: QueueWorkerOptions): Promise<QueueWorker> {
  await checkQueueReachable(target);
  const store = createScenarioStore(target);
  const pools = new Map<string, Backend>();
  const poolFor = (model: ModelRef): Backend => {
    const key = `${model.module}#${model.exportName}`;
    let pool = pools.get(key);
    if (pool === undefined) {
      pool = createWorkerBackend({ model, workers: concurrency });
      pools.set(key, pool);
    }
    return pool;
  };
  let completed = 0;
  let errored = 0;
  let failed = 0;
  const counts = (): QueueWorkerCounts => ({ completed, errored, failed });

  const process = async (job: Job<RunJobData>) => {
    const data = parseRunJobData(job.data, target.url, String(job.id));
    const [record] = await poolFor(localModelRef(data.model)).run({
      scenario: await store.get(data.experiment),
      seed: data.seed,
      start: data.runIndex,
      count: 1,
    });
    if (record === undefined || (!record.ok && record.message.startsWith(WORKER_FAILED)))
      throw new Error(record?.message ?? `${WORKER_FAILED}: no record`);
    return runRecordToJson(record);
  };

  const worker = new Worker<RunJobData>(RUN_QUEUE_NAME, process, {
    connection: connectionOptions(target),
    concurrency,
    lockDuration: lockMs,
    stalledInterval: stalledIntervalMs(lockMs),
    maxStalledCount: MAX_STALLED_COUNT,
    name: `${hostname()}:${globalThis.process.pid}`,
    autorun: false,
  });
  worker.on('completed', (_job, value) => {
    completed += 1;
    if ((value as { ok?: unknown } | undefined)?.ok === false) errored += 1;
    onJob?.(counts());
  });
  worker.on('failed', (_job, error) => {
    failed += 1;
    onJob?.(counts(), error.message);
  });
  // ioredis reconnects by itself after a drop; the worker says so and carries on.
  worker.on('error', (error) => onError?.(error));
  await worker.waitUntilReady();
  // Not awaited: it resolves when the worker is closed.
  void worker.run();
  return {
    counts,
    async close() {
      await worker.close();
      await Promise.all([...[...pools.values()].map((pool) => pool.close()), store.close()]);
    },
  };
}
