/**
 * The worker-thread backend: a piscina pool whose threads import the model by reference and run
 * chunks; result buffers are transferred. A chunk whose worker dies comes back as errored runs.
 */
import { Piscina } from 'piscina';
import type { RunRecord } from '../collect/runRecord.ts';
import type { Backend } from './backend.ts';
import type { ModelRef } from './modelRef.ts';
import { errorMessage } from './runChunk.ts';
import type { ChunkTask } from './workerTask.ts';

const WORKER_ENTRY = new URL('./worker.mjs', import.meta.url).href;

/** How the message of a run lost with its thread (not thrown by the model) begins. */
export const WORKER_FAILED = 'worker failed';

/**
 * A pool of `workers` threads.
 * @example const backend = createWorkerBackend({ model: ref, workers: 4 })
 */
export function createWorkerBackend({ model, workers }: { model: ModelRef; workers: number }): Backend {
  const pool = new Piscina<ChunkTask, RunRecord[]>({
    filename: WORKER_ENTRY,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
  });
  // Errors not tied to a task (a thread failing at start-up) would otherwise crash the process; the
  // affected tasks reject and are reported as errored runs.
  pool.on('error', () => {});
  return {
    workers,
    async run(task) {
      try {
        return await pool.run({ model, ...task });
      } catch (error) {
        const message = `${WORKER_FAILED}: ${errorMessage(error)}`;
        return Array.from({ length: task.count }, (_, i) => ({
          runIndex: task.start + i,
          ok: false as const,
          message,
        }));
      }
    },
    async close() {
      await pool.destroy();
    },
  };
}
