import { describe, expect, it } from 'vitest';
import { createNonceClock, MAX_DRIFT_NS } from './nonceClock.ts';

describe('nonce clock', () => {
  it('is strictly increasing and within the drift bound of the wall clock', () => {
    const next = createNonceClock();
    let previous = 0n;
    for (let i = 0; i < 10_000; i++) {
      const nonce = next();
      expect(nonce > previous).toBe(true);
      previous = nonce;
    }
    const wall = BigInt(Date.now()) * 1_000_000n;
    const drift = previous > wall ? previous - wall : wall - previous;
    // The drift bound plus the wall clock's millisecond resolution.
    expect(drift <= MAX_DRIFT_NS + 1_000_000n).toBe(true);
  });
});
