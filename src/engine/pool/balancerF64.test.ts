import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buyOutput, sellOutput } from './balancer.ts';
import {
  buyOutputF64,
  poolToF64,
  priceToF64,
  sellOutputF64,
  spotPriceF64,
  swapFeeF64,
} from './balancerF64.ts';
import { MIN_WEIGHT, PERQUINTILL_ONE } from './perquintill.ts';
import { spotPrice } from './spotPrice.ts';

describe('float64 twin', () => {
  it('tracks the exact price and outputs closely', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 10n ** 6n, max: 10n ** 16n }),
        fc.bigInt({ min: 10n ** 6n, max: 10n ** 16n }),
        fc.bigInt({ min: MIN_WEIGHT, max: PERQUINTILL_ONE - MIN_WEIGHT }),
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        (y, x, w, d) => {
          // Within the swap domain (input <= 1000 x reserve) and where the crate's exp series
          // converges (|k ln| < ~140; see swap.test.ts), the twin tracks the exact engine.
          fc.pre(d <= 1000n * (x < y ? x : y));
          const k = Math.max(
            Number(w) / Number(PERQUINTILL_ONE - w),
            Number(PERQUINTILL_ONE - w) / Number(w),
          );
          fc.pre(k * Math.log1p(Number(d) / Number(x < y ? x : y)) < 120);
          const pool = { taoReserve: y, alphaReserve: x, wQuote: w, initialized: true };
          const f = poolToF64(pool);
          const price = priceToF64(spotPrice(pool, 1));
          expect(Math.abs(spotPriceF64(f) - price)).toBeLessThanOrEqual(price * 1e-12 + 100 * 2 ** -64); // y/x truncates at 2^-64, then times w_b/w_q <= 99;
          const buy = Number(buyOutput(pool, d));
          const sell = Number(sellOutput(pool, d));
          expect(Math.abs(buyOutputF64(f, Number(d)) - buy)).toBeLessThanOrEqual(2 + buy * 1e-9);
          expect(Math.abs(sellOutputF64(f, Number(d)) - sell)).toBeLessThanOrEqual(2 + sell * 1e-9);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('fee and degenerate pools', () => {
    expect(swapFeeF64(123_456, 33)).toBe(62);
    expect(spotPriceF64({ taoReserve: 5, alphaReserve: 0, wQuote: 0.5 })).toBe(0);
    expect(buyOutputF64({ taoReserve: 0, alphaReserve: 5, wQuote: 0.5 }, 0)).toBe(0);
    expect(sellOutputF64({ taoReserve: 5, alphaReserve: 0, wQuote: 0.5 }, 0)).toBe(0);
  });
});
