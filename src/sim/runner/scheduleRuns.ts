/**
 * Keep a backend's threads busy with chunks of a run sequence and hand the records back strictly in
 * sequence order: completed chunks wait in a buffer (bounded by the chunks in flight) until every
 * earlier one is collected, so what the caller builds is the same whatever the worker count. An abort
 * stops scheduling and waits for the chunks in flight.
 */
import { performance } from 'node:perf_hooks';
import type { RunRecord } from '../collect/runRecord.ts';
import type { ChunkRange } from './runChunk.ts';

/** Inputs of {@link scheduleRuns}. */
export interface ScheduleOptions {
  /** Length of the sequence (positions 0 … total − 1). */
  readonly total: number;
  /** Threads the chunks run on (sets how many are kept in flight). */
  readonly workers: number;
  /** Runs the positions of a chunk; never rejects for a failed run (that is an errored record). */
  run(range: ChunkRange): Promise<readonly RunRecord[]>;
  /** Receives each chunk's records, in sequence order; a throw stops scheduling and is rethrown. */
  collect(records: readonly RunRecord[]): void;
  readonly signal?: AbortSignal | undefined;
}

// Chunks aim at ~100 ms of work: small enough for smooth progress and a quick stop, large enough that
// messaging costs nothing next to the runs.
const CHUNK_TARGET_MS = 100;
const MAX_CHUNK = 64;

/**
 * Run positions `0 … total − 1` in chunks and collect them in order; resolves to how many positions were
 * collected (fewer than `total` when stopped by the signal).
 * @example const collected = await scheduleRuns({ total: 100, workers: 2, run: backendRun, collect: add });
 */
export async function scheduleRuns({
  total,
  workers,
  run,
  collect,
  signal,
}: ScheduleOptions): Promise<number> {
  // A function, not a narrowed property read: the signal can fire while we await.
  const stopping = () => signal?.aborted === true;
  // Completed chunks wait here, keyed by their first position, until every earlier one is collected.
  const waiting = new Map<number, readonly RunRecord[]>();
  let nextToCollect = 0;
  // Throughput since the first collected chunk (pool start-up excluded), to size chunks.
  let firstCollected: { done: number; at: number } | null = null;
  const collectReady = () => {
    let records = waiting.get(nextToCollect);
    while (records !== undefined) {
      waiting.delete(nextToCollect);
      collect(records);
      nextToCollect += records.length;
      records = waiting.get(nextToCollect);
    }
    if (firstCollected === null && nextToCollect > 0)
      firstCollected = { done: nextToCollect, at: performance.now() };
  };

  let nextToStart = 0;
  const inFlight = new Set<Promise<void>>();
  const chunkSize = () => {
    const remaining = total - nextToStart;
    // Keep every worker busy to the end: no chunk larger than a share of what is left.
    const fair = Math.max(1, Math.ceil(remaining / (workers * 4)));
    if (firstCollected === null || nextToCollect === firstCollected.done) return 1;
    const msPerRun =
      ((performance.now() - firstCollected.at) * workers) / (nextToCollect - firstCollected.done);
    return Math.max(1, Math.min(MAX_CHUNK, fair, Math.floor(CHUNK_TARGET_MS / Math.max(msPerRun, 1e-3))));
  };
  // A failure while collecting (a full disk, a bug) stops scheduling and is rethrown once the chunks in
  // flight are settled, so no promise is left rejecting unobserved.
  let failure: { error: unknown } | null = null;
  while (nextToStart < total && !stopping() && failure === null) {
    while (inFlight.size < workers * 2 && nextToStart < total && !stopping() && failure === null) {
      const range = { start: nextToStart, count: Math.min(chunkSize(), total - nextToStart) };
      nextToStart += range.count;
      const task: Promise<void> = run(range)
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
  // Stopping or done: the chunks already started finish and are collected.
  await Promise.all(inFlight);
  if (failure !== null) throw (failure as { error: unknown }).error;
  return nextToCollect;
}
