import { describe, expect, it } from 'vitest';
import { div, fromF64, fromInt, toF64, U64F64 } from '../fixed/index.ts';
import { initializePool } from './initializePool.ts';
import { PERQUINTILL_HALF } from './perquintill.ts';
import { createPool } from './poolState.ts';
import { spotPrice } from './spotPrice.ts';

const fresh = createPool({ taoReserve: 1_000_000_000n, alphaReserve: 4_000_000_000n });

describe('initializePool', () => {
  it('without a price sets w_q = 0.5, so the price is y/x (test_swap_initialization)', () => {
    const r = initializePool({ ...fresh, wQuote: 123n });
    expect(r).toMatchObject({ ok: true, value: { wQuote: PERQUINTILL_HALF, initialized: true } });
    if (r.ok) expect(toF64(U64F64, spotPrice(r.value, 1))).toBeCloseTo(0.25, 9);
  });

  it('with a price sets w_q = y / (p x + y) (test_swap_initialization_with_price)', () => {
    const price = div(U64F64, fromInt(U64F64, 1), fromInt(U64F64, 5));
    const r = initializePool(fresh, price);
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    expect(Math.abs(toF64(U64F64, spotPrice(r.value, 1)) - 0.2)).toBeLessThanOrEqual(1e-9);
    // 1/5 truncates in U64F64, so p*x floors to 799_999_999: w_q = 1e9 / 1_799_999_999.
    expect(r.value.wQuote).toBe((10n ** 9n * 10n ** 18n) / 1_799_999_999n);
  });

  it('leaves an initialised pool unchanged', () => {
    const done = { ...fresh, wQuote: 3n * 10n ** 17n, initialized: true };
    expect(initializePool(done)).toEqual({ ok: true, value: done });
  });

  it('ReservesOutOfBalance: zero reserves with a price, or a weight outside [0.01, 0.99]', () => {
    const empty = createPool({ taoReserve: 0n, alphaReserve: 0n });
    const r1 = initializePool(empty, fromF64(U64F64, 1));
    expect(r1).toMatchObject({ ok: false, error: { code: 'ReservesOutOfBalance' } });
    const r2 = initializePool(fresh, fromF64(U64F64, 1000)); // w_q = 1/4001 < 0.01
    expect(r2).toMatchObject({ ok: false, error: { code: 'ReservesOutOfBalance' } });
    // No price: always 0.5, even with empty reserves.
    expect(initializePool(empty)).toMatchObject({ ok: true });
  });
});
