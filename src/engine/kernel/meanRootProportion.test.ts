import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanRootProportion, type RootProportionSpan } from './meanRootProportion.ts';

const meanOver = (span: Omit<RootProportionSpan, 'mean'>, offset: number) => {
  const out: RootProportionSpan = { ...span, mean: Number.NaN };
  meanRootProportion(out, offset);
  return out.mean;
};

describe('meanRootProportion', () => {
  it('is the mean of the per-block root proportions', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        // Issuance of at least 100 alpha growing by at most 3 per block (a new subnet starts near 1000).
        fc.double({ min: 100, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.integer({ min: 1, max: 7200 }),
        fc.constantFrom(0, 1),
        (w, a0, g, n, offset) => {
          let sum = 0;
          for (let j = 0; j < n; j++) sum += w / (w + a0 + g * (j + offset));
          const mean = sum / n;
          const got = meanOver({ weightedRoot: w, issuance: a0, growth: g, blocks: n }, offset);
          expect(Math.abs(got - mean)).toBeLessThanOrEqual(1e-6 * mean + 1e-15);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is 0 without root stake', () => {
    expect(meanOver({ weightedRoot: 0, issuance: 10, growth: 1, blocks: 5 }, 0)).toBe(0);
  });
});
