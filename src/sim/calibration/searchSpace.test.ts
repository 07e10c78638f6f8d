import { describe, expect, it } from 'vitest';
import type { FitParameter } from './fitParameter.ts';
import {
  fromSearch,
  onBound,
  rangePosition,
  SEARCH_LIMIT,
  searchDerivative,
  toSearch,
} from './searchSpace.ts';

const linear: FitParameter = { name: 'depth', low: -3, high: 7, start: 0 };
const log: FitParameter = { name: 'hazard', low: 0.01, high: 1, start: 0.1, scale: 'log' };

describe('searchSpace', () => {
  it('puts the middle of the range at 0: arithmetic on a linear scale, geometric on a log scale', () => {
    expect(toSearch(linear, 2)).toBeCloseTo(0, 12);
    expect(fromSearch(linear, 0)).toBeCloseTo(2, 12);
    expect(fromSearch(log, 0)).toBeCloseTo(0.1, 12);
    expect(rangePosition(log, 0.1)).toBeCloseTo(0.5, 12);
  });

  it('maps values back to themselves', () => {
    for (const p of [linear, log])
      for (const u of [1e-6, 0.01, 0.3, 0.5, 0.77, 0.999]) {
        const value = fromSearch(p, Math.log(u / (1 - u)));
        expect(fromSearch(p, toSearch(p, value)), `${p.name} at ${value}`).toBeCloseTo(value, 10);
      }
  });

  it('keeps every search coordinate within the range, reaching a bound only in the limit', () => {
    for (const p of [linear, log])
      for (const z of [-1e6, -800, -40, -5, 0, 5, 40, 800, 1e6]) {
        const value = fromSearch(p, z);
        expect(value, `${p.name} at z = ${z}`).toBeGreaterThanOrEqual(p.low);
        expect(value, `${p.name} at z = ${z}`).toBeLessThanOrEqual(p.high);
      }
    expect(fromSearch(linear, -5)).toBeGreaterThan(linear.low);
    expect(toSearch(linear, linear.low)).toBe(Number.NEGATIVE_INFINITY);
    expect(toSearch(log, log.high)).toBe(Number.POSITIVE_INFINITY);
  });

  it('gives d value / d z as a central difference does', () => {
    for (const p of [linear, log])
      for (const z of [-3, -0.4, 0, 1.2, 4]) {
        const h = 1e-5;
        const numeric = (fromSearch(p, z + h) - fromSearch(p, z - h)) / (2 * h);
        expect(searchDerivative(p, z), `${p.name} at z = ${z}`).toBeCloseTo(numeric, 7);
      }
  });

  it('counts a value at the search limit as on its bound, and one a little inside as not', () => {
    for (const p of [linear, log]) {
      expect(onBound(p, p.low), p.name).toBe(true);
      expect(onBound(p, fromSearch(p, -SEARCH_LIMIT)), p.name).toBe(true);
      expect(onBound(p, fromSearch(p, SEARCH_LIMIT)), p.name).toBe(true);
      expect(onBound(p, fromSearch(p, SEARCH_LIMIT - 0.5)), p.name).toBe(false);
      expect(onBound(p, p.start), p.name).toBe(false);
    }
  });
});
