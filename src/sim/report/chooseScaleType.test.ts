import { describe, expect, it } from 'vitest';
import { chartExponent } from './chartExponent.ts';
import { chooseScaleType } from './chooseScaleType.ts';
import { isGeometric } from './isGeometric.ts';
import { logTicks } from './logTicks.ts';

describe('axis scales', () => {
  it('uses log only for positive values spanning more than two decades', () => {
    expect(chooseScaleType([1, 1000])).toBe('log');
    expect(chooseScaleType([1, 100])).toBe('linear');
    expect(chooseScaleType([0, 1, 1e6])).toBe('linear');
    expect(chooseScaleType([-1, 1e6])).toBe('linear');
    expect(chooseScaleType([Number.NaN, 1, Number.POSITIVE_INFINITY, 1e4])).toBe('log');
    expect(chooseScaleType([])).toBe('linear');
  });

  it('picks readable log ticks', () => {
    expect(logTicks(0.3, 40)).toEqual([0.5, 1, 2, 5, 10, 20]);
    expect(logTicks(7000, 3e6)).toEqual([1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6]);
    expect(logTicks(1, 1e12)).toEqual([1, 100, 1e4, 1e6, 1e8, 1e10, 1e12]);
    expect(logTicks(0, 10)).toEqual([]);
  });

  it('recognises log-spaced bins', () => {
    expect(isGeometric([1, 10, 100, 1000])).toBe(true);
    expect(isGeometric([1, 2, 3, 4])).toBe(false);
    expect(isGeometric([0, 10, 100])).toBe(false);
  });

  it('rescales only values near the float limit', () => {
    expect(chartExponent([1e30, -5])).toBe(0);
    expect(chartExponent([-Number.MAX_VALUE, Number.NaN])).toBe(308);
  });
});
