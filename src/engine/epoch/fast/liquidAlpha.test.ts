import { describe, expect, it } from 'vitest';
import { alphaOfDiff, liquidAlphaDiff, liquidAlphaOf } from './liquidAlpha.ts';
import { FAST_TEST_PARAMS } from './testFixtures.ts';

describe('liquid alpha', () => {
  const lp = liquidAlphaOf(FAST_TEST_PARAMS);

  it('reads AlphaValues as u16 proportions and the steepness as a factor of -1/100', () => {
    expect(lp.low).toBeCloseTo(45_875 / 65_535, 9);
    expect(lp.high).toBeCloseTo(58_982 / 65_535, 9);
    expect(lp.factor).toBe(-10);
  });

  it('is the midpoint at diff 0.5 and tends to high (large diff) or low (none)', () => {
    expect(alphaOfDiff(0.5, lp)).toBeCloseTo((lp.low + lp.high) / 2, 15);
    expect(alphaOfDiff(1, lp)).toBeCloseTo(lp.low + (lp.high - lp.low) / (1 + Math.exp(-5)), 15);
    expect(alphaOfDiff(0, lp)).toBeCloseTo(lp.low + (lp.high - lp.low) / (1 + Math.exp(5)), 15);
  });

  it('clamps the exponent to [-20, 20] and the result to [low, high]', () => {
    const steep = { ...lp, factor: -1000 };
    expect(alphaOfDiff(1, steep)).toBeCloseTo(lp.low + (lp.high - lp.low) / (1 + Math.exp(-20)), 15);
    const inverted = { low: 0.9, high: 0.7, factor: -10 };
    // clamp(x, low, high) = max(min(x, high), low): low wins.
    expect(alphaOfDiff(0.5, inverted)).toBe(0.9);
  });

  it('reads weight above consensus when buying, bond above weight when selling', () => {
    expect(liquidAlphaDiff({ weight: 0.6, bond: 0.2, consensus: 0.5 })).toBeCloseTo(0.1, 15);
    expect(liquidAlphaDiff({ weight: 0.6, bond: 0.2, consensus: 0.9 })).toBe(0);
    expect(liquidAlphaDiff({ weight: 0.1, bond: 0.4, consensus: 0 })).toBeCloseTo(0.3, 15);
  });
});
