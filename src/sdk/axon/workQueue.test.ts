import { describe, expect, it } from 'vitest';
import { AxonError } from './axonError.ts';
import { createWorkQueue } from './workQueue.ts';

const live = () => new AbortController().signal;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'admitted';
  } catch (e) {
    return e instanceof AxonError ? e.code : String(e);
  }
}

describe('work queue', () => {
  it('runs at most maxConcurrent at once and admits the waiting in priority order', async () => {
    const q = createWorkQueue({ maxConcurrent: 1, maxQueued: 3 });
    const first = await q.acquire(0, live());
    const order: string[] = [];
    const admit = (name: string) => (release: () => void) => {
      order.push(name);
      release();
    };
    const waits = [
      q.acquire(1, live()).then(admit('p1')),
      q.acquire(5, live()).then(admit('p5')),
      q.acquire(1, live()).then(admit('p1 later')),
    ];
    expect({ running: q.running, waiting: q.waiting }).toEqual({ running: 1, waiting: 3 });
    first();
    await Promise.all(waits);
    expect(order).toEqual(['p5', 'p1', 'p1 later']);
    expect({ running: q.running, waiting: q.waiting }).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses when full, unless a higher priority displaces the lowest waiting', async () => {
    const q = createWorkQueue({ maxConcurrent: 1, maxQueued: 1 });
    const first = await q.acquire(0, live());
    const low = q.acquire(1, live());
    expect(await codeOf(q.acquire(1, live()))).toBe('OVERLOADED');
    const high = q.acquire(2, live());
    expect(await codeOf(low)).toBe('OVERLOADED');
    first();
    expect(await codeOf(high.then((r) => r()))).toBe('admitted');
  });

  it('with no queue, refuses as soon as every slot is held', async () => {
    const q = createWorkQueue({ maxConcurrent: 2, maxQueued: 0 });
    await q.acquire(0, live());
    await q.acquire(0, live());
    expect(await codeOf(q.acquire(9, live()))).toBe('OVERLOADED');
  });

  it('drops a waiter whose signal aborts, and a released slot is released once', async () => {
    const q = createWorkQueue({ maxConcurrent: 1, maxQueued: 2 });
    const first = await q.acquire(0, live());
    const controller = new AbortController();
    const waiting = q.acquire(0, controller.signal);
    controller.abort('gone');
    expect(await codeOf(waiting)).toBe('gone');
    expect(q.waiting).toBe(0);
    first();
    first();
    expect(q.running).toBe(0);
  });
});
