import { describe, expect, it } from 'vitest';
import { quantileSorted } from './quantileSorted.ts';

describe('exact quantile of a sorted list (R-7)', () => {
  it('interpolates between neighbouring order statistics', () => {
    const xs = [10, 20, 30, 40, 50];
    // Rank q·(n−1): 0.05·4 = 0.2 → 10 + 0.2·10; 0.25·4 = 1 → 20; 0.95·4 = 3.8 → 40 + 0.8·10.
    expect(quantileSorted(xs, 0.05)).toBeCloseTo(12, 12);
    expect(quantileSorted(xs, 0.25)).toBe(20);
    expect(quantileSorted(xs, 0.5)).toBe(30);
    expect(quantileSorted(xs, 0.95)).toBeCloseTo(48, 12);
    expect([quantileSorted(xs, 0), quantileSorted(xs, 1)]).toEqual([10, 50]);
  });

  it('returns a repeated value exactly, one value for every level, NaN when empty', () => {
    expect(quantileSorted([0.1, 0.1, 0.1], 0.05)).toBe(0.1);
    expect(quantileSorted(Float64Array.of(7), 0.75)).toBe(7);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});
