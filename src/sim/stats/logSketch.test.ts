import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactQuantile } from '../../../test/support/exactQuantile.ts';
import { createStream } from '../rng/stream.ts';
import { createLogSketch } from './logSketch.ts';

const LEVELS = [0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1];

function expectWithin(values: readonly number[], alpha: number, maxBins = 2048) {
  const sketch = createLogSketch({ relativeAccuracy: alpha, maxBins });
  for (const x of values) sketch.push(x);
  const sorted = [...values].sort((a, b) => a - b);
  for (const q of LEVELS) {
    const exact = exactQuantile(sorted, q);
    // The stated error: α times the larger neighbour's magnitude, plus the zero bucket's width.
    expect(Math.abs(sketch.quantile(q) - exact.value)).toBeLessThanOrEqual(
      alpha * exact.bound * (1 + 1e-9) + 1e-12,
    );
  }
}

describe('log sketch', () => {
  it('is within the stated relative error of exact quantiles on random data (property)', () => {
    // Magnitudes from 1e-12 to 1e5: 17 decades, inside what both collector settings cover in full.
    const value = fc.oneof(
      fc.double({ min: -1e5, max: 1e5, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.integer({ min: -5, max: 5 }),
    );
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 300 }),
        fc.constantFrom([0.01, 2048] as const, [0.005, 4096] as const),
        (xs, [alpha, maxBins]) => {
          expectWithin(xs, alpha, maxBins);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is within 1% of exact quantiles on 100,000 heavy-tailed draws', () => {
    const rng = createStream(42, 0, 'sketch-test');
    const xs = Array.from({ length: 100_000 }, () => Math.exp(2 * rng.normal()) - 1.5);
    expectWithin(xs, 0.01);
  });

  it('does not depend on the order of values', () => {
    const rng = createStream(7, 0, 'order');
    const xs = Array.from({ length: 5000 }, () => rng.normal() * 10);
    const a = createLogSketch();
    const b = createLogSketch();
    for (const x of xs) a.push(x);
    for (const x of [...xs].reverse()) b.push(x);
    for (const q of LEVELS) expect(b.quantile(q)).toBe(a.quantile(q));
  });

  it('keeps memory bounded by maxBins and the largest values accurate when it collapses', () => {
    const sketch = createLogSketch({ relativeAccuracy: 0.01, maxBins: 128 });
    const xs: number[] = [];
    for (let e = -30; e <= 30; e += 0.01) xs.push(10 ** e);
    for (const x of xs) sketch.push(x);
    expect(sketch.sizeBytes()).toBeLessThanOrEqual(2 * (128 + 64) * 4 + 200);
    const sorted = [...xs].sort((a, b) => a - b);
    for (const q of [0.99, 0.999, 1]) {
      const exact = exactQuantile(sorted, q);
      expect(Math.abs(sketch.quantile(q) - exact.value)).toBeLessThanOrEqual(0.01 * exact.bound * 1.000001);
    }
  });

  it('estimates the top share of the positive sum within α', () => {
    const rng = createStream(3, 0, 'top');
    const xs = Array.from({ length: 20_000 }, () => Math.exp(1.5 * rng.normal()));
    const sketch = createLogSketch({ relativeAccuracy: 0.01 });
    for (const x of xs) sketch.push(x);
    const sorted = [...xs].sort((a, b) => b - a);
    const exactTop = sorted.slice(0, 2000).reduce((s, x) => s + x, 0);
    expect(Math.abs(sketch.topPositiveSum(0.1) - exactTop) / exactTop).toBeLessThanOrEqual(0.01);
  });

  it('reports NaN when empty and exact extremes', () => {
    const sketch = createLogSketch();
    expect(sketch.quantile(0.5)).toBeNaN();
    sketch.push(-3);
    sketch.push(0);
    sketch.push(5);
    expect(sketch.quantile(0)).toBe(-3);
    expect(sketch.quantile(1)).toBe(5);
    expect(sketch.quantile(0.5)).toBe(0);
    expect(sketch.count()).toBe(3);
  });
});
