/** Where runs execute: the main thread or a pool of worker threads, behind one interface. */
import type { RunRecord } from '../collect/runRecord.ts';
import type { ChunkRange } from './runChunk.ts';

/** Executes chunks of runs; never rejects (failures come back as errored records). */
export interface Backend {
  /** Threads running at once. */
  readonly workers: number;
  run(range: ChunkRange): Promise<RunRecord[]>;
  close(): Promise<void>;
}
