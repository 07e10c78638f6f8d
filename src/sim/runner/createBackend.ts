/** The backend for a worker count: the main thread for 1, else a pool of worker threads. */
import type { Backend } from './backend.ts';
import { createInlineBackend } from './inlineBackend.ts';
import { loadModel, type ModelRef } from './modelRef.ts';
import { createWorkerBackend } from './workerBackend.ts';

/**
 * A backend running `model` on `workers` threads (1: the main thread, which imports the model here).
 * The caller closes it.
 * @example const backend = await createBackend({ model: ref, workers: 2 }); try { ... } finally { await backend.close(); }
 */
export async function createBackend({
  model,
  workers,
}: {
  model: ModelRef;
  workers: number;
}): Promise<Backend> {
  return workers <= 1
    ? createInlineBackend({ model: await loadModel(model) })
    : createWorkerBackend({ model, workers });
}
