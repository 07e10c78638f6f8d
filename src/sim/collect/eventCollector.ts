/** Streaming probabilities of yes/no events with 95% Wilson intervals. */
import { wilsonInterval } from '../stats/wilsonInterval.ts';
import type { EventStats } from './summary.ts';

/** Collector of all events of an experiment. */
export interface EventCollector {
  /** Add one run's events (one 0/1 per key). */
  push(events: Uint8Array): void;
  result(): EventStats[];
}

/**
 * An empty collector for the events `keys`.
 * @example const c = createEventCollector(['leaves']); c.push(Uint8Array.of(1)); c.result()[0].probability // 1
 */
export function createEventCollector(keys: readonly string[]): EventCollector {
  const hits = new Float64Array(keys.length);
  let runs = 0;
  return {
    push(events) {
      runs += 1;
      for (let i = 0; i < keys.length; i++) if (events[i] !== 0) hits[i]! += 1;
    },
    result() {
      return keys.map((key, i) => {
        const count = hits[i]!;
        const { low, high } = wilsonInterval(count, runs);
        return { key, probability: runs === 0 ? Number.NaN : count / runs, low, high, count };
      });
    },
  };
}
