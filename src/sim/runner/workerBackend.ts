/**
 * The worker-thread backend: a piscina pool whose threads import the model by reference as they start
 * and run chunks of a scenario shared once in memory; result buffers are transferred. A chunk whose
 * worker dies comes back as errored runs.
 */
import { Piscina } from 'piscina';
import type { RunRecord } from '../collect/runRecord.ts';
import type { Backend } from './backend.ts';
import type { ModelRef } from './modelRef.ts';
import { errorMessage } from './runChunk.ts';
import { shareScenario } from './sharedScenario.ts';
import type { ChunkTask, ChunkWorkerData } from './workerTask.ts';

const WORKER_ENTRY = new URL('./worker.mjs', import.meta.url).href;

/** How the message of a run lost with its thread (not thrown by the model) begins. */
export const WORKER_FAILED = 'worker failed';

/** Flags that take a value, as the next argument. */
const VALUE_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--conditions', '-C']);
/** Flags a thread accepts in its own flags (threads reject V8 and process-wide ones). */
const THREAD_FLAGS = new Set([
  ...VALUE_FLAGS,
  '--enable-source-maps',
  '--no-warnings',
  '--no-deprecation',
  '--trace-warnings',
]);
const LOADS_TSX = /[\\/]tsx[\\/]|^tsx($|\/)|=tsx($|\/)/;

/**
 * A process's flags for the pool's threads without the ones that load tsx (the entry registers tsx
 * itself, and a second registration would put every import of a thread through both); undefined,
 * for the threads to inherit the flags as they are, when there is none of those or when another flag
 * is one a thread might reject if given explicitly (such as --max-old-space-size).
 * @example threadExecArgv(['--import', 'tsx', '--enable-source-maps']) // ['--enable-source-maps']
 */
export function threadExecArgv(argv: readonly string[] = process.execArgv): string[] | undefined {
  const flags: string[] = [];
  let dropped = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag = '', inline] = argv[i]!.split(/=(.*)/s);
    const takesValue = inline === undefined && VALUE_FLAGS.has(flag);
    const value = takesValue ? (argv[i + 1] ?? '') : (inline ?? '');
    if (takesValue) i += 1;
    if (!THREAD_FLAGS.has(flag)) return undefined;
    if (
      (flag === '--import' || flag === '--require' || flag === '-r' || flag === '--loader') &&
      LOADS_TSX.test(value)
    ) {
      dropped = true;
      continue;
    }
    flags.push(...(takesValue ? [flag, value] : [argv[i]!]));
  }
  return dropped ? flags : undefined;
}

/**
 * A pool of `workers` threads, which start (and import the model) at once.
 * @example const backend = createWorkerBackend({ model: ref, workers: 4 })
 */
export function createWorkerBackend({ model, workers }: { model: ModelRef; workers: number }): Backend {
  const workerData: ChunkWorkerData = { model };
  const execArgv = threadExecArgv();
  const pool = new Piscina<ChunkTask, RunRecord[]>({
    filename: WORKER_ENTRY,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    workerData,
    ...(execArgv === undefined ? {} : { execArgv }),
  });
  // Errors not tied to a task (a thread failing at start-up) would otherwise crash the process; the
  // affected tasks reject and are reported as errored runs.
  pool.on('error', () => {});
  return {
    workers,
    async run(task) {
      try {
        const { scenario, seed, start, count } = task;
        return await pool.run({ model, scenario: shareScenario(scenario), seed, start, count });
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
