import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromF64, fromInt, I32F32, I64F64 } from '../../fixed/index.ts';
import {
  checkVecMaxLimited,
  fixed64ToFixed32,
  fixedProportionToU16,
  fixedToU16,
  u16ProportionToFixed,
  vecMaxUpscaleToU16,
  vecU16MaxUpscaleToU16,
} from './u16.ts';

const f32 = (x: number) => fromF64(I32F32, Math.fround(x));

describe('vecMaxUpscaleToU16', () => {
  it('reproduces the chain test cases (round to nearest)', () => {
    const cases: [number[], number[]][] = [
      [[], []],
      [[0], [0]],
      [
        [0, 0],
        [0, 0],
      ],
      [
        [0, 1],
        [0, 65_535],
      ],
      [
        [0, 0.000000001],
        [0, 65_535],
      ],
      [
        [0, 0.000016, 1],
        [0, 1, 65_535],
      ],
      [
        [0.000000001, 0.000000001],
        [65_535, 65_535],
      ],
      [
        [0.000001, 0.000006, 0.000007, 0.0001, 0.001, 0.01, 0.1, 0.2, 0.3, 0.4],
        [0, 1, 1, 16, 164, 1638, 16384, 32768, 49151, 65535],
      ],
    ];
    for (const [x, want] of cases) expect(vecMaxUpscaleToU16(x.map(f32))).toEqual(want);
    for (const big of [16_384, 32_768, 32_769, 65_535, 1_000_000]) {
      expect(vecMaxUpscaleToU16([fromInt(I32F32, big)])).toEqual([65_535]);
    }
  });

  it('u16 inputs: small vectors scale up, full-scale vectors are unchanged', () => {
    expect(vecU16MaxUpscaleToU16([1])).toEqual([65_535]);
    expect(vecU16MaxUpscaleToU16([0, 1, 65_534])).toEqual([0, 1, 65_535]);
    expect(vecU16MaxUpscaleToU16([0, 1, 2, 3, 4, 65_533, 65_535])).toEqual([0, 1, 2, 3, 4, 65_533, 65_535]);
  });

  it('maps the maximum to 65535 and keeps order for non-negative input', () => {
    const cell = fc.bigInt({ min: 0n, max: 70_000n << 32n }) as fc.Arbitrary<I32F32>;
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 20 }), (x) => {
        const mx = x.reduce((a, b) => (b > a ? b : a));
        fc.pre(mx > 0n);
        const y = vecMaxUpscaleToU16(x);
        x.forEach((v, i) => {
          if (v === mx) expect(y[i]).toBe(65_535);
          x.forEach((w, k) => {
            if (v <= w) expect(y[i]!).toBeLessThanOrEqual(y[k]!);
          });
        });
      }),
    );
  });
});

describe('checkVecMaxLimited', () => {
  it('compares the largest normalised share with limit / 65535', () => {
    expect(checkVecMaxLimited([], 0)).toBe(true);
    expect(checkVecMaxLimited([65_535], 65_535)).toBe(true);
    expect(checkVecMaxLimited([65_535], 65_534)).toBe(false);
    expect(checkVecMaxLimited([0], 65_535)).toBe(true);
    expect(checkVecMaxLimited([0, 65_535, 65_535], 32_767)).toBe(false);
    expect(checkVecMaxLimited([0, 65_535, 65_535], 32_768)).toBe(true);
    expect(checkVecMaxLimited([0, 65_535, 65_535, 65_535], 21_844)).toBe(false);
    expect(checkVecMaxLimited([0, 65_535, 65_535, 65_535], 21_845)).toBe(true);
  });
});

describe('fixed <-> u16 / u64 conversions', () => {
  it('floor and saturate', () => {
    expect(fixedToU16(f32(65_535.9))).toBe(65_535);
    expect(fixedToU16(fromInt(I32F32, 70_000))).toBe(65_535);
    expect(fixedToU16(f32(-1))).toBe(0);
    expect(fixedProportionToU16(I32F32.one)).toBe(65_535);
    expect(fixedProportionToU16(fromInt(I32F32, 2))).toBe(65_535);
    expect(fixedProportionToU16(f32(0.5))).toBe(32_767);
    expect(u16ProportionToFixed(65_535)).toBe(I32F32.one);
    expect(fixed64ToFixed32(fromInt(I64F64, 1n << 40n))).toBe(I32F32.max);
    expect(fixed64ToFixed32(1n as I64F64)).toBe(0n);
  });
});
