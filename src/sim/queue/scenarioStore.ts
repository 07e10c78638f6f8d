/**
 * Experiments' scenarios in Redis, one key per experiment hash: the submitter puts it before adding the
 * jobs, workers read it once per experiment (jobs name it by hash instead of carrying it).
 */
import { Redis } from 'ioredis';
import { QueueError } from './queueError.ts';
import { KEEP_SCENARIO_SECONDS, redisOptions, scenarioKey } from './queueSettings.ts';
import type { QueueTarget } from './queueUrl.ts';

/** Scenarios a worker keeps parsed (a worker serves few experiments at a time). */
const CACHED = 8;

/** Put and get scenarios by experiment hash. */
export interface ScenarioStore {
  /** Store (or renew) the scenario of an experiment. */
  put(experiment: string, scenario: unknown): Promise<void>;
  /** The scenario of an experiment; `QUEUE_JOB_INVALID` when it is gone (expired or never put). */
  get(experiment: string): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * A store on the Redis at `target`.
 * @example const store = createScenarioStore(target); await store.put(hash, scenario);
 */
export function createScenarioStore(target: QueueTarget): ScenarioStore {
  const client = new Redis({ ...redisOptions(target), maxRetriesPerRequest: 3 });
  // ioredis reconnects by itself; a lasting failure rejects the calls.
  client.on('error', () => {});
  const cache = new Map<string, Promise<unknown>>();
  const fetch = async (experiment: string) => {
    const text = await client.get(scenarioKey(experiment));
    if (text === null)
      throw new QueueError(
        'QUEUE_JOB_INVALID',
        target.url,
        `the scenario of experiment ${experiment} is not in Redis (expired or removed); submit the experiment again`,
      );
    return JSON.parse(text) as unknown;
  };
  return {
    async put(experiment, scenario) {
      await client.set(scenarioKey(experiment), JSON.stringify(scenario), 'EX', KEEP_SCENARIO_SECONDS);
    },
    get(experiment) {
      let found = cache.get(experiment);
      if (found === undefined) {
        found = fetch(experiment);
        // A failed read is not cached: the next job tries again.
        found.catch(() => cache.delete(experiment));
        cache.set(experiment, found);
        if (cache.size > CACHED) cache.delete(cache.keys().next().value as string);
      }
      return found;
    },
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
