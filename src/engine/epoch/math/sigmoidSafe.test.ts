import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromF64, fromInt, I32F32 } from '../../fixed/index.ts';
import { exp } from '../../fixed/transcendental.ts';
import { clampValue, expSafe, sigmoidSafe } from './sigmoidSafe.ts';

const f64 = (x: number) => fromF64(I32F32, x);
const f32 = (x: number) => fromF64(I32F32, Math.fround(x));

describe('expSafe', () => {
  it('clamps the input to [-20, 20] before exp', () => {
    const one = I32F32.one;
    const lo = fromInt(I32F32, -20);
    const hi = fromInt(I32F32, 20);
    expect(expSafe(0n as I32F32)).toBe(exp(0n as I32F32));
    expect(expSafe(one)).toBe(exp(one));
    for (const x of [lo, (lo - one) as I32F32, I32F32.min]) expect(expSafe(x)).toBe(exp(lo));
    for (const x of [hi, (hi + one) as I32F32, I32F32.max]) expect(expSafe(x)).toBe(exp(hi));
  });
});

describe('sigmoidSafe (bit-exact against the chain tests)', () => {
  it('rho = 40, kappa = 0.5 over 0, 0.1, ..., 1', () => {
    const input = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map(f32);
    const want = [
      0.0000000019, 0.0000001125, 0.0000061442, 0.0003353502, 0.017986214, 0.5, 0.9820138067, 0.9996646498,
      0.9999938558, 0.9999998875, 0.9999999981,
    ].map(f64);
    const got = input.map((x) => sigmoidSafe({ input: x, rho: fromInt(I32F32, 40), kappa: f64(0.5) }));
    expect(got).toEqual(want);
  });

  it('saturates with rho and kappa at the extremes', () => {
    const input = [I32F32.min, 0n as I32F32, f64(0.4), f64(0.5), f64(0.6), I32F32.one, I32F32.max];
    const tiny = f32(0.0000000019);
    expect(input.map((x) => sigmoidSafe({ input: x, rho: I32F32.max, kappa: I32F32.max }))).toEqual([
      ...Array<I32F32>(6).fill(tiny),
      f32(0.5),
    ]);
    expect(input.map((x) => sigmoidSafe({ input: x, rho: I32F32.min, kappa: I32F32.min }))).toEqual([
      f32(0.5),
      ...Array<I32F32>(6).fill(tiny),
    ]);
  });

  it('stays in (0, 1] and is monotone in the input for rho > 0', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(4n << 32n), max: 4n << 32n }),
        fc.bigInt({ min: 0n, max: 1n << 30n }),
        (x, dx) => {
          // rho = 10 never feeds exp exactly 1.0, where the crate's 23-bit E breaks monotonicity.
          const p = { rho: fromInt(I32F32, 10), kappa: f64(0.5) };
          const a = sigmoidSafe({ input: x as I32F32, ...p });
          const b = sigmoidSafe({ input: (x + dx) as I32F32, ...p });
          expect(a).toBeGreaterThan(0n);
          expect(a).toBeLessThanOrEqual(I32F32.one);
          expect(b).toBeGreaterThanOrEqual(a);
        },
      ),
    );
  });
});

describe('clampValue', () => {
  it('caps at high, then raises to low', () => {
    const [lo, hi] = [f64(0.7), f64(0.9)];
    expect(clampValue({ value: f64(0.5), low: lo, high: hi })).toBe(lo);
    expect(clampValue({ value: f64(0.95), low: lo, high: hi })).toBe(hi);
    expect(clampValue({ value: f64(0.8), low: lo, high: hi })).toBe(f64(0.8));
    expect(clampValue({ value: f64(0.8), low: hi, high: lo })).toBe(hi);
  });
});
