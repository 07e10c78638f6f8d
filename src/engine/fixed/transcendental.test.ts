import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expFullLoop as frozenExp } from './expFullLoop.testkit.ts';
import { I32F32 } from './format.ts';
import { checkedDiv, fromF64, fromInt, toF64 } from './ops.ts';
import { EXP_RAW_LIMIT, exp, expRaw } from './transcendental.ts';

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

/** Raw inputs spread over [-25, 25]: a grid of `steps` points plus its neighbours (odd low bits). */
function grid(steps: number): I32F32[] {
  const out: I32F32[] = [];
  const span = 50n << 32n;
  for (let k = 0; k <= steps; k++) {
    const x = -(25n << 32n) + (span * BigInt(k)) / BigInt(steps);
    out.push(x as I32F32, (x + 1n) as I32F32, (x - 1n) as I32F32);
  }
  return out;
}

describe('exp stops when a term reaches 0', () => {
  // Once a term is 0 every later term is 0 (0 * x floors to 0, 0 / i is 0) and no step can overflow,
  // so the skipped iterations would add 0: the results below are those of the full 31-term loop.
  it("gives the full loop's result on a grid over [-25, 25] and at the edges", () => {
    const edges = [0n, 1n, -1n, I32F32.one, -I32F32.one, I32F32.max, I32F32.min, 1n << 20n, -(1n << 20n)];
    for (const x of [...grid(4000), ...edges.map((e) => e as I32F32)]) expect(exp(x)).toBe(frozenExp(x));
  });

  it("gives the full loop's result on random inputs (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(rawIn(-25, 25), rawIn(-1, 1), fc.bigInt({ min: -(1n << 24n), max: 1n << 24n })),
        (x) => {
          expect(exp(x as I32F32)).toBe(frozenExp(x as I32F32));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('expRaw (float64 raw bits)', () => {
  it('equals exp on |x| <= 12 (grid and random) and falls back to it beyond', () => {
    for (const x of grid(6000)) {
      const want = exp(x);
      if (x <= BigInt(EXP_RAW_LIMIT) && x >= -BigInt(EXP_RAW_LIMIT))
        expect(expRaw(Number(x))).toBe(Number(want));
    }
    fc.assert(
      fc.property(fc.oneof(rawIn(-12, 12), rawIn(-1, 1)), (x) => {
        expect(expRaw(Number(x))).toBe(Number(exp(x)));
      }),
      { numRuns: 20_000 },
    );
    for (const x of [EXP_RAW_LIMIT, -EXP_RAW_LIMIT, EXP_RAW_LIMIT + 1, -20 * 2 ** 32, 2 ** 32, 0]) {
      const want = exp(BigInt(x) as I32F32);
      expect(expRaw(x)).toBe(want === null ? null : Number(want));
    }
    expect(expRaw(22 * 2 ** 32)).toBeNull();
  });
});
