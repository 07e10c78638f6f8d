/**
 * The task a worker thread runs: a chunk of runs of a model it imports by reference (cached per
 * thread). Results go back with their buffers transferred, not copied.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import type { RunRecord } from '../collect/runRecord.ts';
import type { Model } from '../contract/types.ts';
import type { RunTask } from './backend.ts';
import { loadModel, type ModelRef } from './modelRef.ts';
import { runChunk } from './runChunk.ts';

/** What the main thread sends for one chunk: the runs and the model to import. */
export interface ChunkTask extends RunTask {
  readonly model: ModelRef;
}

const models = new Map<string, Promise<Model<unknown>>>();

/** Run one chunk in this worker thread (the default export piscina calls). */
export default async function runChunkTask(task: ChunkTask): Promise<RunRecord[]> {
  const key = `${task.model.module}#${task.model.exportName}`;
  let model = models.get(key);
  if (model === undefined) {
    model = loadModel(task.model);
    models.set(key, model);
  }
  const { records, buffers } = runChunk({ ...task, model: await model });
  // piscina's transferable protocol: the value to send and the buffers to move with it.
  return move({ [transferableSymbol]: buffers, [valueSymbol]: records } as never) as unknown as RunRecord[];
}
