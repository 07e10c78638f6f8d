import { describe, expect, it } from 'vitest';
import { MAD_TO_STDEV } from './robustScale.ts';
import { splitJumps } from './splitJumps.ts';

describe('splitJumps', () => {
  it('flags exactly the returns beyond k robust standard deviations of the median', () => {
    // 20 returns of ±0.01 and four outliers, two of each sign: median 0, MAD 0.01.
    const base = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 0.01 : -0.01));
    const returns = [...base.slice(0, 5), 0.2, ...base.slice(5, 12), -0.15, ...base.slice(12), 0.04, -0.05];
    const s = splitJumps(returns, 2);
    expect(s.centre).toBe(0);
    expect(s.scale).toBeCloseTo(0.01 * MAD_TO_STDEV, 15);
    // Threshold 2 × 0.0148 = 0.0297: 0.04 is a jump at k = 2 but not at k = 3 (0.0445); −0.05 is at both.
    expect(s.jumps).toEqual([0.2, -0.15, 0.04, -0.05]);
    expect(s.diffusion).toEqual(base);
    expect(splitJumps(returns, 3).jumps).toEqual([0.2, -0.15, -0.05]);
  });

  it('finds no jumps in a series without outliers', () => {
    const returns = Array.from({ length: 100 }, (_, i) => Math.sin(i) * 0.01);
    expect(splitJumps(returns).jumps).toEqual([]);
  });
});
