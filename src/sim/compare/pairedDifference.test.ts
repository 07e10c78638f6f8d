import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairedDifference, tCritical95 } from './pairedDifference.ts';

describe('tCritical95', () => {
  it('matches tabulated Student-t quantiles', () => {
    // Standard table values of t(0.975, df).
    const table: [number, number][] = [
      [1, 12.706],
      [3, 3.182],
      [5, 2.571],
      [10, 2.228],
      [30, 2.042],
      [120, 1.98],
    ];
    for (const [df, t] of table) expect(tCritical95(df)).toBeCloseTo(t, 2);
    expect(tCritical95(1e9)).toBeCloseTo(1.96, 3);
  });
});

describe('pairedDifference', () => {
  it('averages the per-run differences and skips runs missing on either side', () => {
    const d = pairedDifference([1, 2, Number.NaN, 4], [2, 4, 9, 7]);
    expect(d.count).toBe(3);
    expect(d.mean).toBeCloseTo(2, 12);
    // Differences 1, 2, 3: sd 1, so the half-width is t(2) / sqrt(3).
    expect(d.high - d.mean).toBeCloseTo(4.30265273 / Math.sqrt(3), 9);
  });

  it('has no interval with fewer than two pairs', () => {
    expect(pairedDifference([1], [3]).low).toBeNaN();
    expect(pairedDifference([], []).count).toBe(0);
  });

  it('a constant shift has a zero-width interval; shared noise cancels', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 50 }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (xs, shift) => {
          const d = pairedDifference(
            xs,
            xs.map((x) => x + shift),
          );
          expect(d.mean).toBeCloseTo(shift, 3);
          expect(d.high - d.low).toBeLessThan(1e-3);
        },
      ),
    );
  });
});
