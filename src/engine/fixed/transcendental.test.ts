import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { I32F32 } from './format.ts';
import { checkedDiv, fromF64, fromInt, toF64 } from './ops.ts';
import { exp } from './transcendental.ts';

const fx = (x: number) => fromF64(I32F32, x);
const value = (raw: I32F32) => toF64(I32F32, raw);
/** Raw I32F32 values in [lo, hi]. */
const rawIn = (lo: number, hi: number) =>
  fc.bigInt({ min: BigInt(lo) << 32n, max: BigInt(hi) << 32n }).map((r) => r as I32F32);

describe('exp (substrate-fixed v0.6.0 on I32F32)', () => {
  it('returns exactly 1 at 0 and the crate constant E (23 fractional bits) at 1', () => {
    expect(exp(0n as I32F32)).toBe(I32F32.one);
    // floor(e * 2^23) widened by 9 bits (2.7182817459...), not the nearest I32F32 to e.
    expect(exp(I32F32.one)).toBe(BigInt(Math.floor(Math.E * 2 ** 23)) << 9n);
    expect(exp(I32F32.one)).not.toBe(fx(Math.E));
    expect(value(exp(I32F32.one)!)).toBeCloseTo(Math.E, 6);
  });

  it('matches e^x closely where the 31-term series converges', () => {
    fc.assert(
      fc.property(rawIn(-8, 8), (x) => {
        fc.pre(x !== I32F32.one);
        const got = value(exp(x)!);
        const want = Math.exp(value(x));
        // Each of the 30 terms loses under 2 LSB (floor, then truncate).
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-8 * Math.max(1, want) + 64 * 2 ** -32);
      }),
    );
  });

  it('computes a negative input as 1 / exp(|x|), truncated', () => {
    fc.assert(
      fc.property(rawIn(-15, 0), (x) => {
        fc.pre(x < 0n && x !== -I32F32.one);
        expect(exp(x)).toBe(checkedDiv(I32F32, I32F32.one, exp(-x as I32F32)!));
      }),
    );
  });

  it('keeps the truncated series at 20 (below e^20) and fails past the range', () => {
    // Regression bits of the truncated series (the chain's sigmoid tests pin 1 / (1 + this) = 8 LSB).
    expect(exp(fromInt(I32F32, 20))).toBe(2_066_907_302_758_576_256n);
    expect(value(exp(fromInt(I32F32, 20))!)).toBeLessThan(Math.exp(20));
    expect(exp(fromInt(I32F32, 22))).toBeNull();
    expect(exp(fromInt(I32F32, -22))).toBeNull();
    expect(exp(I32F32.min)).toBeNull();
  });
});
