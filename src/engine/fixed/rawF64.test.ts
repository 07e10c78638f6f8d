/**
 * The float64 raw-bit helpers against the bigint ops they stand in for (spec §1.2 rounding), on random
 * operands across their whole stated domains and on the domain edges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { I32F32 } from './format.ts';
import { mul, safeDiv } from './ops.ts';
import { divPow64, divRaw, mulRaw, mulRawSigned, mulWide, mulWideSigned, TWO32 } from './rawF64.ts';

const raw = (x: number) => BigInt(x) as I32F32;
const bigMul = (a: number, b: number) => Number(mul(I32F32, raw(a), raw(b)));
/** Integers in [lo, hi], weighted towards the ends and towards powers of two. */
const intIn = (lo: number, hi: number) =>
  fc.oneof(
    fc.integer({ min: lo, max: Math.min(hi, Number.MAX_SAFE_INTEGER) }),
    fc.constantFrom(lo, hi, Math.floor((lo + hi) / 2)),
    fc.integer({ min: 0, max: 52 }).map((k) => Math.min(hi, Math.max(lo, 2 ** k))),
    fc.integer({ min: 0, max: 52 }).map((k) => Math.min(hi, Math.max(lo, 2 ** k - 1))),
  );
const safeBig = (lo: bigint, hi: bigint) => fc.bigInt({ min: lo, max: hi }).map(Number);

describe('mulRaw / mulRawSigned (I32F32 floor product)', () => {
  it('equals the bigint product for 0 <= a <= 2^36, 0 <= b <= 2^32', () => {
    fc.assert(
      fc.property(intIn(0, 2 ** 36), intIn(0, TWO32), (a, b) => {
        expect(mulRaw(a, b)).toBe(bigMul(a, b));
      }),
      { numRuns: 5000 },
    );
  });

  it('floors toward minus infinity for any signs within |a| <= 2^36, |b| <= 2^32', () => {
    fc.assert(
      fc.property(intIn(-(2 ** 36), 2 ** 36), intIn(-TWO32, TWO32), (a, b) => {
        expect(Object.is(mulRawSigned(a, b), -0)).toBe(false);
        expect(mulRawSigned(a, b)).toBe(bigMul(a, b));
      }),
      { numRuns: 5000 },
    );
    expect(mulRawSigned(-1, 1)).toBe(-1);
    expect(mulRawSigned(-TWO32, 3)).toBe(-3);
    expect(mulRawSigned(0, -5)).toBe(0);
  });
});

describe('mulWide / mulWideSigned', () => {
  it('equals the bigint floor product for a < 2^53, b < 2^37 while the result stays below 2^53', () => {
    fc.assert(
      fc.property(safeBig(0n, 2n ** 53n - 1n), safeBig(0n, 2n ** 37n - 1n), (a, b) => {
        const want = (BigInt(a) * BigInt(b)) >> 32n;
        fc.pre(want < 2n ** 53n);
        expect(mulWide(a, b)).toBe(Number(want));
        expect(mulWideSigned(-a, b)).toBe(Number((-BigInt(a) * BigInt(b)) >> 32n));
        expect(mulWideSigned(a, -b)).toBe(Number((BigInt(a) * -BigInt(b)) >> 32n));
        expect(mulWideSigned(-a, -b)).toBe(Number(want));
      }),
      { numRuns: 5000 },
    );
  });

  it('covers the Taylor range: terms below 2^50 times exponents up to 20', () => {
    fc.assert(
      fc.property(safeBig(0n, 2n ** 50n), safeBig(0n, 20n * 2n ** 32n), (a, b) => {
        const want = (BigInt(a) * BigInt(b)) >> 32n;
        fc.pre(want < 2n ** 53n);
        expect(mulWide(a, b)).toBe(Number(want));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('divRaw (I32F32 safe_div)', () => {
  const bigDiv = (a: number, b: number) => Number(safeDiv(I32F32, raw(a), raw(b)));

  it('equals the bigint quotient on proportions and sums (the float path)', () => {
    fc.assert(
      fc.property(intIn(0, 2 ** 37 - 1), intIn(1, 2 ** 37 - 1), (a, b) => {
        fc.pre(a < b * 2 ** 20);
        expect(divRaw(a, b)).toBe(bigDiv(a, b));
      }),
      { numRuns: 5000 },
    );
  });

  it('falls back to bigint outside the float domain, 0 for a zero divisor or an overflow', () => {
    fc.assert(
      fc.property(intIn(-(2 ** 52), 2 ** 52), intIn(-(2 ** 52), 2 ** 52), (a, b) => {
        const want = safeDiv(I32F32, raw(a), raw(b));
        fc.pre(want < 2n ** 53n && want > -(2n ** 53n));
        expect(divRaw(a, b)).toBe(Number(want));
      }),
      { numRuns: 5000 },
    );
    expect(divRaw(5, 0)).toBe(0);
    expect(divRaw(2 ** 40, 1)).toBe(0); // 2^72 overflows i64: safe_div gives 0
    expect(() => divRaw(2 ** 30, 1)).toThrow(/RAW_RANGE|not exact/);
  });

  it('is exact at the edges of the floor lemma', () => {
    const cases: [number, number][] = [
      [2 ** 37 - 1, 2 ** 37 - 1],
      [2 ** 37 - 1, 2 ** 17 + 1],
      [TWO32, 3 * 65_536],
      [TWO32 - 1, TWO32],
      [1, 2 ** 37 - 1],
    ];
    for (const [a, b] of cases) expect(divRaw(a, b)).toBe(bigDiv(a, b));
  });
});

describe('divPow64', () => {
  it('is floor(2^64 / d) for 2^32 <= d < 2^53', () => {
    fc.assert(
      fc.property(fc.oneof(safeBig(2n ** 32n, 2n ** 53n - 1n), safeBig(2n ** 32n, 2n ** 34n)), (d) => {
        expect(divPow64(d)).toBe(Number((1n << 64n) / BigInt(d)));
      }),
      { numRuns: 10_000 },
    );
    // Exact divisors, where the quotient is an integer, and their neighbours.
    for (let k = 0; k <= 20; k++) {
      for (const d of [2 ** (32 + k), 2 ** (32 + k) - 1, 2 ** (32 + k) + 1, 3 * 2 ** (31 + k)]) {
        expect(divPow64(d)).toBe(Number((1n << 64n) / BigInt(d)));
      }
    }
  });
});
