/** The main-thread backend (workers = 1): same code path as a worker, no thread overhead. */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Model } from '../contract/types.ts';
import type { Backend } from './backend.ts';
import { runChunk } from './runChunk.ts';

/**
 * A backend that runs chunks in this thread, yielding to the event loop before each one so that
 * progress output and Ctrl-C are handled between chunks.
 * @example const backend = createInlineBackend({ model })
 */
export function createInlineBackend({ model }: { model: Model<unknown> }): Backend {
  return {
    workers: 1,
    async run(task) {
      await yieldToEventLoop();
      return runChunk({ model, ...task }).records;
    },
    async close() {},
  };
}
