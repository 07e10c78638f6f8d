import { describe, expect, it } from 'vitest';
import { dailyLogReturns } from './dailyLogReturns.ts';

describe('dailyLogReturns', () => {
  it('returns ln(P[i] / P[i-1]), one fewer than the prices', () => {
    const r = dailyLogReturns([100, 110, 99]);
    expect(r).toHaveLength(2);
    expect(r[0]).toBeCloseTo(Math.log(1.1), 15);
    expect(r[1]).toBeCloseTo(Math.log(0.9), 15);
  });

  it('sums to the log of the last over the first price', () => {
    const prices = [3, 5, 4, 8, 7.5];
    const sum = dailyLogReturns(prices).reduce((s, x) => s + x, 0);
    expect(sum).toBeCloseTo(Math.log(7.5 / 3), 14);
  });

  it('rejects a price that is not positive', () => {
    expect(() => dailyLogReturns([1, 0, 2])).toThrow(RangeError);
    expect(() => dailyLogReturns([1, Number.NaN])).toThrow(RangeError);
  });
});
