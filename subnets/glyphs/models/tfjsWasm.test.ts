import { describe, expect, it } from 'vitest';
import { tfjsWasm } from './tfjsWasm.ts';

describe('tfjsWasm', () => {
  it('selects the WASM backend and leaves the process error handlers as they were', async () => {
    const before = [process.listenerCount('uncaughtException'), process.listenerCount('unhandledRejection')];
    const tf = await tfjsWasm();
    expect(tf.getBackend()).toBe('wasm');
    expect([process.listenerCount('uncaughtException'), process.listenerCount('unhandledRejection')]).toEqual(
      before,
    );
  });
});
