import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  complementWeight,
  isValidQuoteWeight,
  MIN_WEIGHT,
  mulPerquintillRound,
  PERQUINTILL_HALF,
  PERQUINTILL_ONE,
  perquintillFromRational,
} from './perquintill.ts';

const U128_MAX = (1n << 128n) - 1n;

describe('perquintillFromRational', () => {
  it('rounds down; 1.0 for a zero denominator or p > q', () => {
    expect(perquintillFromRational(1n, 2n)).toBe(PERQUINTILL_HALF);
    expect(perquintillFromRational(1n, 3n)).toBe(333_333_333_333_333_333n);
    expect(perquintillFromRational(2n, 3n)).toBe(666_666_666_666_666_666n);
    expect(perquintillFromRational(1n, 0n)).toBe(PERQUINTILL_ONE);
    expect(perquintillFromRational(5n, 4n)).toBe(PERQUINTILL_ONE);
  });

  it('is floor(p * 1e18 / q) for p <= q', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: U128_MAX }), fc.bigInt({ min: 0n, max: U128_MAX }), (q, p0) => {
        const p = p0 % (q + 1n);
        const parts = perquintillFromRational(p, q);
        expect(parts * q).toBeLessThanOrEqual(p * PERQUINTILL_ONE);
        expect((parts + 1n) * q).toBeGreaterThan(p * PERQUINTILL_ONE);
      }),
    );
  });
});

describe('mulPerquintillRound', () => {
  it('rounds half up (test_mul_round_half_behaviour, _third_behaviour)', () => {
    const half = [0n, 1n, 2n, 3n, 4n, 5n, 1023n, 1025n].map((v) => mulPerquintillRound(PERQUINTILL_HALF, v));
    expect(half).toEqual([0n, 1n, 1n, 2n, 2n, 3n, 512n, 513n]);
    const third = perquintillFromRational(1n, 3n);
    expect([3n, 4n, 5n, 6n].map((v) => mulPerquintillRound(third, v))).toEqual([1n, 1n, 2n, 2n]);
  });

  it('0 and 1 are exact, even at u128::MAX', () => {
    expect(mulPerquintillRound(0n, 1_000_000n)).toBe(0n);
    expect(mulPerquintillRound(PERQUINTILL_ONE, 1_000_000n)).toBe(1_000_000n);
    expect(mulPerquintillRound(PERQUINTILL_ONE, U128_MAX)).toBe(U128_MAX);
    const seven = perquintillFromRational(7n, 10n);
    expect(mulPerquintillRound(seven, 10n ** 18n)).toBe((10n ** 18n * 7n + 5n) / 10n);
  });
});

describe('weight constraints', () => {
  it('accepts exactly [0.01, 0.99]', () => {
    expect(isValidQuoteWeight(MIN_WEIGHT)).toBe(true);
    expect(isValidQuoteWeight(MIN_WEIGHT - 1n)).toBe(false);
    expect(isValidQuoteWeight(PERQUINTILL_ONE - MIN_WEIGHT)).toBe(true);
    expect(isValidQuoteWeight(PERQUINTILL_ONE - MIN_WEIGHT + 1n)).toBe(false);
    expect(isValidQuoteWeight(0n)).toBe(false);
    expect(isValidQuoteWeight(PERQUINTILL_ONE)).toBe(false);
    expect(complementWeight(PERQUINTILL_ONE + 5n)).toBe(0n);
  });
});
