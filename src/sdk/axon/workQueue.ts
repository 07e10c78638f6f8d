/**
 * Admission to an axon's handlers: at most `maxConcurrent` run at once, at most `maxQueued` wait,
 * highest priority first (first come first served among equals). A request that finds the queue full is
 * refused unless its priority beats the lowest waiting one, which is refused in its place.
 */
import { AxonError } from './axonError.ts';

/** Options of {@link createWorkQueue}. */
export interface WorkQueueOptions {
  readonly maxConcurrent: number;
  readonly maxQueued: number;
}

/** Slots for handlers, and the requests waiting for one. */
export interface WorkQueue {
  /** Slots held now. */
  readonly running: number;
  /** Requests waiting now. */
  readonly waiting: number;
  /**
   * Wait for a slot; resolves with the function that gives it back (call it once the work has really
   * stopped). Rejects with an `OVERLOADED` {@link AxonError} when the queue is full or the request is
   * displaced, and with `signal.reason` when `signal` aborts while it waits. Higher `priority` is
   * served first; NaN counts as the lowest.
   */
  acquire(priority: number, signal: AbortSignal): Promise<() => void>;
}

interface Waiter {
  readonly priority: number;
  readonly signal: AbortSignal;
  readonly onAbort: () => void;
  readonly resolve: (release: () => void) => void;
  readonly reject: (reason: unknown) => void;
}

/**
 * An idle queue.
 * @example const release = await queue.acquire(0, signal); try { await work() } finally { release() }
 */
export function createWorkQueue(options: WorkQueueOptions): WorkQueue {
  const { maxConcurrent, maxQueued } = options;
  /** Highest priority first; among equals, first come first. */
  const waiting: Waiter[] = [];
  let running = 0;

  const slot = (): (() => void) => {
    running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      running -= 1;
      admit();
    };
  };

  const admit = () => {
    while (running < maxConcurrent) {
      const next = waiting.shift();
      if (next === undefined) return;
      next.signal.removeEventListener('abort', next.onAbort);
      next.resolve(slot());
    }
  };

  const overloaded = (why: string) =>
    new AxonError(
      'OVERLOADED',
      `${why}: ${running} requests running and ${waiting.length} waiting (at most ${maxConcurrent} and ${maxQueued}); retry later`,
    );

  return {
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
    acquire(priority, signal) {
      if (signal.aborted) return Promise.reject(signal.reason);
      if (running < maxConcurrent && waiting.length === 0) return Promise.resolve(slot());
      const rank = Number.isNaN(priority) ? Number.NEGATIVE_INFINITY : priority;
      return new Promise((resolve, reject) => {
        if (waiting.length >= maxQueued) {
          const lowest = waiting.at(-1);
          if (lowest === undefined || lowest.priority >= rank) {
            reject(overloaded('the miner is busy'));
            return;
          }
          waiting.pop();
          lowest.signal.removeEventListener('abort', lowest.onAbort);
          lowest.reject(overloaded('displaced by a request of higher priority'));
        }
        const waiter: Waiter = {
          priority: rank,
          signal,
          resolve,
          reject,
          onAbort: () => {
            const at = waiting.indexOf(waiter);
            if (at >= 0) waiting.splice(at, 1);
            reject(signal.reason);
          },
        };
        let at = waiting.length;
        while (at > 0 && waiting[at - 1]!.priority < rank) at -= 1;
        waiting.splice(at, 0, waiter);
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      });
    },
  };
}
