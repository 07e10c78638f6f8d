/**
 * A worker thread's garbage collected before it piles up. After each chunk the thread reads its old
 * generation and the memory of its typed arrays (held outside the V8 heap); once these exceed by
 * `GARBAGE_SLACK_BYTES` the lowest they held since the last full collection, it runs one. V8 alone lets
 * tens of megabytes of finished runs' arrays wait per thread, more the longer the experiment and the
 * busier the machine (its concurrent marking gets less time), so a long experiment's peak memory would
 * end well above a short one's. A collection changes no value a run computes.
 */
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Growth past the last collection's level that starts the next one: a few short runs' garbage. A full
 * collection of a thread's heap costs milliseconds; on the default scenario one comes every few runs of
 * ~100 ms, which the bench's CPU per run does not show.
 */
export const GARBAGE_SLACK_BYTES = 8 * 1024 * 1024;

/** V8's full collection, when the flag that exposes it can be set (restored at once, as test runners do). */
function fullCollection(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    setFlagsFromString('--no-expose-gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/** What this thread holds beyond its young generation: old objects and memory outside the heap. */
function heldBytes(): number {
  let old = 0;
  for (const space of getHeapSpaceStatistics())
    if (space.space_name === 'old_space' || space.space_name === 'large_object_space')
      old += space.space_used_size;
  return old + getHeapStatistics().external_memory;
}

/** Inputs of {@link createGarbageCheck} (defaults: this thread's V8 collection and figures). */
export interface GarbageCheckOptions {
  readonly collect?: (() => void) | undefined;
  readonly held?: () => number;
  readonly slackBytes?: number;
}

/**
 * A check to call between chunks: it collects when what the thread holds has grown by the slack past
 * the lowest it held since the last collection; without a way to collect, it does nothing.
 * @example const check = createGarbageCheck(); runChunk(...); check();
 */
export function createGarbageCheck(options: GarbageCheckOptions = {}): () => void {
  const collect = 'collect' in options ? options.collect : fullCollection();
  const held = options.held ?? heldBytes;
  const slack = options.slackBytes ?? GARBAGE_SLACK_BYTES;
  if (collect === undefined) return () => {};
  // The arrays a collection frees are released a little after it, so the level right after one
  // overstates what stays: the lowest reading since is the level.
  let level = Number.POSITIVE_INFINITY;
  return () => {
    const now = held();
    if (now < level) level = now;
    else if (now > level + slack) {
      collect();
      level = held();
    }
  };
}
