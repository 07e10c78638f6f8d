import { describe, expect, it } from 'vitest';
import { createNonceMemory } from './nonceMemory.ts';

const S = 1_000_000_000n;
const T0 = 1_700_000_000n * S;

describe('nonce memory', () => {
  it('takes nonces inside the window, strictly increasing per stream', () => {
    const m = createNonceMemory({ windowNs: 4n * S, capacity: 10 });
    expect(m.check('a:1', T0, T0)).toBe('fresh');
    expect(m.record('a:1', T0, T0)).toBe(true);
    expect(m.check('a:1', T0, T0 + 1n)).toBe('replayed');
    expect(m.check('a:1', T0 - 1n, T0 + 1n)).toBe('replayed');
    expect(m.check('a:1', T0 + 1n, T0 + 1n)).toBe('fresh');
    // Another stream of the same hotkey has its own order.
    expect(m.check('a:2', T0 - 1n, T0)).toBe('fresh');
  });

  it('refuses nonces outside the window on either side, remembered or not', () => {
    const m = createNonceMemory({ windowNs: 4n * S, capacity: 10 });
    expect(m.check('a:1', T0 - 4n * S - 1n, T0)).toBe('stale');
    expect(m.check('a:1', T0 - 4n * S, T0)).toBe('fresh');
    expect(m.check('a:1', T0 + 4n * S + 1n, T0)).toBe('future');
    m.record('a:1', T0, T0);
    expect(m.check('a:1', T0 + 5n * S, T0)).toBe('future');
  });

  it('holds at most `capacity` streams and refuses a new one when full', () => {
    const m = createNonceMemory({ windowNs: 4n * S, capacity: 3 });
    for (const key of ['a', 'b', 'c']) expect(m.record(key, T0, T0)).toBe(true);
    expect(m.record('d', T0, T0)).toBe(false);
    expect(m.size).toBe(3);
    // A known stream still moves on when the memory is full.
    expect(m.record('a', T0 + 1n, T0 + 1n)).toBe(true);
    expect(m.check('d', T0, T0)).toBe('fresh');
  });

  it('forgets streams once their last nonce leaves the window, making room without allowing a replay', () => {
    const m = createNonceMemory({ windowNs: 4n * S, capacity: 2 });
    m.record('a', T0, T0);
    m.record('b', T0 + 2n * S, T0 + 2n * S);
    const later = T0 + 5n * S;
    expect(m.record('c', later, later)).toBe(true);
    expect(m.size).toBe(2);
    // 'a' is forgotten, and its old request is stale rather than new.
    expect(m.check('a', T0, later)).toBe('stale');
    expect(m.check('b', T0 + 2n * S, later)).toBe('replayed');
  });

  it('stays within its capacity under many streams', () => {
    const m = createNonceMemory({ windowNs: 4n * S, capacity: 100 });
    let admitted = 0;
    let largest = 0;
    for (let i = 0; i < 10_000; i++) {
      const now = T0 + BigInt(i) * 1_000_000n;
      if (m.record(`k:${i}`, now, now)) admitted += 1;
      largest = Math.max(largest, m.size);
    }
    expect(largest).toBe(100);
    // One new stream a millisecond over 10 s with a 4 s window: 100 at the start, then 100 more each
    // time the admitted ones leave the window (after 4 s and after 8 s).
    expect(admitted).toBe(300);
  });
});
