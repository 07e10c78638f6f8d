import { describe, expect, it } from 'vitest';
import { createStream } from '../rng/stream.ts';
import { MAD_TO_STDEV, median, robustScale } from './robustScale.ts';

describe('robustScale', () => {
  it('takes the median of odd and even samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });

  it('is 1.4826 × MAD about the median, whatever the outlier', () => {
    expect(robustScale([1, 2, 3, 4, 100])).toEqual({ centre: 3, scale: MAD_TO_STDEV });
    expect(robustScale([1, 2, 3, 4, 1e9])).toEqual({ centre: 3, scale: MAD_TO_STDEV });
  });

  it('estimates the standard deviation of a normal sample', () => {
    const rng = createStream(7, 0, 'robust-scale');
    const xs = Array.from({ length: 20_000 }, () => 0.5 + 2 * rng.normal());
    const { centre, scale } = robustScale(xs);
    // Standard errors: median ≈ 1.25σ/√n = 0.018, MAD scale ≈ 1.17σ/√(2n) ≈ 0.012.
    expect(Math.abs(centre - 0.5)).toBeLessThan(0.07);
    expect(Math.abs(scale - 2)).toBeLessThan(0.05);
  });
});
