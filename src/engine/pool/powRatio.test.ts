import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nthRootFloor, powRatioScaled } from './powRatio.ts';
import { REFERENCE_BITS, referencePowFixed } from './referencePow.testkit.ts';

const E18 = 10n ** 18n;

describe('powRatioScaled: values asserted by the crate and the chain', () => {
  it('exact path: 0.75^1.5 (test_perquintill_power, precision 256 and 4096)', () => {
    for (const precision of [256, 4096]) {
      const r = powRatioScaled({
        baseNum: 21_000_000_000_000_000n,
        baseDen: 28_000_000_000_000_000n,
        expNum: 600_000_000_000_000_000n,
        expDen: 400_000_000_000_000_000n,
        precision,
        scale: E18,
      });
      expect(r).toBe(649_519_052_838_328_985n);
    }
  });

  it('exact path: (2/3)^(1/2) * 1000 = 816 (doc example)', () => {
    expect(
      powRatioScaled({ baseNum: 2n, baseDen: 3n, expNum: 1n, expDen: 2n, precision: 0, scale: 1000n }),
    ).toBe(816n);
  });

  it('approximate path: large weight denominators (pow_ratio_scaled_handles_large_weight_denominators)', () => {
    const cases: [bigint, bigint][] = [
      [500_000_000_000_000_000n, 500_000_000_000_000_000n],
      [499_999_999_999_500_000n, 500_000_000_000_500_000n],
      [500_000_000_000_250_000n, 499_999_999_999_750_000n],
    ];
    for (const [expNum, expDen] of cases) {
      const r = powRatioScaled({
        baseNum: 21_000_000_000_000_000n,
        baseDen: 21_000_000_000_000_100n,
        expNum,
        expDen,
        precision: 256,
        scale: E18,
      });
      expect(r).toBe(999_999_999_999_995_238n);
    }
  });

  it('approximate path: boundary weights (pow_ratio_scaled_converges_on_boundary_weights)', () => {
    const r = powRatioScaled({
      baseNum: 21_000_000_000_000_000n,
      baseDen: 21_000_000_000_000_001n,
      expNum: 499_999_999_500_000_000n,
      expDen: 500_000_000_500_000_000n,
      precision: 256,
      scale: E18,
    });
    expect(r).toBe(999_999_999_999_999_952n);
  });

  it('approximate path: the scale raises a coarse precision (pow_ratio_scaled_uses_scale_to_pick_precision)', () => {
    const input = {
      baseNum: 123_456_789n,
      baseDen: 987_654_321n,
      expNum: 987_654_321_123_456_789n,
      expDen: 123_456_789_987_654_321n,
      scale: E18,
    };
    const coarse = powRatioScaled({ ...input, precision: 0 })!;
    const precise = powRatioScaled({ ...input, precision: 256 })!;
    expect(coarse - precise).toBeLessThanOrEqual(1n);
    expect(precise - coarse).toBeLessThanOrEqual(1n);
  });

  it('approximate path: small base, fractional exponent, extreme delta', () => {
    const small = powRatioScaled({
      baseNum: 1n,
      baseDen: 10n,
      expNum: 500_000_000_001n,
      expDen: 1_000_000_000_000n,
      precision: 128,
      scale: E18,
    })!;
    expect(Number(small - 316_227_766_016_109_800n)).toBeLessThanOrEqual(128);
    const w1 = 102_337_248_363_782_924n;
    const extreme = powRatioScaled({
      baseNum: 400_775_553n,
      baseDen: 400_775_553n + 14_446_633_907_665_582n,
      expNum: w1,
      expDen: E18 - w1,
      precision: 256,
      scale: E18,
    })!;
    expect(Math.abs(Number(extreme) - 137_558_120_932_567_440)).toBeLessThanOrEqual(1_000_000);
  });

  it('gcd reduction sends 2048/4096 to the exact square root', () => {
    const a = powRatioScaled({
      baseNum: 999_999_937n,
      baseDen: 1_000_000_003n,
      expNum: 2048n,
      expDen: 4096n,
      precision: 64,
      scale: 1_000_000n,
    });
    const b = powRatioScaled({
      baseNum: 999_999_937n,
      baseDen: 1_000_000_003n,
      expNum: 1n,
      expDen: 2n,
      precision: 64,
      scale: 1_000_000n,
    });
    expect(a).toBe(b);
    expect(a).toBe(nthRootFloor((999_999_937n * 10n ** 12n) / 1_000_000_003n, 2));
  });

  it('edge cases mirror the crate (None, zero base, zero exponent)', () => {
    const base = { baseNum: 3n, baseDen: 4n, expNum: 1n, expDen: 3n, precision: 64, scale: E18 };
    expect(powRatioScaled({ ...base, baseDen: 0n })).toBeNull();
    expect(powRatioScaled({ ...base, expDen: 0n })).toBeNull();
    expect(powRatioScaled({ ...base, baseNum: -3n })).toBeNull();
    expect(powRatioScaled({ ...base, scale: -1n })).toBeNull();
    expect(powRatioScaled({ ...base, expNum: -1n })).toBeNull();
    expect(powRatioScaled({ ...base, baseNum: 0n })).toBe(0n);
    expect(powRatioScaled({ ...base, expNum: 0n })).toBe(E18);
  });
});

describe('nthRootFloor', () => {
  it('is the unique floor root', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1n << 700n }), fc.integer({ min: 1, max: 1024 }), (n, q) => {
        const r = nthRootFloor(n, q);
        const qb = BigInt(q);
        expect(r ** qb).toBeLessThanOrEqual(n);
        expect((r + 1n) ** qb).toBeGreaterThan(n);
      }),
      { numRuns: 300 },
    );
  });
});

describe('powRatioScaled properties', () => {
  it('exact path with equal weights is the rational floor(num * 1e18 / den)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }),
        fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }),
        fc.bigInt({ min: 1n, max: 10n ** 18n }),
        (num, den, w) => {
          const r = powRatioScaled({
            baseNum: num,
            baseDen: den,
            expNum: w,
            expDen: w,
            precision: 256,
            scale: E18,
          });
          expect(r).toBe((num * E18) / den);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('exact path with small exponents is the floor of the exact root', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 1n << 64n }),
        fc.bigInt({ min: 1n, max: 1n << 64n }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        (num, den, a, b) => {
          const r = powRatioScaled({
            baseNum: num,
            baseDen: den,
            expNum: BigInt(a),
            expDen: BigInt(b),
            precision: 256,
            scale: E18,
          })!;
          // r^b * den^a' <= num^a' * 1e18^b with the reduced exponent; compare unreduced (same ratio).
          const lhs = (x: bigint) => x ** BigInt(b) * den ** BigInt(a);
          const rhs = num ** BigInt(a) * E18 ** BigInt(b);
          expect(lhs(r)).toBeLessThanOrEqual(rhs);
          expect(lhs(r + 1n)).toBeGreaterThan(rhs);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('approximate path is within 1e-15 relative (plus the final floor) of a 320-bit reference', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }),
        fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }),
        fc.bigInt({ min: 10n ** 16n, max: 99n * 10n ** 16n }),
        fc.constantFrom(256, 1024),
        (num, den, w, precision) => {
          const [a, b] = [w, E18 - w];
          // Keep the result inside u64 * scale territory where the chain uses it.
          fc.pre(Math.abs(Math.log(Number(num) / Number(den)) * (Number(a) / Number(b))) < 40);
          const r = powRatioScaled({
            baseNum: num,
            baseDen: den,
            expNum: a,
            expDen: b,
            precision,
            scale: E18,
          })!;
          const reference = (referencePowFixed(num, den, a, b) * E18) >> REFERENCE_BITS;
          const diff = r > reference ? r - reference : reference - r;
          expect(diff).toBeLessThanOrEqual(1n + reference / 10n ** 15n);
        },
      ),
      { numRuns: 150 },
    );
  });
});
