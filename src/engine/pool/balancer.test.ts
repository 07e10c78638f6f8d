import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromF64, toF64, U64_MAX, U64F64 } from '../fixed/index.ts';
import {
  balancerPrice,
  baseDeltaIn,
  baseNeededForQuote,
  buyOutput,
  expScaled,
  quoteDeltaIn,
  sellOutput,
  weightForAddedLiquidity,
} from './balancer.ts';
import { MIN_WEIGHT, PERQUINTILL_HALF, PERQUINTILL_ONE, perquintillFromRational } from './perquintill.ts';

const f = (v: bigint) => toF64(U64F64, v as U64F64);
const wq = (a: bigint, b: bigint) => perquintillFromRational(a, b);

describe('balancerPrice', () => {
  it('is (w_b/w_q) * (y/x) (chain price tests)', () => {
    expect(f(balancerPrice({ wQuote: PERQUINTILL_HALF, alphaReserve: 2n, taoReserve: 5n }))).toBeCloseTo(
      2.5,
      12,
    );
    expect(f(balancerPrice({ wQuote: wq(1n, 3n), alphaReserve: 4n, taoReserve: 10n }))).toBeCloseTo(5, 9);
    expect(f(balancerPrice({ wQuote: wq(3n, 10n), alphaReserve: 10n, taoReserve: 0n }))).toBe(0);
    const w = wq(2n, 5n);
    expect(f(balancerPrice({ wQuote: w, alphaReserve: 9n, taoReserve: 25n }))).toBeCloseTo(
      (0.6 / 0.4) * (25 / 9),
      9,
    );
    const big = balancerPrice({
      wQuote: wq(3n, 10n),
      alphaReserve: 21_000_000_000_000_000n,
      taoReserve: 15_000_000_000_000_000n,
    });
    expect(f(big)).toBeCloseTo((0.7 / 0.3) * (15 / 21), 9);
  });

  it('is 0 when the alpha reserve is 0 and saturates instead of throwing', () => {
    expect(balancerPrice({ wQuote: MIN_WEIGHT, alphaReserve: 0n, taoReserve: 5n })).toBe(0n);
    // 99 * (u64::MAX / 1) overflows U64F64: the product saturates.
    expect(balancerPrice({ wQuote: MIN_WEIGHT, alphaReserve: 1n, taoReserve: U64_MAX })).toBe(U64F64.max);
  });
});

describe('expScaled', () => {
  it('matches test_exp_scaled (all five cases, including w_q = 0.9)', () => {
    const cases: [bigint, bigint, bigint, bigint, boolean, number][] = [
      [5n, 10n, 100_000n, 100n, true, 0.999000999000999],
      [1n, 4n, 500_000n, 5000n, true, 0.970590147927644],
      [3n, 4n, 200_000n, 2000n, false, 0.970590147927644],
      [9n, 10n, 13_513_642n, 1673n, false, 0.998886481979889],
      [773n, 1000n, 7_000_000_000n, 10_000n, true, 0.999999580484586],
    ];
    for (const [a, b, reserve, delta, baseQuote, expected] of cases) {
      const e = expScaled({ wQuote: wq(a, b), reserve, delta, baseQuote });
      expect(Math.abs(f(e) - expected)).toBeLessThanOrEqual(1e-9);
    }
  });

  it('stays in (0, 1] for near-equal weights and tiny deltas (approximate path)', () => {
    const weights = [
      500_000_000_500_000_000n,
      499_999_999_500_000_000n,
      500_000_000_000_500_000n,
      499_999_999_999_500_000n,
    ];
    for (const w of weights) {
      for (const delta of [1n, 100n, 100_000n]) {
        for (const baseQuote of [true, false]) {
          const e = expScaled({ wQuote: w, reserve: 21_000_000_000_000_000n, delta, baseQuote });
          expect(e).toBeGreaterThan(0n);
          expect(e).toBeLessThanOrEqual(U64F64.one);
        }
      }
    }
  });

  it('does not throw on extreme inputs', () => {
    const inputs = [0n, 1n, U64_MAX];
    for (const w of [MIN_WEIGHT, PERQUINTILL_HALF, PERQUINTILL_ONE - MIN_WEIGHT]) {
      for (const reserve of inputs) {
        for (const delta of inputs) {
          for (const baseQuote of [true, false]) {
            expect(expScaled({ wQuote: w, reserve, delta, baseQuote })).toBeLessThanOrEqual(U64F64.one);
            expScaled({ wQuote: w, reserve, delta: -delta, baseQuote });
          }
        }
      }
    }
  });

  it('agrees with f64 within 0.001 rao on realistic swaps (test_exp_base_quote_happy_path, sample)', () => {
    const weights = [
      wq(1n, 2n),
      wq(500_000_000_001n, 10n ** 12n),
      wq(1n, 10n),
      wq(7n, 10n),
      wq(102_337_248_363_782_924n, 10n ** 18n),
    ];
    const cases: [number, number, number][] = [
      [1_000, 1_000, 1],
      [1_000_000_000_000, 100_000_000_000_000, 100_000_000],
      [100_000_000_000, 100_000_000_000_000, 1_000_000],
      [1_000_000_000, 4_000_000_000, 1_000_000_000_000],
    ];
    for (const w of weights) {
      const w2 = Number(w) / 1e18;
      const w1 = 1 - w2;
      for (const [y, x, dx] of cases) {
        const e1 = expScaled({ wQuote: w, reserve: BigInt(x), delta: BigInt(dx), baseQuote: true });
        const e2 = expScaled({ wQuote: w, reserve: BigInt(x), delta: BigInt(dx), baseQuote: false });
        const dy1 = y * (1 - f(e1));
        const dy2 = y * (1 - f(e2));
        expect(Math.abs(dy1 - y * (1 - (x / (x + dx)) ** (w1 / w2)))).toBeLessThanOrEqual(
          0.001 * Math.max(1, y / 1e12),
        );
        expect(Math.abs(dy2 - y * (1 - (x / (x + dx)) ** (w2 / w1)))).toBeLessThanOrEqual(
          0.001 * Math.max(1, y / 1e12),
        );
      }
    }
  });
});

describe('swap outputs', () => {
  it('w_q = 0.5 is constant product up to +1 rao', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 21n * 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 21n * 10n ** 15n }),
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        (y, x, dy) => {
          const out = buyOutput({ wQuote: PERQUINTILL_HALF, alphaReserve: x, taoReserve: y }, dy);
          const ideal = (x * dy) / (y + dy);
          expect([ideal, ideal + 1n]).toContain(out);
          const sold = sellOutput({ wQuote: PERQUINTILL_HALF, alphaReserve: y, taoReserve: x }, dy);
          expect([ideal, ideal + 1n]).toContain(sold);
        },
      ),
    );
  });

  it('never pays out more than the reserve', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: U64_MAX }),
        fc.bigInt({ min: 0n, max: U64_MAX }),
        fc.bigInt({ min: MIN_WEIGHT, max: PERQUINTILL_ONE - MIN_WEIGHT }),
        fc.bigInt({ min: 0n, max: U64_MAX }),
        (y, x, w, d) => {
          const pool = { wQuote: w, alphaReserve: x, taoReserve: y };
          expect(buyOutput(pool, d)).toBeLessThanOrEqual(x);
          expect(sellOutput(pool, d)).toBeLessThanOrEqual(y);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('limit-price deltas', () => {
  const w = wq(250_000_000_000n, 10n ** 12n);
  const p01 = fromF64(U64F64, 0.1);
  const p02 = fromF64(U64F64, 0.2);

  it('match the chain tests (test_calculate_quote_delta_in, _base_delta_in, _impossible)', () => {
    expect(quoteDeltaIn({ wQuote: w, currentPrice: p01, targetPrice: p02, reserve: 1_000_000_000n })).toBe(
      681_792_830n,
    );
    expect(baseDeltaIn({ wQuote: w, currentPrice: p02, targetPrice: p01, reserve: 1_000_000_000n })).toBe(
      189_207_115n,
    );
    expect(
      quoteDeltaIn({
        wQuote: w,
        currentPrice: p01,
        targetPrice: fromF64(U64F64, 0.05),
        reserve: 1_000_000_000n,
      }),
    ).toBe(0n);
    expect(baseDeltaIn({ wQuote: w, currentPrice: p01, targetPrice: p02, reserve: 1_000_000_000n })).toBe(0n);
  });

  it('buying the quote delta brings the price to the target (test_calculate_delta_in_reverse_swap)', () => {
    const y = 1_000_000_000n;
    const x = 10_000_000_000n;
    const dy = quoteDeltaIn({ wQuote: PERQUINTILL_HALF, currentPrice: p01, targetPrice: p02, reserve: y });
    const dx = buyOutput({ wQuote: PERQUINTILL_HALF, alphaReserve: x, taoReserve: y }, dy);
    const after = f(balancerPrice({ wQuote: PERQUINTILL_HALF, alphaReserve: x - dx, taoReserve: y + dy }));
    expect(Math.abs(after - 0.2)).toBeLessThanOrEqual(0.2 / 1e9);
  });

  it('is 0 for a zero current price and does not throw on corner prices', () => {
    expect(
      quoteDeltaIn({ wQuote: MIN_WEIGHT, currentPrice: 0n as U64F64, targetPrice: p02, reserve: 5n }),
    ).toBe(0n);
    const prices = [0n, U64F64.one, (U64_MAX << 64n) as bigint].map((p) => p as U64F64);
    for (const c of prices)
      for (const t of prices)
        for (const r of [0n, 1n, U64_MAX]) {
          quoteDeltaIn({ wQuote: MIN_WEIGHT, currentPrice: c, targetPrice: t, reserve: r });
          baseDeltaIn({ wQuote: MIN_WEIGHT, currentPrice: c, targetPrice: t, reserve: r });
        }
  });
});

describe('baseNeededForQuote', () => {
  it('matches test_base_needed_for_quote and is 0 when dy >= y', () => {
    const w = wq(250_000_000_000n, 10n ** 12n);
    expect(
      baseNeededForQuote({ wQuote: w, taoReserve: 10n ** 9n, alphaReserve: 10n ** 9n, taoDelta: 1_123_432n }),
    ).toBe(374_758n);
    expect(
      baseNeededForQuote({ wQuote: w, taoReserve: 10n ** 9n, alphaReserve: 10n ** 9n, taoDelta: 10n ** 9n }),
    ).toBe(0n);
  });
});

describe('weightForAddedLiquidity', () => {
  it('resets to 0.5 when the product terms vanish, and refuses weights outside [0.01, 0.99]', () => {
    expect(
      weightForAddedLiquidity({
        wQuote: wq(3n, 10n),
        taoReserve: 0n,
        alphaReserve: 0n,
        taoDelta: 5n,
        alphaDelta: 0n,
      }),
    ).toBe(PERQUINTILL_HALF);
    // A fresh pool with no alpha: q2 = 0, w_q' = 0 is out of range.
    expect(
      weightForAddedLiquidity({
        wQuote: PERQUINTILL_HALF,
        taoReserve: 10n ** 12n,
        alphaReserve: 0n,
        taoDelta: 0n,
        alphaDelta: 10n,
      }),
    ).toBeNull();
    expect(
      weightForAddedLiquidity({
        wQuote: PERQUINTILL_HALF,
        taoReserve: 1n,
        alphaReserve: 10n ** 6n,
        taoDelta: 10n ** 9n,
        alphaDelta: 0n,
      }),
    ).toBeNull();
  });

  it('gives the closed form (y+dy) / (p(x+dx) + y+dy) (test_adjust_protocol_liquidity_happy)', () => {
    const y = 1_000_000_000_000n;
    const x = 4_000_000_000_000n;
    const cases: [bigint, bigint, number][] = [
      [1_000_000_000n, 2_000_000_000n, 0.5001249063202599],
      [1_234_567n, 2_432_765_890n, 0.49984830699645816],
      [1_000_000_000_000n, 0n, 0.6666666666666666],
    ];
    for (const [dy, dx, expected] of cases) {
      const w = weightForAddedLiquidity({
        wQuote: PERQUINTILL_HALF,
        taoReserve: y,
        alphaReserve: x,
        taoDelta: dy,
        alphaDelta: dx,
      });
      expect(Math.abs(Number(w) / 1e18 - expected)).toBeLessThanOrEqual(expected / 1e12);
    }
  });
});
