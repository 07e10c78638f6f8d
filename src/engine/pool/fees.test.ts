import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEE_RATE } from '../chainConstants.ts';
import { limitFee, swapFee } from './fees.ts';

describe('swapFee', () => {
  it('matches the swap_basic fees', () => {
    const fee = (amount: bigint) => swapFee({ amount, feeRate: DEFAULT_FEE_RATE, mechanism: 1 });
    expect([1000n, 2000n, 123_456n, 1_000_000_000n, 10_000_000_000n].map(fee)).toEqual([
      0n,
      1n,
      62n,
      503_547n,
      5_035_477n,
    ]);
  });

  it('is 0 for protocol swaps and stable subnets', () => {
    expect(swapFee({ amount: 10n ** 12n, feeRate: 33, mechanism: 1, dropFees: true })).toBe(0n);
    expect(swapFee({ amount: 10n ** 12n, feeRate: 33, mechanism: 0 })).toBe(0n);
  });

  it('never exceeds floor(amount * rate / 65535) and is at most 1 below it', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        fc.integer({ min: 0, max: 10_000 }),
        (amount, rate) => {
          const fee = swapFee({ amount, feeRate: rate, mechanism: 1 });
          const exact = (amount * BigInt(rate)) / 65_535n;
          expect(fee).toBeLessThanOrEqual(exact);
          expect(fee + 1n).toBeGreaterThanOrEqual(exact);
        },
      ),
    );
  });
});

describe('limitFee', () => {
  it('is delta * rate / (65535 - rate) with the quotient truncated first', () => {
    expect(limitFee({ deltaIn: 999_496_453n, feeRate: 33 })).toBe((999_496_453n * 33n) / 65_502n);
    expect(limitFee({ deltaIn: 999_496_453n, feeRate: 33, dropFees: true })).toBe(0n);
    expect(limitFee({ deltaIn: 5n, feeRate: 65_535 })).toBe(0n); // safe_div by zero
  });
});
