import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spotPriceF64 } from '../pool/balancerF64.ts';
import { injectAllTao } from './injectAllTao.ts';
import { createInjectIo, type InjectIo } from './injectAndBuy.ts';

function io(args: { y: number; x: number; t: number; a: number; blocks: number }): InjectIo {
  const out = createInjectIo();
  Object.assign(out.pool, { taoReserve: args.y, alphaReserve: args.x, wQuote: 0.5 });
  out.taoPerBlock = args.t;
  out.alphaCapPerBlock = args.a;
  out.blocks = args.blocks;
  return out;
}

/** The chain's order, one block at a time: totals, and the mean of min(price after each block, 1). */
function perBlock(args: { y: number; x: number; t: number; a: number; blocks: number }) {
  const step = io({ ...args, blocks: 1 });
  let alpha = 0;
  let price = 0;
  let first = 0;
  for (let b = 0; b < args.blocks; b++) {
    injectAllTao(step);
    alpha += step.injectedAlpha;
    price += Math.min(spotPriceF64(step.pool), 1);
    if (b === 0) first = spotPriceF64(step.pool);
  }
  return { pool: { ...step.pool }, alpha, price: price / args.blocks, first };
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('injectAllTao: dtao launch terms (rulepacks.md §2.4)', () => {
  it('§2.8 example 1: no cap, alpha_in = T/p, all TAO injected, prices kept', () => {
    for (const [y, t] of [
      [600, 0.4],
      [900, 0.6],
    ] as const) {
      const one = io({ y, x: 1000, t, a: 1, blocks: 1 });
      injectAllTao(one);
      expect(one.injectedTao).toBe(t);
      expect(one.injectedAlpha).toBeCloseTo(0.666_666_666_67, 10);
      expect(one.chainBuyTao).toBe(0);
      expect(spotPriceF64(one.pool)).toBeCloseTo(y / 1000, 14);
    }
  });

  it('§2.8 example 2: the cap binds, alpha_in = A, all TAO still injected, prices rise', () => {
    const cases = [
      [250, 1 / 3, 0.250_083_3],
      [500, 2 / 3, 0.500_166_5],
    ] as const;
    for (const [y, t, after] of cases) {
      const one = io({ y, x: 1000, t, a: 1, blocks: 1 });
      injectAllTao(one);
      expect(one.injectedTao).toBe(t);
      expect(one.injectedAlpha).toBe(1);
      expect(one.boughtAlpha).toBe(0);
      expect(one.pool.alphaReserve).toBe(1001);
      expect(spotPriceF64(one.pool)).toBeCloseTo(after, 7);
      expect(one.meanClampedPrice).toBeCloseTo(after, 7);
    }
  });

  it('a span equals its blocks one by one (reserves exactly, mean price to 1e-9 off a kink at 1)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 100_000, noNaN: true }),
        fc.double({ min: 0.001, max: 3, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1.5, noNaN: true }),
        fc.integer({ min: 2, max: 3000 }),
        (y, price, t, a, blocks) => {
          const args = { y, x: y / price, t, a, blocks };
          const span = io(args);
          injectAllTao(span);
          const chain = perBlock(args);
          expect(rel(span.pool.taoReserve, chain.pool.taoReserve)).toBeLessThan(1e-12);
          expect(rel(span.pool.alphaReserve, chain.pool.alphaReserve)).toBeLessThan(1e-9);
          expect(rel(span.injectedAlpha, chain.alpha)).toBeLessThan(1e-9);
          expect(span.injectedTao).toBeCloseTo(blocks * t, 9);
          // Where the path crosses 1 the clamp's kink falls inside one block: an error below slope/8n.
          const slope = Math.abs(chain.first - price);
          const kink = chain.first < 1 && spotPriceF64(span.pool) > 1 ? slope / (4 * blocks) : 0;
          expect(Math.abs(span.meanClampedPrice - chain.price)).toBeLessThan(1e-9 + kink);
          // Capped: the price rises towards T/A and never crosses it.
          if (t > a * price) expect(spotPriceF64(span.pool)).toBeLessThanOrEqual((t / a) * (1 + 1e-12));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('the mean price clamps at 1 where a capped path crosses it', () => {
    // p = 0.9 rising towards T/A = 2: the path crosses 1 within the span.
    const args = { y: 90, x: 100, t: 0.2, a: 0.1, blocks: 400 };
    const span = io(args);
    injectAllTao(span);
    const chain = perBlock(args);
    expect(spotPriceF64(span.pool)).toBeGreaterThan(1);
    expect(span.meanClampedPrice).toBeLessThan(1);
    expect(Math.abs(span.meanClampedPrice - chain.price)).toBeLessThan(1e-6);
  });

  it('no price (empty TAO reserve) takes A alpha; no alpha emission (A = 0) takes none', () => {
    const empty = io({ y: 0, x: 1000, t: 0.5, a: 1, blocks: 10 });
    injectAllTao(empty);
    expect(empty.injectedAlpha).toBe(10);
    expect(empty.pool.taoReserve).toBe(5);
    const noAlpha = io({ y: 100, x: 1000, t: 0.5, a: 0, blocks: 10 });
    injectAllTao(noAlpha);
    expect(noAlpha.injectedAlpha).toBe(0);
    expect(noAlpha.injectedTao).toBe(5);
    expect(noAlpha.refusedTao).toBe(0);
  });
});
