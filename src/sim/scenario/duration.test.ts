import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.ts';

describe('parseDuration', () => {
  it('reads days, weeks and 365-day years', () => {
    expect(parseDuration('2y')).toBe(730);
    expect(parseDuration('180d')).toBe(180);
    expect(parseDuration('26w')).toBe(182);
  });
  it('rejects anything else', () => {
    for (const bad of ['0d', '2', 'y', '1.5y', '2 y', '3m', '-1d', '']) expect(parseDuration(bad)).toBeNull();
  });
});
