import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilsonInterval.ts';

describe('Wilson interval', () => {
  it('matches published values', () => {
    const a = wilsonInterval(5, 100);
    expect(a.low).toBeCloseTo(0.02154, 4);
    expect(a.high).toBeCloseTo(0.11175, 4);
    const b = wilsonInterval(0, 10);
    expect(b.low).toBe(0);
    expect(b.high).toBeCloseTo(0.27753, 4);
  });
  it('is [0, 1] without trials and contains the estimate', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
    const c = wilsonInterval(999, 1000);
    expect(c.low).toBeLessThan(0.999);
    expect(c.high).toBeGreaterThan(0.999);
    expect(c.high).toBeLessThanOrEqual(1);
  });
});
