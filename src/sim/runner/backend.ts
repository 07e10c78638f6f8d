/** Where runs execute: the main thread, a pool of worker threads or a queue, behind one interface. */
import type { RunRecord } from '../collect/runRecord.ts';
import type { ChunkRange } from './runChunk.ts';

/** A chunk of runs of one scenario: the run indices `start … start + count − 1` under the master seed. */
export interface RunTask extends ChunkRange {
  readonly scenario: unknown;
  readonly seed: number;
}

/**
 * Executes chunks of runs of any scenario of one model; never rejects (failures come back as errored
 * records).
 */
export interface Backend {
  /** Threads running at once. */
  readonly workers: number;
  /** Where the runs go when not to this machine's threads (the URL without its password). */
  readonly queue?: { readonly url: string };
  run(task: RunTask): Promise<RunRecord[]>;
  close(): Promise<void>;
}
