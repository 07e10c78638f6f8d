/**
 * TensorFlow.js on its WebAssembly backend, one thread. The WASM binary ships inside the npm package
 * (nothing is downloaded); one thread keeps results identical run to run and leaves the machine's other
 * core to the miner's server. The pure-JavaScript CPU backend would train the network about a hundred
 * times slower (its convolution gradients loop element by element).
 */

import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core's Node bundle registers no gradient functions; tfjs-layers registers all of them.
import '@tensorflow/tfjs-layers';

let ready: Promise<typeof tf> | undefined;

/** tfjs-core with the WASM backend selected (initialised once per process). */
export function tfjsWasm(): Promise<typeof tf> {
  ready ??= (async () => {
    const exceptionHandlers = process.listeners('uncaughtException');
    const rejectionHandlers = process.listeners('unhandledRejection');
    setThreadsCount(1);
    await tf.setBackend('wasm');
    // The loader adds process-wide handlers that rethrow every uncaught error and rejection, which
    // would override the host's own handling; take them off again.
    for (const listener of process.listeners('uncaughtException')) {
      if (!exceptionHandlers.includes(listener)) process.off('uncaughtException', listener);
    }
    for (const listener of process.listeners('unhandledRejection')) {
      if (!rejectionHandlers.includes(listener)) process.off('unhandledRejection', listener);
    }
    return tf;
  })();
  return ready;
}
