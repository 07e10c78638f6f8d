import { describe, expect, it } from 'vitest';
import { createTokenBucket, createTokenBuckets } from './tokenBucket.ts';

/** A clock the test moves by hand. */
function manualClock() {
  let ms = 0;
  return { now: () => ms, advance: (by: number) => (ms += by) };
}

describe('createTokenBucket', () => {
  it('allows the burst at once, then the rate', () => {
    const clock = manualClock();
    const bucket = createTokenBucket({ ratePerSecond: 10, burst: 3, now: clock.now });
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    clock.advance(100); // one token at 10 per second
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    clock.advance(60_000);
    expect(bucket.isFull()).toBe(true);
    expect(bucket.take(4)).toBe(false);
    expect(bucket.take(3)).toBe(true);
  });

  it('never refills at rate 0 and is always full at an infinite rate', () => {
    const clock = manualClock();
    const none = createTokenBucket({ ratePerSecond: 0, burst: 1, now: clock.now });
    expect(none.take()).toBe(true);
    clock.advance(1e9);
    expect(none.take()).toBe(false);
    const unlimited = createTokenBucket({ ratePerSecond: Infinity, burst: 2, now: clock.now });
    for (let i = 0; i < 10; i++) expect(unlimited.take(2)).toBe(true);
  });
});

describe('createTokenBuckets', () => {
  it('keeps one bucket per key and drops full ones past the bound', () => {
    const clock = manualClock();
    const buckets = createTokenBuckets({ ratePerSecond: 1, burst: 1, now: clock.now, pruneAbove: 2 });
    expect([buckets.take('a'), buckets.take('a'), buckets.take('b')]).toEqual([true, false, true]);
    clock.advance(1_000); // a and b are full again
    expect(buckets.take('c')).toBe(true);
    expect(buckets.size).toBe(1);
  });
});
