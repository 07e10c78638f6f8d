/** Token-bucket rate limiting: one bucket per client, refilled continuously from a clock. */

/** A bucket of request tokens. */
export interface TokenBucket {
  /** Take `count` tokens if there are that many; `false` (and nothing taken) when there are not. */
  take(count?: number): boolean;
  /** Whether the bucket has refilled to its size (its client has been idle long enough to forget). */
  isFull(): boolean;
}

/** Size, refill rate and clock of a bucket. */
export interface TokenBucketOptions {
  /** Tokens added per second (0: never refills). */
  readonly ratePerSecond: number;
  /** Tokens the bucket holds when full; it starts full. */
  readonly burst: number;
  /** Milliseconds from any fixed origin; a parameter so tests need no real time. */
  readonly now: () => number;
}

/**
 * A bucket that starts full, refills at `ratePerSecond` up to `burst`.
 * @example const bucket = createTokenBucket({ ratePerSecond: 1_000, burst: 2_000, now: () => performance.now() })
 */
export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const { ratePerSecond, burst, now } = options;
  let tokens = burst;
  let last = now();
  const refill = () => {
    const at = now();
    // An infinite rate would make (at - last) * rate NaN when no time passed; it means "always full".
    tokens =
      ratePerSecond === Number.POSITIVE_INFINITY
        ? burst
        : Math.min(burst, tokens + (Math.max(0, at - last) * ratePerSecond) / 1000);
    last = at;
  };
  return {
    take(count = 1) {
      refill();
      if (tokens < count) return false;
      tokens -= count;
      return true;
    },
    isFull() {
      refill();
      return tokens >= burst;
    },
  };
}

/** Buckets by key (a remote address), created on first use. */
export interface TokenBuckets {
  /** Take `count` tokens from `key`'s bucket. */
  take(key: string, count?: number): boolean;
  /** Number of buckets held. */
  readonly size: number;
}

/**
 * One bucket per key. Full buckets carry no information, so once more than `pruneAbove` keys are held
 * they are dropped: memory follows the clients active now, not every address ever seen.
 */
export function createTokenBuckets(
  options: TokenBucketOptions & { readonly pruneAbove?: number },
): TokenBuckets {
  const pruneAbove = options.pruneAbove ?? 4_096;
  const buckets = new Map<string, TokenBucket>();
  return {
    take(key, count = 1) {
      let bucket = buckets.get(key);
      if (bucket === undefined) {
        if (buckets.size >= pruneAbove) {
          for (const [held, heldBucket] of buckets) if (heldBucket.isFull()) buckets.delete(held);
        }
        bucket = createTokenBucket(options);
        buckets.set(key, bucket);
      }
      return bucket.take(count);
    },
    get size() {
      return buckets.size;
    },
  };
}
