/**
 * The task a worker thread runs: a chunk of runs of a model it imports by reference (cached per
 * thread) on a scenario it reads from shared memory (deserialized once per thread). The model the pool
 * names in its worker data is imported as the thread starts, so it is ready by the first chunk.
 * Results go back with their buffers transferred, not copied.
 */
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import type { RunRecord } from '../collect/runRecord.ts';
import type { Model } from '../contract/types.ts';
import { loadModel, type ModelRef } from './modelRef.ts';
import { type ChunkRange, runChunk } from './runChunk.ts';
import { readSharedScenario, type SharedScenario } from './sharedScenario.ts';
import { createGarbageCheck } from './threadGarbage.ts';

/** What the main thread sends for one chunk: the runs, the model to import and the shared scenario. */
export interface ChunkTask extends ChunkRange {
  readonly model: ModelRef;
  readonly scenario: SharedScenario;
  readonly seed: number;
}

/** What the pool gives every thread as it starts: the model to import before the first chunk. */
export interface ChunkWorkerData {
  readonly model: ModelRef;
}

const models = new Map<string, Promise<Model<unknown>>>();

function modelFor(ref: ModelRef): Promise<Model<unknown>> {
  const key = `${ref.module}#${ref.exportName}`;
  let model = models.get(key);
  if (model === undefined) {
    model = loadModel(ref);
    models.set(key, model);
  }
  return model;
}

// Importing the model while the thread starts overlaps it with the main thread's own preparation. A
// failure is not thrown here: each chunk awaits the same import and reports it as errored runs.
const preload = (workerData as Partial<ChunkWorkerData> | undefined)?.model;
if (preload !== undefined) await modelFor(preload).catch(() => undefined);

// Between chunks: finished runs' garbage is collected before it piles up (see threadGarbage.ts).
const collectGarbage = createGarbageCheck();

/** Run one chunk in this worker thread (the default export piscina calls). */
export default async function runChunkTask(task: ChunkTask): Promise<RunRecord[]> {
  const model = await modelFor(task.model);
  const scenario = readSharedScenario(task.scenario);
  const { records, buffers } = runChunk({ ...task, scenario, model });
  collectGarbage();
  // piscina's transferable protocol: the value to send and the buffers to move with it.
  return move({ [transferableSymbol]: buffers, [valueSymbol]: records } as never) as unknown as RunRecord[];
}
