/**
 * How runs travel through BullMQ: one queue shared by every experiment, the options each run's job is
 * added with, and the lock timing that decides how soon a dead worker's job goes to another.
 */
import type { ConnectionOptions, JobsOptions } from 'bullmq';
import type { QueueTarget } from './queueUrl.ts';

/** The BullMQ queue every experiment's runs go to (workers take jobs of any experiment). */
export const RUN_QUEUE_NAME = 'tensormarket-runs';

/** The name of a run's job (one run index of one experiment). */
export const RUN_JOB_NAME = 'run';

/** Completed and failed jobs are kept this long, so a restarted submitter finds their results. */
const KEEP_FINISHED_SECONDS = 24 * 60 * 60;

/**
 * An experiment's scenario is stored once, not in each of its jobs (with a starting state it is ~100 kB:
 * 1,000 runs would hold 100 MB). It outlives the finished jobs; each submission renews it.
 */
export const KEEP_SCENARIO_SECONDS = 2 * KEEP_FINISHED_SECONDS;

/** The Redis key of an experiment's scenario. */
export function scenarioKey(experiment: string): string {
  return `tensormarket:scenario:${experiment}`;
}

/**
 * Options of every run's job. A run that throws is a completed job (its value is the errored record), so
 * the attempts only cover the infrastructure: a worker that died or lost Redis mid-run.
 */
export const RUN_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'fixed', delay: 500 },
  removeOnComplete: { age: KEEP_FINISHED_SECONDS },
  removeOnFail: { age: KEEP_FINISHED_SECONDS },
};

/**
 * Default lock of a worker on its job, in ms. Runs execute in worker threads, so the process's event
 * loop stays free to renew the lock however long a run takes; a short lock only means a killed worker's
 * job is taken over quickly (after the lock expires and the next stalled check).
 */
export const DEFAULT_LOCK_MS = 10_000;

/** Stalled checks run this often relative to the lock (a killed worker's job waits at most lock + this). */
export function stalledIntervalMs(lockMs: number): number {
  return Math.max(500, Math.round(lockMs / 2));
}

/** How often one job may be caught stalled (its worker gone) before it counts as failed. */
export const MAX_STALLED_COUNT = 3;

/** Where and how to connect, as ioredis and BullMQ take it. */
export interface RedisEndpoint {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  readonly tls?: Record<string, never>;
}

/** ioredis options for a target (host, port, database, credentials, TLS). */
export function redisOptions(target: QueueTarget): RedisEndpoint {
  return {
    host: target.host,
    port: target.port,
    db: target.db,
    ...(target.username === undefined ? {} : { username: target.username }),
    ...(target.password === undefined ? {} : { password: target.password }),
    ...(target.tls ? { tls: {} } : {}),
  };
}

/**
 * BullMQ connection options for a target. `maxRetriesPerRequest: null` because workers and queue events
 * read with blocking commands that must wait indefinitely (BullMQ requires it for them).
 */
export function connectionOptions(target: QueueTarget): ConnectionOptions {
  return { ...redisOptions(target), maxRetriesPerRequest: null };
}
