import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectOk } from '../../../test/support/expectOk.ts';
import { U64_MAX } from '../fixed/index.ts';
import { buyWithLimit, maxAlphaForLimitPrice, maxTaoForLimitPrice, sellWithLimit } from './limitOrders.ts';
import { PERQUINTILL_HALF } from './perquintill.ts';
import type { PoolState } from './poolState.ts';
import { priceLimitFromRao, spotPrice } from './spotPrice.ts';
import { swapBuy } from './swap.ts';

const pool: PoolState = {
  taoReserve: 10n ** 12n,
  alphaReserve: 4n * 10n ** 12n,
  wQuote: PERQUINTILL_HALF,
  initialized: true,
};
const base = { pool, feeRate: 33, mechanism: 1 };

describe('max amounts for a limit price', () => {
  it('stable subnets: everything or nothing around 1 TAO', () => {
    const stable = { ...base, mechanism: 0 };
    expect(maxTaoForLimitPrice({ ...stable, limitPriceRao: 1_000_000_000n })).toEqual({
      ok: true,
      value: U64_MAX,
    });
    expect(maxTaoForLimitPrice({ ...stable, limitPriceRao: 999_999_999n })).toEqual({ ok: true, value: 0n });
    expect(maxAlphaForLimitPrice({ ...stable, limitPriceRao: 1_000_000_000n })).toEqual({
      ok: true,
      value: U64_MAX,
    });
    expect(maxAlphaForLimitPrice({ ...stable, limitPriceRao: 1_000_000_001n })).toEqual({
      ok: true,
      value: 0n,
    });
  });

  it('is the gross input that moves the price to the limit', () => {
    const max = maxTaoForLimitPrice({ ...base, limitPriceRao: 300_000_000n }); // 0.25 -> 0.3
    expect(max).toMatchObject({ ok: true });
    if (!max.ok) return;
    const net = 1e12 * (Math.sqrt(1.2) - 1);
    expect(Math.abs(Number(max.value) - net * (1 + 33 / 65_502))).toBeLessThan(3);
    const r = swapBuy({ ...base, taoIn: max.value, limitPrice: priceLimitFromRao(300_000_000n) });
    expectOk(r);
    expect(Number(spotPrice(r.value.pool, 1)) / Number(priceLimitFromRao(300_000_000n))).toBeCloseTo(1, 9);
  });

  it('rejects a limit on the wrong side of the price', () => {
    const r = maxTaoForLimitPrice({ ...base, limitPriceRao: 200_000_000n });
    expect(r).toMatchObject({ ok: false, error: { code: 'PriceLimitExceeded' } });
    const s = maxAlphaForLimitPrice({ ...base, limitPriceRao: 300_000_000n });
    expect(s).toMatchObject({ ok: false, error: { code: 'PriceLimitExceeded' } });
  });
});

describe('limit orders', () => {
  it('fill-or-kill is rejected with SlippageTooHigh; partial orders are cut to the maximum', () => {
    const order = { ...base, taoIn: 10n ** 12n, limitPriceRao: 300_000_000n };
    const kill = buyWithLimit({ ...order, allowPartial: false });
    expect(kill).toMatchObject({ ok: false, error: { code: 'SlippageTooHigh' } });
    const partial = buyWithLimit({ ...order, allowPartial: true });
    expect(partial).toMatchObject({ ok: true });
    if (!partial.ok) return;
    expect(partial.value.deltaIn + partial.value.fee).toBeLessThanOrEqual(partial.value.maxAmount);
    const sell = { ...base, alphaIn: 10n ** 13n, limitPriceRao: 200_000_000n };
    const sellKill = sellWithLimit({ ...sell, allowPartial: false });
    expect(sellKill).toMatchObject({ ok: false, error: { code: 'SlippageTooHigh' } });
    const sellPartial = sellWithLimit({ ...sell, allowPartial: true });
    expectOk(sellPartial);
    expect(sellPartial.value.deltaIn).toBeGreaterThan(0n);
  });

  it('an order within the limit fills completely either way', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2_000_000n, max: 10n ** 10n }), fc.boolean(), (taoIn, allowPartial) => {
        const r = buyWithLimit({ ...base, taoIn, limitPriceRao: 300_000_000n, allowPartial });
        const plain = swapBuy({ ...base, taoIn, limitPrice: priceLimitFromRao(300_000_000n) });
        expectOk(r);
        expectOk(plain);
        expect(r.value.alphaOut).toBe(plain.value.alphaOut);
      }),
      { numRuns: 30 },
    );
  });
});
