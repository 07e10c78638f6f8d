import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseQueueUrl } from '../sim/queue/queueUrl.ts';
import type { Backend } from '../sim/runner/backend.ts';
import { keepRunThreads, startRunThreads } from './startRunThreads.ts';

const testModel = `${fileURLToPath(new URL('../sim/runner/testModel.testkit.ts', import.meta.url))}#testModel`;

describe('startRunThreads', () => {
  it('starts none for one thread, a queue, a shard or fewer runs than threads', () => {
    expect(startRunThreads({ workers: 1 })).toBeUndefined();
    expect(startRunThreads({ workers: 2, runs: '1' })).toBeUndefined();
    expect(startRunThreads({ workers: 2, shard: { index: 1, count: 2 } })).toBeUndefined();
    expect(startRunThreads({ workers: 2, queue: parseQueueUrl('redis://localhost:6379') })).toBeUndefined();
  });

  it('starts threads that run the model named by --model', async () => {
    const threads = startRunThreads({ workers: 2, runs: '4', model: testModel });
    expect(threads?.workers).toBe(2);
    try {
      const records = await threads!.run({
        scenario: { name: 't', step: 'day', horizonDays: 30, recordEveryDays: 7, model: { subnets: 2 } },
        seed: 1,
        start: 0,
        count: 1,
      });
      expect(records.map((r) => [r.runIndex, r.ok])).toEqual([[0, true]]);
    } finally {
      await threads?.close();
    }
  });
});

describe('keepRunThreads', () => {
  const fake = (workers: number) => {
    let closed = false;
    const backend: Backend = {
      workers,
      run: async () => [],
      close: async () => {
        closed = true;
      },
    };
    return { backend, closed: () => closed };
  };

  it('keeps threads no more numerous than the runs', async () => {
    const t = fake(2);
    expect(await keepRunThreads(t.backend, 2)).toBe(t.backend);
    expect(t.closed()).toBe(false);
  });

  it('closes threads that outnumber the runs', async () => {
    const t = fake(4);
    expect(await keepRunThreads(t.backend, 3)).toBeUndefined();
    expect(t.closed()).toBe(true);
    expect(await keepRunThreads(undefined, 3)).toBeUndefined();
  });
});
