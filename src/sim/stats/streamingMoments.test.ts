import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStreamingMoments } from './streamingMoments.ts';

function twoPass(xs: readonly number[]) {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d = x - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  return {
    mean,
    stdev: Math.sqrt(m2 / (n - 1)),
    skewness: (Math.sqrt(n) * m3) / m2 ** 1.5,
    kurtosis: (n * m4) / (m2 * m2) - 3,
  };
}

describe('streaming moments', () => {
  it('match the two-pass formulas (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 3, maxLength: 200 }),
        (xs) => {
          fc.pre(new Set(xs).size > 2);
          const m = createStreamingMoments();
          for (const x of xs) m.push(x);
          const s = m.summary();
          const e = twoPass(xs);
          fc.pre(Number.isFinite(e.skewness) && e.stdev > 1e-3);
          // Within a relative tolerance (absolute below 1).
          for (const [key, tol] of [
            ['mean', 1e-9],
            ['stdev', 1e-9],
            ['skewness', 1e-6],
            ['kurtosis', 1e-6],
          ] as const)
            expect(Math.abs(s[key] - e[key]), key).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e[key])));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives NaN for undefined figures', () => {
    const m = createStreamingMoments();
    expect(m.summary().mean).toBeNaN();
    m.push(2);
    m.push(2);
    const s = m.summary();
    expect(s.mean).toBe(2);
    expect(s.stdev).toBe(0);
    expect(s.skewness).toBeNaN();
    expect(s.kurtosis).toBeNaN();
  });
});
