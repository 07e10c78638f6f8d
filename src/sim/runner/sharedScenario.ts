/**
 * A scenario serialized once into shared memory for the worker threads. A chunk then carries a reference
 * to the bytes instead of a structured clone of the whole scenario (its starting state is hundreds of
 * kilobytes), and each thread deserializes a scenario once, not once per chunk. Deserializing is the
 * structured clone a message would make, so a run sees the same values either way.
 */
import { deserialize, serialize } from 'node:v8';

/** A scenario's serialized bytes in shared memory, with an id unique in the process that shared it. */
export interface SharedScenario {
  readonly id: number;
  readonly bytes: SharedArrayBuffer;
}

let nextId = 0;
// Scenarios are not changed once resolved, so an object shared once is shared as it was.
const sharedByObject = new WeakMap<object, SharedScenario>();

/**
 * The shared bytes of `scenario`, serialized on the first call for an object and reused after.
 * @example const shared = shareScenario(scenario); readSharedScenario(shared) // a copy of scenario
 */
export function shareScenario(scenario: unknown): SharedScenario {
  const key = typeof scenario === 'object' && scenario !== null ? scenario : undefined;
  const known = key === undefined ? undefined : sharedByObject.get(key);
  if (known !== undefined) return known;
  const data = serialize(scenario);
  const bytes = new SharedArrayBuffer(data.byteLength);
  new Uint8Array(bytes).set(data);
  const shared: SharedScenario = { id: nextId++, bytes };
  if (key !== undefined) sharedByObject.set(key, shared);
  return shared;
}

/** Scenarios a thread keeps deserialized (a sensitivity screen runs a few in turn). */
const KEPT_SCENARIOS = 4;
const kept = new Map<number, { readonly scenario: unknown }>();

/**
 * The scenario of shared bytes, deserialized once per thread and kept for the next chunks (the most
 * recently used few).
 * @example const scenario = readSharedScenario(task.scenario)
 */
export function readSharedScenario(shared: SharedScenario): unknown {
  let entry = kept.get(shared.id);
  if (entry === undefined) {
    entry = { scenario: deserialize(new Uint8Array(shared.bytes)) };
    if (kept.size >= KEPT_SCENARIOS) kept.delete(kept.keys().next().value as number);
  } else {
    kept.delete(shared.id);
  }
  kept.set(shared.id, entry);
  return entry.scenario;
}
