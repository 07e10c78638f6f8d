import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromF64, fromInt, U64_MAX, U64F64 } from '../fixed/index.ts';
import {
  bumpBurn,
  DEFAULT_BURN_INCREASE_MULT,
  decayBurn,
  decayFactorQ32,
  mulByQ32,
  powQ32,
  Q32_ONE,
  registrationPriceStep,
} from './burnPrice.ts';

const open = { minBurn: 0n, maxBurn: U64_MAX };

describe('decay factor', () => {
  it('is 4286705684 for the default half-life 360 and 1.0 for half-life 0', () => {
    expect(decayFactorQ32(360)).toBe(4_286_705_684n);
    expect(decayFactorQ32(0)).toBe(Q32_ONE);
  });

  it('is the largest Q32 value whose half-life power is at most 1/2', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65_535 }), (h) => {
        const f = decayFactorQ32(h);
        expect(powQ32(f, h)).toBeLessThanOrEqual(1n << 31n);
        expect(powQ32(f + 1n, h)).toBeGreaterThan(1n << 31n);
      }),
      { numRuns: 60 },
    );
  });

  it('pow and mul floor like the chain', () => {
    expect(mulByQ32(3n, 1n << 31n)).toBe(1n);
    expect(mulByQ32(U64_MAX, U64_MAX)).toBe(U64_MAX);
    expect(powQ32(1n << 31n, 3)).toBe(1n << 29n);
  });
});

describe('burn decay', () => {
  it('follows the worked examples (half-life 2: 1024 -> 724 -> 511 -> 361 -> 255)', () => {
    const trace = [1024n];
    for (let i = 0; i < 4; i++) trace.push(decayBurn({ ...open, burn: trace[i] ?? 0n, halfLife: 2 }));
    expect(trace).toEqual([1024n, 724n, 511n, 361n, 255n]);
    expect(decayBurn({ ...open, burn: 1000n, halfLife: 1000 })).toBe(999n);
  });

  it('skips the multiplication at blocks <= 1 and for half-life 0, but still clamps', () => {
    expect(decayBurn({ ...open, burn: 1000n, halfLife: 2, block: 1 })).toBe(1000n);
    expect(decayBurn({ minBurn: 2000n, maxBurn: 5000n, burn: 1000n, halfLife: 0 })).toBe(2000n);
  });

  it('the block step resets the per-block registration counter', () => {
    const next = registrationPriceStep(
      { burn: 1000n, registrationsThisBlock: 3 },
      { ...open, halfLife: 1000 },
    );
    expect(next).toEqual({ burn: 999n, registrationsThisBlock: 0 });
  });

  it('is monotone, never increases an in-range burn and stays within the bounds', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: U64_MAX }),
        fc.bigInt({ min: 0n, max: U64_MAX }),
        fc.integer({ min: 0, max: 5000 }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        (x, y, halfLife, lo, span) => {
          const bounds = { minBurn: lo, maxBurn: lo + span };
          const [a, b] = x <= y ? [x, y] : [y, x];
          const da = decayBurn({ ...bounds, burn: a, halfLife });
          const db = decayBurn({ ...bounds, burn: b, halfLife });
          expect(da).toBeLessThanOrEqual(db);
          expect(da).toBeGreaterThanOrEqual(bounds.minBurn);
          expect(da).toBeLessThanOrEqual(bounds.maxBurn);
          if (a >= bounds.minBurn && a <= bounds.maxBurn) expect(da).toBeLessThanOrEqual(a);
        },
      ),
    );
  });
});

describe('burn bump', () => {
  it('multiplies and floors, then clamps (1.26 is the nearest U64F64 of the f64)', () => {
    expect(bumpBurn({ ...open, burn: 1000n, increaseMult: fromInt(U64F64, 3) })).toBe(3000n);
    expect(bumpBurn({ ...open, burn: 10n ** 9n, increaseMult: DEFAULT_BURN_INCREASE_MULT })).toBe(
      1_260_000_000n,
    );
    expect(DEFAULT_BURN_INCREASE_MULT).toBe(fromF64(U64F64, 1.26));
    expect(
      bumpBurn({ minBurn: 100_000n, maxBurn: 150_000n, burn: 100_000n, increaseMult: fromInt(U64F64, 2) }),
    ).toBe(150_000n);
  });

  it('treats multipliers below 1 as 1 and saturates at u64::MAX', () => {
    expect(bumpBurn({ ...open, burn: 777n, increaseMult: fromF64(U64F64, 0.5) })).toBe(777n);
    expect(bumpBurn({ ...open, burn: U64_MAX, increaseMult: fromInt(U64F64, 2) })).toBe(U64_MAX);
  });
});
