import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/engine/errors.ts';
import { wilsonInterval } from './wilsonInterval.ts';

describe('wilsonInterval', () => {
  it('matches the closed form on textbook cases', () => {
    // 90/100: centre (0.9 + z²/200)/(1 + z²/100), half-width as in Wilson (1927).
    const a = wilsonInterval({ successes: 90, trials: 100 });
    expect(a.low).toBeCloseTo(0.8256, 4);
    expect(a.high).toBeCloseTo(0.9448, 4);
    const b = wilsonInterval({ successes: 0, trials: 10 });
    expect(b.low).toBe(0);
    expect(b.high).toBeCloseTo(0.2775, 4);
    const c = wilsonInterval({ successes: 10, trials: 10 });
    expect(c.high).toBe(1);
    expect(c.low).toBeCloseTo(0.7225, 4);
  });
  it('narrows as trials grow and contains the observed proportion', () => {
    const small = wilsonInterval({ successes: 8, trials: 10 });
    const large = wilsonInterval({ successes: 800, trials: 1000 });
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    expect(large.low).toBeLessThan(0.8);
    expect(large.high).toBeGreaterThan(0.8);
  });
  it('names the field of bad input', () => {
    expect(() => wilsonInterval({ successes: 11, trials: 10 })).toThrow(InputError);
    expect(() => wilsonInterval({ successes: 1, trials: 0 })).toThrow(/trials/);
  });
});
