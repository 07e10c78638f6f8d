import { describe, expect, it } from 'vitest';
import { DIFFICULTY_STEP, EASE_BELOW, nextDifficulty, RAISE_AT } from './nextDifficulty.ts';

describe('nextDifficulty', () => {
  it('raises while the best miner scores at or above the threshold', () => {
    expect(nextDifficulty(0.2, RAISE_AT)).toBe(0.25);
    expect(nextDifficulty(0.2, 1)).toBe(0.2 + DIFFICULTY_STEP);
  });
  it('holds in the band and eases when everyone scores badly', () => {
    expect(nextDifficulty(0.4, 0.8)).toBe(0.4);
    expect(nextDifficulty(0.4, EASE_BELOW - 0.01)).toBe(0.35);
  });
  it('stays within [0, 1]', () => {
    expect(nextDifficulty(1, 0.99)).toBe(1);
    expect(nextDifficulty(0, 0.1)).toBe(0);
  });
  it('lands on the step grid after many steps', () => {
    let d = 0;
    for (let k = 0; k < 7; k++) d = nextDifficulty(d, 0.99);
    expect(d).toBe(0.35);
  });
  it('settles where the best accuracy enters the band', () => {
    // A miner whose accuracy falls linearly with difficulty: 100% at 0, 50% at 1.
    const best = (d: number) => 1 - 0.5 * d;
    let d = 0;
    for (let k = 0; k < 40; k++) d = nextDifficulty(d, best(d));
    expect(best(d)).toBeLessThan(RAISE_AT);
    expect(best(d)).toBeGreaterThanOrEqual(EASE_BELOW);
    expect(nextDifficulty(d, best(d))).toBe(d);
  });
  it('names the field of bad input', () => {
    expect(() => nextDifficulty(1.5, 0.5)).toThrow(/current/);
    expect(() => nextDifficulty(0.5, 2)).toThrow(/bestAccuracy/);
  });
});
