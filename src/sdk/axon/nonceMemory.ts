/**
 * The last nonce of each (hotkey, uuid) stream, so a request is served at most once: a nonce must fall
 * within the window around the axon's clock and be above its stream's last. A stream is forgotten once
 * its last nonce is older than the window (every replay of it would then be stale anyway), so memory
 * holds only the streams active within the window, and never more than `capacity` of them.
 */

/** How a nonce compares with the clock and its stream's last nonce. */
export type NonceVerdict = 'fresh' | 'stale' | 'future' | 'replayed';

/** Options of {@link createNonceMemory}. */
export interface NonceMemoryOptions {
  /** Nonces more than this many nanoseconds before or after the clock are refused. */
  readonly windowNs: bigint;
  /** Most streams remembered at once. */
  readonly capacity: number;
}

/** Last nonces by stream key. */
export interface NonceMemory {
  /** Streams remembered now (some may have expired but not yet been pruned). */
  readonly size: number;
  readonly capacity: number;
  readonly windowNs: bigint;
  /** Whether `nonce` may be served for `key` at `nowNs` (nanoseconds since the Unix epoch). Records nothing. */
  check(key: string, nonce: bigint, nowNs: bigint): NonceVerdict;
  /**
   * Remember `nonce` as `key`'s last, after {@link check} said `fresh` and the request was verified;
   * `false`, remembering nothing, when `key` is new and `capacity` streams are active.
   */
  record(key: string, nonce: bigint, nowNs: bigint): boolean;
}

/**
 * An empty memory.
 * @example const nonces = createNonceMemory({ windowNs: 4_000_000_000n, capacity: 65_536 })
 */
export function createNonceMemory(options: NonceMemoryOptions): NonceMemory {
  const { windowNs, capacity } = options;
  // Map order is the order of last update, which is close to nonce order: prune from the front.
  const last = new Map<string, bigint>();

  const prune = (nowNs: bigint) => {
    const oldest = nowNs - windowNs;
    for (const [key, nonce] of last) {
      // A stream whose nonce ran ahead of the clock stops the sweep until it expires too (at most one
      // window later): cheaper than a sorted index, and the cap still holds.
      if (nonce >= oldest) break;
      last.delete(key);
    }
  };

  return {
    get size() {
      return last.size;
    },
    capacity,
    windowNs,
    check(key, nonce, nowNs) {
      if (nonce < nowNs - windowNs) return 'stale';
      if (nonce > nowNs + windowNs) return 'future';
      const previous = last.get(key);
      return previous !== undefined && nonce <= previous ? 'replayed' : 'fresh';
    },
    record(key, nonce, nowNs) {
      prune(nowNs);
      if (!last.has(key) && last.size >= capacity) return false;
      last.delete(key);
      last.set(key, nonce);
      return true;
    },
  };
}
