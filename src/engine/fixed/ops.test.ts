/**
 * Property tests of the fixed-point operations against an independent rational reference: a raw value
 * `r` of a format with `f` fractional bits means the rational r / 2^f, and every operation is the exact
 * rational result rounded onto the format's grid (floor, truncation or ties-to-even) and then clamped,
 * checked or wrapped exactly as the chain does (spec §1.2).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvariantError } from '../errors.ts';
import {
  type Fixed,
  type FixedFormat,
  type FormatName,
  I32F32,
  I64F64,
  I96F32,
  U16_MAX,
  U64_MAX,
  U64F64,
  U96F32,
  U110F18,
} from './format.ts';
import {
  add,
  checked,
  checkedDiv,
  checkedMul,
  convert,
  div,
  floorToInt,
  fromBits,
  fromF64,
  fromInt,
  fromU16Proportion,
  fromU64Proportion,
  max,
  min,
  mul,
  mulDivFloor,
  ratio,
  round,
  safeDiv,
  safeDivOr,
  saturate,
  saturatingDiv,
  sub,
  toF64,
  toU16Proportion,
  toU64,
  wrap,
  wrappingAdd,
} from './ops.ts';

// ---- Reference model: exact rationals, rounded by plain integer arithmetic ----

/** A format described independently of format.ts: storage width, signedness, fractional bits. */
interface Spec {
  readonly f: FixedFormat;
  readonly bits: number;
  readonly signed: boolean;
  readonly frac: bigint;
}

const SPECS: readonly Spec[] = [
  { f: I32F32, bits: 64, signed: true, frac: 32n },
  { f: I64F64, bits: 128, signed: true, frac: 64n },
  { f: I96F32, bits: 128, signed: true, frac: 32n },
  { f: U96F32, bits: 128, signed: false, frac: 32n },
  { f: U64F64, bits: 128, signed: false, frac: 64n },
  { f: U110F18, bits: 128, signed: false, frac: 18n },
];

const lo = (s: Spec) => (s.signed ? -(2n ** BigInt(s.bits - 1)) : 0n);
const hi = (s: Spec) => (s.signed ? 2n ** BigInt(s.bits - 1) - 1n : 2n ** BigInt(s.bits) - 1n);
const clamp = (s: Spec, r: bigint) => (r < lo(s) ? lo(s) : r > hi(s) ? hi(s) : r);
const fits = (s: Spec, r: bigint) => r >= lo(s) && r <= hi(s);
const wrapRef = (s: Spec, r: bigint) => (s.signed ? BigInt.asIntN(s.bits, r) : BigInt.asUintN(s.bits, r));
const scale = (s: Spec) => 2n ** s.frac;

/** floor(n / d) for d != 0, written without bigint shifts. */
function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n !== d < 0n ? q - 1n : q;
}

/** n / d rounded toward zero, via magnitudes. */
function truncDiv(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const q = floorDiv(n < 0n ? -n : n, d < 0n ? -d : d);
  return negative ? -q : q;
}

/** n / d (d > 0) rounded to nearest, ties to even. */
function roundEvenDiv(n: bigint, d: bigint): bigint {
  const q = floorDiv(n, d);
  const twice = 2n * (n - q * d);
  if (twice > d) return q + 1n;
  if (twice < d) return q;
  return q % 2n === 0n ? q : q + 1n;
}

/** The exact rational value of a finite double, as n / 2^k. */
function doubleToRational(x: number): { n: bigint; d: bigint } {
  let y = x;
  let d = 1n;
  // Doubling a non-integer double is exact, and after at most 1074 doublings it is an integer.
  while (!Number.isInteger(y)) {
    y *= 2;
    d *= 2n;
  }
  return { n: BigInt(y), d };
}

const as = <N extends FormatName>(_f: FixedFormat<N>, r: bigint) => r as Fixed<N>;

/** Raw values of a format, biased towards the edges, small values and exact integers. */
function rawOf(s: Spec): fc.Arbitrary<bigint> {
  const one = scale(s);
  return fc.oneof(
    fc.bigInt({ min: lo(s), max: hi(s) }),
    fc.bigInt({ min: -8n * one, max: 8n * one }).map((r) => clamp(s, r)),
    fc.bigInt({ min: -1000n, max: 1000n }).map((r) => clamp(s, r * one)),
    fc.constantFrom(lo(s), hi(s), 0n, 1n, clamp(s, -1n), one, clamp(s, -one), one / 2n, clamp(s, -one / 2n)),
  );
}

/** Finite doubles from subnormal to huge, plus the special values the conversion must handle. */
const anyDouble = fc.oneof(
  fc.double({ noNaN: true }),
  fc.double({ min: -4, max: 4, noNaN: true }),
  fc.integer({ min: -1100, max: 1100 }).map((e) => 2 ** e),
  fc.constantFrom(0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE),
);

describe.each(SPECS)('$f.name', (s) => {
  const { f } = s;

  it('describes the same storage range as the reference', () => {
    expect(f.min).toBe(lo(s));
    expect(f.max).toBe(hi(s));
    expect(f.one).toBe(scale(s));
    expect(f.frac).toBe(s.frac);
  });

  it('saturate clamps and checked rejects exactly outside the storage range', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 4n * lo(s) - 4n, max: 4n * hi(s) + 4n }), (r) => {
        expect(saturate(f, r)).toBe(clamp(s, r));
        expect(checked(f, r)).toBe(fits(s, r) ? r : null);
      }),
    );
  });

  it('fromInt is exact and saturating; fromBits throws outside the range', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 130n), max: 2n ** 130n }), (n) => {
        expect(fromInt(f, n)).toBe(clamp(s, n * scale(s)));
        const raw = n * 2n ** 3n;
        if (fits(s, raw)) expect(fromBits(f, raw)).toBe(raw);
        else expect(() => fromBits(f, raw)).toThrow(InvariantError);
      }),
    );
    expect(fromInt(f, 7)).toBe(clamp(s, 7n * scale(s)));
  });

  it('fromF64 rounds the exact double to nearest, ties to even, saturating', () => {
    fc.assert(
      fc.property(anyDouble, (x) => {
        const expected = Number.isFinite(x)
          ? clamp(
              s,
              (() => {
                const q = doubleToRational(x);
                return roundEvenDiv(q.n * scale(s), q.d);
              })(),
            )
          : x > 0
            ? hi(s)
            : lo(s);
        expect(fromF64(f, x)).toBe(expected);
      }),
    );
    expect(() => fromF64(f, Number.NaN)).toThrow(InvariantError);
  });

  it('fromF64 sends exact ties to the even neighbour', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 50n), max: 2n ** 50n }), (m) => {
        // (2m + 1) / 2^(frac + 1) is a double exactly halfway between raw m and raw m + 1.
        const x = Number(2n * m + 1n) / 2 ** Number(s.frac + 1n);
        const expected = clamp(s, m % 2n === 0n ? m : m + 1n);
        expect(fromF64(f, x)).toBe(expected);
        if (fits(s, m) && fits(s, m + 1n)) expect(fromF64(f, x) % 2n).toBe(0n);
      }),
    );
  });

  it('toF64 is the correctly rounded value and round-trips small raw values', () => {
    fc.assert(
      fc.property(rawOf(s), (r) => {
        const t = toF64(f, as(f, r));
        const q = doubleToRational(t);
        // |t - r/2^frac| <= half an ulp <= 2^-53 |r/2^frac|, compared in integers.
        const diff = q.n * scale(s) - r * q.d;
        const bound = r * q.d;
        expect((diff < 0n ? -diff : diff) * 2n ** 53n).toBeLessThanOrEqual(bound < 0n ? -bound : bound);
        if (r > -(2n ** 53n) && r < 2n ** 53n) expect(fromF64(f, t)).toBe(r);
      }),
    );
  });

  it('floorToInt floors and toU64 floors then clamps to u64', () => {
    fc.assert(
      fc.property(rawOf(s), (r) => {
        const n = floorDiv(r, scale(s));
        expect(floorToInt(f, as(f, r))).toBe(n);
        expect(toU64(f, as(f, r))).toBe(n < 0n ? 0n : n > U64_MAX ? U64_MAX : n);
      }),
    );
  });

  it.each(SPECS)('convert to $f.name floors extra fractional bits and saturates', (t) => {
    fc.assert(
      fc.property(rawOf(s), (r) => {
        const expected = clamp(t, floorDiv(r * scale(t), scale(s)));
        expect(convert(f, t.f, as(f, r))).toBe(expected);
      }),
    );
  });

  it('add and sub saturate; wrappingAdd wraps like the storage integer', () => {
    fc.assert(
      fc.property(rawOf(s), rawOf(s), (a, b) => {
        expect(add(f, as(f, a), as(f, b))).toBe(clamp(s, a + b));
        expect(sub(f, as(f, a), as(f, b))).toBe(clamp(s, a - b));
        expect(wrappingAdd(f, as(f, a), as(f, b))).toBe(wrapRef(s, a + b));
        expect(wrap(f, a * 3n + b)).toBe(wrapRef(s, a * 3n + b));
      }),
    );
  });

  it('mul floors the exact product; checkedMul rejects what mul would clamp', () => {
    fc.assert(
      fc.property(rawOf(s), rawOf(s), (a, b) => {
        const exact = floorDiv(a * b, scale(s));
        expect(mul(f, as(f, a), as(f, b))).toBe(clamp(s, exact));
        expect(checkedMul(f, as(f, a), as(f, b))).toBe(fits(s, exact) ? exact : null);
      }),
    );
  });

  it('division truncates toward zero; safeDiv gives 0 on a zero divisor and on overflow', () => {
    fc.assert(
      fc.property(rawOf(s), rawOf(s), rawOf(s), (a, b, fallback) => {
        const A = as(f, a);
        const B = as(f, b);
        const F = as(f, fallback);
        if (b === 0n) {
          expect(checkedDiv(f, A, B)).toBeNull();
          expect(safeDiv(f, A, B)).toBe(0n);
          expect(safeDivOr(f, A, B, F)).toBe(fallback);
          expect(() => saturatingDiv(f, A, B)).toThrow(InvariantError);
          expect(() => div(f, A, B)).toThrow(InvariantError);
          return;
        }
        const exact = truncDiv(a * scale(s), b);
        const ok = fits(s, exact);
        expect(checkedDiv(f, A, B)).toBe(ok ? exact : null);
        expect(safeDiv(f, A, B)).toBe(ok ? exact : 0n);
        expect(safeDivOr(f, A, B, F)).toBe(ok ? exact : fallback);
        expect(saturatingDiv(f, A, B)).toBe(clamp(s, exact));
        if (ok) expect(div(f, A, B)).toBe(exact);
        else expect(() => div(f, A, B)).toThrow(InvariantError);
      }),
    );
  });

  it('safeDiv of a large value by a tiny one is 0, not the maximum', () => {
    const big = as(f, hi(s));
    const tiny = as(f, 1n);
    expect(safeDiv(f, big, tiny)).toBe(0n);
    expect(saturatingDiv(f, big, tiny)).toBe(hi(s));
  });

  it('ratio is the truncated quotient of two integers, 0 on a zero denominator', () => {
    const intMax = hi(s) / scale(s);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: intMax }), fc.bigInt({ min: 0n, max: intMax }), (n, d) => {
        const exact = d === 0n ? 0n : truncDiv(n * scale(s), d);
        expect(ratio(f, n, d)).toBe(fits(s, exact) ? exact : 0n);
      }),
    );
  });

  it('min and max pick by value', () => {
    fc.assert(
      fc.property(rawOf(s), rawOf(s), (a, b) => {
        expect(min(as(f, a), as(f, b))).toBe(a < b ? a : b);
        expect(max(as(f, a), as(f, b))).toBe(a > b ? a : b);
      }),
    );
  });

  it('u16 proportions: x/65535 truncated in, floor(v * 65535) clamped out', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 65_535 }), rawOf(s), (x, r) => {
        const inRaw = fromU16Proportion(f, x);
        expect(inRaw).toBe(truncDiv(BigInt(x) * scale(s), U16_MAX));
        // The round trip loses one unit except at 0 and 65535: 65535 is odd, so x * 2^frac / 65535
        // always truncates (this is why stored bonds drift down by 1 when nothing else changes).
        expect(toU16Proportion(f, inRaw)).toBe(x === 0 || x === 65_535 ? x : x - 1);
        const out = floorDiv(r * U16_MAX, scale(s));
        expect(toU16Proportion(f, as(f, r))).toBe(Number(out < 0n ? 0n : out > U16_MAX ? U16_MAX : out));
      }),
    );
  });

  it('round goes to the nearest integer, ties away from zero', () => {
    fc.assert(
      fc.property(rawOf(s), (r) => {
        const mag = floorDiv(2n * (r < 0n ? -r : r) + scale(s), 2n * scale(s)) * scale(s);
        expect(round(f, as(f, r))).toBe(wrapRef(s, r < 0n ? -mag : mag));
      }),
    );
  });
});

describe('u64 proportions', () => {
  const wide = SPECS.filter((s) => hi(s) / scale(s) >= U64_MAX);

  it.each(wide)('$f.name: x / u64::MAX truncated', (s) => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: U64_MAX }), (x) => {
        expect(fromU64Proportion(s.f, x)).toBe(truncDiv(x * scale(s), U64_MAX));
      }),
    );
  });

  it('tao_weight 0.18 is 773094113 / 2^32 in U96F32 (spec §1.2)', () => {
    expect(fromU64Proportion(U96F32, 3_320_413_933_267_719_290n)).toBe(773_094_113n);
  });
});

describe('worked examples of spec §1.2', () => {
  it('SubnetMovingAlpha 0.000003 is the I96F32 raw 12885', () => {
    expect(fromF64(I96F32, 0.000003)).toBe(12_885n);
  });

  it('BurnIncreaseMult 1.26 is the nearest U64F64 to the f64 1.26', () => {
    const q = doubleToRational(1.26);
    expect(fromF64(U64F64, 1.26)).toBe(roundEvenDiv(q.n * 2n ** 64n, q.d));
  });

  it('u16 proportion and fixed-to-integer examples', () => {
    expect(fromU16Proportion(I32F32, 65_535)).toBe(I32F32.one);
    expect(toU16Proportion(I32F32, I32F32.one)).toBe(65_535);
    expect(floorToInt(I32F32, fromF64(I32F32, -0.5))).toBe(-1n);
    expect(round(I32F32, fromF64(I32F32, 2.5))).toBe(fromInt(I32F32, 3));
    expect(round(I32F32, fromF64(I32F32, -2.5))).toBe(fromInt(I32F32, -3));
  });

  it('mulDivFloor floors and returns 0 on a zero divisor', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: U64_MAX }),
        fc.bigInt({ min: 0n, max: U64_MAX }),
        fc.bigInt({ min: 0n, max: U64_MAX }),
        (a, b, c) => {
          expect(mulDivFloor(a, b, c)).toBe(c === 0n ? 0n : floorDiv(a * b, c));
        },
      ),
    );
  });
});
