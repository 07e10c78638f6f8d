import { describe, expect, it } from 'vitest';
import { SOBOL_MAX_DIMENSIONS, sobolPoints } from './sobolSequence.ts';

// The first 16 points of dimensions 1–5 of the Joe–Kuo (new-joe-kuo-6.21201) Sobol' sequence, unscrambled,
// as tabulated for that direction-number set (e.g. the unscrambled output of SciPy's qmc.Sobol).
const PUBLISHED = [
  [0, 0, 0, 0, 0],
  [0.5, 0.5, 0.5, 0.5, 0.5],
  [0.75, 0.25, 0.25, 0.25, 0.75],
  [0.25, 0.75, 0.75, 0.75, 0.25],
  [0.375, 0.375, 0.625, 0.875, 0.375],
  [0.875, 0.875, 0.125, 0.375, 0.875],
  [0.625, 0.125, 0.875, 0.625, 0.625],
  [0.125, 0.625, 0.375, 0.125, 0.125],
  [0.1875, 0.3125, 0.9375, 0.4375, 0.5625],
  [0.6875, 0.8125, 0.4375, 0.9375, 0.0625],
  [0.9375, 0.0625, 0.6875, 0.1875, 0.3125],
  [0.4375, 0.5625, 0.1875, 0.6875, 0.8125],
  [0.3125, 0.1875, 0.3125, 0.5625, 0.9375],
  [0.8125, 0.6875, 0.8125, 0.0625, 0.4375],
  [0.5625, 0.4375, 0.0625, 0.8125, 0.1875],
  [0.0625, 0.9375, 0.5625, 0.3125, 0.6875],
];

describe('sobolPoints', () => {
  it('reproduces the published first points', () => {
    expect(sobolPoints(16, 5)).toEqual(PUBLISHED);
  });

  it('puts one of the first 2^m points in each interval of width 2^−m, in every dimension', () => {
    const m = 10;
    const points = sobolPoints(2 ** m, SOBOL_MAX_DIMENSIONS);
    for (let d = 0; d < SOBOL_MAX_DIMENSIONS; d++) {
      const cells = new Set(points.map((p) => Math.floor(p[d]! * 2 ** m)));
      expect(cells.size, `dimension ${d + 1}`).toBe(2 ** m);
    }
  });

  it('makes the first two dimensions a (0, m, 2)-net: one of 2^m points in each elementary box', () => {
    const m = 6;
    const points = sobolPoints(2 ** m, 2);
    for (let bits = 0; bits <= m; bits++) {
      const cells = new Set(
        points.map((p) => `${Math.floor(p[0]! * 2 ** bits)},${Math.floor(p[1]! * 2 ** (m - bits))}`),
      );
      expect(cells.size, `boxes 2^-${bits} × 2^-${m - bits}`).toBe(2 ** m);
    }
  });

  it('refuses dimensions it has no direction numbers for', () => {
    expect(() => sobolPoints(4, SOBOL_MAX_DIMENSIONS + 1)).toThrow(
      /dimensions: expected an integer from 1 to 21/,
    );
  });
});
