import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromInt, I32F32 } from '../../fixed/index.ts';
import { isTopk, isTopkNonzero } from './isTopk.ts';

const ints = (xs: readonly number[]) => xs.map((x) => fromInt(I32F32, x));

describe('isTopk', () => {
  it('reproduces the chain test cases', () => {
    const v = ints([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(isTopk([], 5)).toEqual([]);
    expect(isTopk(v, 0)).toEqual(v.map(() => false));
    expect(isTopk(v, 5)).toEqual([false, false, false, false, false, true, true, true, true, true]);
    expect(isTopk(v, 10)).toEqual(v.map(() => true));
    expect(isTopk(v, 100)).toEqual(v.map(() => true));
    expect(isTopk(ints([9, 0, 8, 1, 7, 2, 6, 3, 5, 4]), 5)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
  });

  it('breaks ties by index: among equal values the later ones are kept', () => {
    expect(isTopk(ints([1, 1, 1, 1]), 2)).toEqual([false, false, true, true]);
  });

  it('nonzero variant also clears zeros, even when n < k', () => {
    expect(isTopkNonzero(ints([0, 1, 0, 2]), 10)).toEqual([false, true, false, true]);
    expect(isTopkNonzero(ints([0, 3, 1, 2]), 2)).toEqual([false, true, false, true]);
    expect(isTopkNonzero(ints([0, 0, 0]), 2)).toEqual([false, false, false]);
  });

  it('keeps exactly min(n, k) entries and every kept entry is >= every dropped one', () => {
    const value = fc.bigInt({ min: -4n, max: 4n }).map((x) => (x << 32n) as I32F32);
    fc.assert(
      fc.property(fc.array(value, { maxLength: 20 }), fc.nat(25), (v, k) => {
        const mask = isTopk(v, k);
        expect(mask.filter(Boolean).length).toBe(v.length < k ? v.length : k);
        const kept = v.filter((_, i) => mask[i]);
        const dropped = v.filter((_, i) => !mask[i]);
        for (const a of kept) for (const b of dropped) expect(a).toBeGreaterThanOrEqual(b);
        const nz = isTopkNonzero(v, k);
        nz.forEach((m, i) => {
          expect(m).toBe((mask[i] ?? false) && v[i] !== 0n);
        });
      }),
    );
  });
});
