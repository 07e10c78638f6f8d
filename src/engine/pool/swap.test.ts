import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectOk } from '../../../test/support/expectOk.ts';
import { fromF64, U64F64 } from '../fixed/index.ts';
import { buyOutput } from './balancer.ts';
import { swapFee } from './fees.ts';
import { MIN_WEIGHT, PERQUINTILL_HALF, PERQUINTILL_ONE } from './perquintill.ts';
import { createPool, type PoolState } from './poolState.ts';
import { REFERENCE_BITS, referencePowFixed } from './referencePow.testkit.ts';
import { spotPrice } from './spotPrice.ts';
import { swapBuy, swapSell } from './swap.ts';

const pool = (taoReserve: bigint, alphaReserve: bigint, wQuote = PERQUINTILL_HALF): PoolState => ({
  taoReserve,
  alphaReserve,
  wQuote,
  initialized: true,
});
const base = { feeRate: 33, mechanism: 1 };

function code<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): string {
  return r.ok ? 'ok' : r.error.code;
}

describe('swap rejections', () => {
  it('SwapInputTooLarge: net input above 1000 x the input reserve (fee excluded)', () => {
    const p = pool(1_000n, 1_000n);
    const common = { ...base, pool: p, dropFees: true, minimumReserve: 1n };
    expect(code(swapBuy({ ...common, taoIn: 1_000_000n }))).toBe('ok');
    expect(code(swapSell({ ...common, alphaIn: 1_000_000n }))).toBe('ok');
    expect(code(swapBuy({ ...common, taoIn: 1_000_001n }))).toBe('SwapInputTooLarge');
    expect(code(swapSell({ ...common, alphaIn: 1_000_001n }))).toBe('SwapInputTooLarge');
    // With a fee the gross amount may exceed the bound as long as the net does not.
    const gross = 1_000_500n;
    expect(gross - swapFee({ amount: gross, feeRate: 33, mechanism: 1 })).toBeLessThanOrEqual(1_000_000n);
    expect(code(swapBuy({ ...common, dropFees: false, taoIn: gross }))).toBe('ok');
  });

  it('ReservesTooLow: output reserve below MinimumReserve', () => {
    const p = pool(10n ** 12n, 999_999n);
    expect(code(swapBuy({ ...base, pool: p, taoIn: 1_000n }))).toBe('ReservesTooLow');
    expect(code(swapSell({ ...base, pool: p, alphaIn: 1_000n }))).toBe('ok');
    const q = pool(999_999n, 10n ** 12n);
    expect(code(swapSell({ ...base, pool: q, alphaIn: 1_000n }))).toBe('ReservesTooLow');
  });

  it('ReservesTooLow: a non-zero input that buys nothing', () => {
    const p = pool(10n ** 12n, 2_000_000n); // price 5e5 TAO per alpha; 10 rao buys 2e-5 alpha
    expect(code(swapBuy({ ...base, pool: p, taoIn: 10n }))).toBe('ReservesTooLow');
  });

  it('PriceLimitExceeded: buy needs price < limit, sell needs price > limit', () => {
    const p = pool(10n ** 9n, 4n * 10n ** 9n); // price 0.25
    const price = spotPrice(p, 1);
    expect(code(swapBuy({ ...base, pool: p, taoIn: 1_000n, limitPrice: price }))).toBe('PriceLimitExceeded');
    expect(code(swapSell({ ...base, pool: p, alphaIn: 1_000n, limitPrice: price }))).toBe(
      'PriceLimitExceeded',
    );
    expect(code(swapBuy({ ...base, pool: p, taoIn: 1_000n, limitPrice: (price + 1n) as U64F64 }))).toBe('ok');
    expect(code(swapSell({ ...base, pool: p, alphaIn: 1_000n, limitPrice: (price - 1n) as U64F64 }))).toBe(
      'ok',
    );
  });

  it('InsufficientLiquidity cannot fire: outputs never exceed the reserve', () => {
    // The check mirrors the chain; with e in [0, 1] the output is at most the reserve, even when
    // the input is at its bound and the weight at its extreme.
    for (const w of [MIN_WEIGHT, PERQUINTILL_ONE - MIN_WEIGHT]) {
      const p = pool(10n ** 9n, 10n ** 9n, w);
      const buy = swapBuy({
        ...base,
        pool: p,
        taoIn: 10n ** 12n,
        dropFees: true,
        limitPrice: (1n << 127n) as U64F64,
      });
      const sell = swapSell({
        ...base,
        pool: p,
        alphaIn: 10n ** 12n,
        dropFees: true,
        limitPrice: 0n as U64F64,
      });
      expectOk(buy);
      expect(buy.value.alphaOut).toBeLessThanOrEqual(p.alphaReserve);
      expectOk(sell);
      expect(sell.value.taoOut).toBeLessThanOrEqual(p.taoReserve);
    }
  });
});

describe('swap mechanics', () => {
  it('moves the reserves as the subtensor pallet does and keeps the fee out', () => {
    const p = pool(10n ** 9n, 4n * 10n ** 9n);
    const r = swapBuy({ ...base, pool: p, taoIn: 123_456n });
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    expect(r.value).toMatchObject({ fee: 62n, deltaIn: 123_394n, alphaOut: 493_515n });
    expect(r.value.pool).toEqual({
      ...p,
      taoReserve: p.taoReserve + 123_394n,
      alphaReserve: p.alphaReserve - 493_515n,
    });
    const s = swapSell({ ...base, pool: p, alphaIn: 123_456n });
    expect(s).toMatchObject({
      ok: true,
      value: { taoOut: 30_847n, pool: { alphaReserve: p.alphaReserve + 123_394n } },
    });
  });

  it('drops fees for protocol swaps', () => {
    const r = swapBuy({ ...base, pool: pool(10n ** 9n, 4n * 10n ** 9n), taoIn: 10n ** 9n, dropFees: true });
    expect(r).toMatchObject({ ok: true, value: { fee: 0n, deltaIn: 10n ** 9n } });
  });

  it('stable mechanism: 1:1, no fee, no limit, reserves moved saturating', () => {
    const p = pool(5n, 3n);
    const r = swapBuy({ ...base, mechanism: 0, pool: p, taoIn: 10n, limitPrice: 0n as U64F64 });
    expectOk(r);
    expect(r.value).toEqual({
      alphaOut: 10n,
      fee: 0n,
      deltaIn: 10n,
      pool: { ...p, taoReserve: 15n, alphaReserve: 0n },
    });
    const s = swapSell({ ...base, mechanism: 0, pool: p, alphaIn: 4n });
    expect(s).toMatchObject({ ok: true, value: { taoOut: 4n, pool: { taoReserve: 1n } } });
  });

  it('initialises lazily: the first swap resets w_q to 0.5; a rejected swap does not', () => {
    const fresh = {
      ...createPool({ taoReserve: 10n ** 9n, alphaReserve: 4n * 10n ** 9n }),
      wQuote: 3n * 10n ** 17n,
    };
    const r = swapBuy({ ...base, pool: fresh, taoIn: 1_000n });
    expect(r).toMatchObject({ ok: true, value: { pool: { initialized: true, wQuote: PERQUINTILL_HALF } } });
    const rejected = swapBuy({ ...base, pool: fresh, taoIn: 1_000n, limitPrice: 0n as U64F64 });
    expect(rejected).toMatchObject({ ok: false });
  });

  it('a binding limit uses only the input that reaches it and recomputes the fee', () => {
    const p = pool(10n ** 12n, 4n * 10n ** 12n); // price 0.25
    const limit = fromF64(U64F64, 0.3);
    const r = swapBuy({ ...base, pool: p, taoIn: 10n ** 12n, limitPrice: limit });
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    // dy = y * (sqrt(0.3/0.25) - 1) for w = 0.5
    expect(Math.abs(Number(r.value.deltaIn) - 1e12 * (Math.sqrt(1.2) - 1))).toBeLessThan(2);
    expect(r.value.fee).toBe((r.value.deltaIn * 33n) / 65_502n);
    const after = spotPrice(r.value.pool, 1);
    expect(Math.abs(Number(after - limit)) / Number(limit)).toBeLessThan(1e-9);
    const s = swapSell({ ...base, pool: p, alphaIn: 10n ** 13n, limitPrice: fromF64(U64F64, 0.2) });
    expectOk(s);
    expect(Math.abs(Number(s.value.deltaIn) - 4e12 * (Math.sqrt(0.25 / 0.2) - 1))).toBeLessThan(2);
  });
});

/** Exact Balancer output x * (1 - (y/(y+dy))^(w_q/w_b)) as a 320-bit fixed-point value. */
function idealBuyFixed(p: PoolState, dy: bigint): bigint {
  const e = referencePowFixed(p.taoReserve, p.taoReserve + dy, p.wQuote, PERQUINTILL_ONE - p.wQuote);
  return p.alphaReserve * ((1n << REFERENCE_BITS) - e);
}

/**
 * Whether `(r/(r+d))^k` stays where the crate's exp series converges (|k ln| < ~140 at 256 bits,
 * 408 terms). Beyond it the chain's result is the unconverged series, reproduced bit for bit but not
 * comparable with the real power.
 */
function seriesConverges(r: bigint, d: bigint, wIn: bigint): boolean {
  const k = Number(PERQUINTILL_ONE - wIn) / Number(wIn);
  return k * Math.log1p(Number(d) / Number(r)) < 120;
}

const reserve = fc.bigInt({ min: 1_000_000n, max: 21n * 10n ** 15n });
const weight = fc.oneof(
  fc.constant(PERQUINTILL_HALF),
  fc.bigInt({ min: MIN_WEIGHT, max: PERQUINTILL_ONE - MIN_WEIGHT }),
);

describe('swap properties', () => {
  it('(a) the invariant x^w_b * y^w_q never loses more than the output floor: out <= ideal + 1', () => {
    fc.assert(
      fc.property(reserve, reserve, weight, fc.bigInt({ min: 1n, max: 10n ** 15n }), (y, x, w, dy) => {
        const p = pool(y, x, w);
        fc.pre(dy <= 1000n * y && seriesConverges(y, dy, PERQUINTILL_ONE - w));
        const out = buyOutput(p, dy);
        const ideal = idealBuyFixed(p, dy);
        // The chain truncates e twice (to 1e-18, then to 2^-64), which can pay out one unit more than
        // the exact output; never more than that.
        expect(out << REFERENCE_BITS).toBeLessThanOrEqual(ideal + (1n << REFERENCE_BITS));
        expect((out + 1n) << REFERENCE_BITS).toBeGreaterThan(ideal);
      }),
      { numRuns: 200 },
    );
  });

  it('(a) the same bound holds for sells and for full swaps with fees and limits', () => {
    fc.assert(
      fc.property(
        reserve,
        reserve,
        weight,
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        fc.boolean(),
        (y, x, w, amount, buy) => {
          const p = pool(y, x, w);
          if (buy) {
            const r = swapBuy({ ...base, pool: p, taoIn: amount, minimumReserve: 1n });
            fc.pre(r.ok && seriesConverges(y, r.value.deltaIn, PERQUINTILL_ONE - w));
            if (!r.ok) return;
            expect(r.value.alphaOut << REFERENCE_BITS).toBeLessThanOrEqual(
              idealBuyFixed(p, r.value.deltaIn) + (1n << REFERENCE_BITS),
            );
          } else {
            const r = swapSell({ ...base, pool: p, alphaIn: amount, minimumReserve: 1n });
            fc.pre(r.ok && seriesConverges(x, r.value.deltaIn, w));
            if (!r.ok) return;
            // A sell is a buy with the roles of the reserves and weights swapped.
            const mirrored = pool(x, y, PERQUINTILL_ONE - w);
            expect(r.value.taoOut << REFERENCE_BITS).toBeLessThanOrEqual(
              idealBuyFixed(mirrored, r.value.deltaIn) + (1n << REFERENCE_BITS),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('(b) buying then selling never returns more TAO than was paid', () => {
    fc.assert(
      fc.property(
        reserve,
        reserve,
        weight,
        fc.oneof(fc.bigInt({ min: 1n, max: 10_000n }), fc.bigInt({ min: 1n, max: 10n ** 16n })),
        fc.boolean(),
        (y, x, w, taoIn, dropFees) => {
          const common = { ...base, dropFees, minimumReserve: 1n };
          const b = swapBuy({ ...common, pool: pool(y, x, w), taoIn });
          fc.pre(b.ok);
          if (!b.ok) return;
          const s = swapSell({ ...common, pool: b.value.pool, alphaIn: b.value.alphaOut });
          if (s.ok) expect(s.value.taoOut).toBeLessThanOrEqual(taoIn);
        },
      ),
      { numRuns: 300 },
    );
  });
});
