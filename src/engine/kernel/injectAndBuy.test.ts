import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spotPriceF64 } from '../pool/balancerF64.ts';
import { createInjectIo, type InjectIo, injectAndBuy } from './injectAndBuy.ts';

function run(args: {
  y: number;
  x: number;
  w: number;
  t: number;
  c: number;
  blocks: number;
  perBlock: boolean;
}) {
  const io = createInjectIo();
  Object.assign(io.pool, { taoReserve: args.y, alphaReserve: args.x, wQuote: args.w });
  io.taoPerBlock = args.t;
  io.alphaCapPerBlock = args.c;
  const totals = {
    injectedTao: 0,
    injectedAlpha: 0,
    chainBuyTao: 0,
    boughtAlpha: 0,
    refusedTao: 0,
    price: 0,
  };
  const add = (o: InjectIo, blocks: number) => {
    totals.injectedTao += o.injectedTao;
    totals.injectedAlpha += o.injectedAlpha;
    totals.chainBuyTao += o.chainBuyTao;
    totals.boughtAlpha += o.boughtAlpha;
    totals.refusedTao += o.refusedTao;
    totals.price += o.meanClampedPrice * blocks;
  };
  if (args.perBlock) {
    io.blocks = 1;
    for (let b = 0; b < args.blocks; b++) {
      injectAndBuy(io);
      add(io, 1);
    }
  } else {
    io.blocks = args.blocks;
    injectAndBuy(io);
    add(io, args.blocks);
  }
  return { ...totals, price: totals.price / args.blocks, pool: { ...io.pool } };
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

describe('injectAndBuy', () => {
  it('uncapped: one injection at the kept price', () => {
    const r = run({ y: 1000, x: 10_000, w: 0.5, t: 0.05, c: 0.9, blocks: 7200, perBlock: false });
    expect(r.chainBuyTao).toBe(0);
    expect(r.injectedTao).toBeCloseTo(360, 9);
    expect(r.injectedAlpha).toBeCloseTo(3600, 6);
    expect(spotPriceF64(r.pool)).toBeCloseTo(0.1, 12);
    expect(r.pool.wQuote).toBeCloseTo(0.5, 12);
  });

  it('capped constant product: the closed form follows the block-by-block chain order', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 200, max: 100_000, noNaN: true }),
        fc.double({ min: 0.002, max: 2, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 2, max: 7200 }),
        (y, price, t, capShare, blocks) => {
          const x = y / price;
          const c = capShare * (t / price); // below t/p: capped
          const exact = run({ y, x, w: 0.5, t, c, blocks, perBlock: true });
          const fast = run({ y, x, w: 0.5, t, c, blocks, perBlock: false });
          expect(rel(fast.pool.taoReserve, exact.pool.taoReserve)).toBeLessThan(1e-9);
          expect(rel(fast.pool.alphaReserve, exact.pool.alphaReserve)).toBeLessThan(2e-4);
          const total = blocks * t;
          expect(Math.abs(fast.chainBuyTao - exact.chainBuyTao) / total).toBeLessThan(2e-4);
          expect(Math.abs(fast.injectedTao + fast.chainBuyTao - total) / total).toBeLessThan(1e-12);
          expect(rel(fast.price, exact.price)).toBeLessThan(2e-4);
          // The price approaches t/c from below and never crosses it.
          expect(spotPriceF64(fast.pool)).toBeLessThanOrEqual((t / c) * (1 + 1e-12));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('capped with a drifting cap, including a switch from uncapped to capped', () => {
    for (const [y, price, t, cStart, cEnd] of [
      [3_000, 0.02, 0.05, 1.2, 0.9], // capped throughout (t/p = 2.5)
      [3_000, 0.02, 0.02, 1.1, 0.8], // uncapped until the cap falls below t/p = 1
    ] as const) {
      const blocks = 7200;
      const slope = (cEnd - cStart) / blocks;
      const step = createInjectIo();
      Object.assign(step.pool, { taoReserve: y, alphaReserve: y / price, wQuote: 0.5 });
      step.taoPerBlock = t;
      step.blocks = 1;
      let bought = 0;
      for (let j = 0; j < blocks; j++) {
        step.alphaCapPerBlock = cStart + slope * (j + 0.5);
        injectAndBuy(step);
        bought += step.boughtAlpha;
      }
      const span = createInjectIo();
      Object.assign(span.pool, { taoReserve: y, alphaReserve: y / price, wQuote: 0.5 });
      span.taoPerBlock = t;
      span.blocks = blocks;
      span.alphaCapPerBlock = (cStart + cEnd) / 2;
      span.alphaCapSlope = slope;
      injectAndBuy(span);
      expect(rel(span.pool.alphaReserve, step.pool.alphaReserve)).toBeLessThan(1e-4);
      expect(rel(span.boughtAlpha, bought)).toBeLessThan(1e-3);
      expect(rel(span.pool.taoReserve, step.pool.taoReserve)).toBeLessThan(1e-9);
    }
  });

  it('capped, other weights: chunks follow the block-by-block chain order', () => {
    const args = { y: 2_000, x: 60_000, w: 0.3, t: 0.06, c: 0.5, blocks: 7200 };
    const exact = run({ ...args, perBlock: true });
    const fast = run({ ...args, perBlock: false });
    expect(rel(fast.pool.taoReserve, exact.pool.taoReserve)).toBeLessThan(1e-9);
    expect(rel(fast.pool.alphaReserve, exact.pool.alphaReserve)).toBeLessThan(2e-3);
    expect(rel(fast.pool.wQuote, exact.pool.wQuote)).toBeLessThan(2e-3);
    expect(rel(fast.price, exact.price)).toBeLessThan(2e-3);
  });

  it('no price: the TAO is refused (recycled)', () => {
    const r = run({ y: 10, x: 0, w: 0.5, t: 1, c: 1, blocks: 10, perBlock: false });
    expect(r.refusedTao).toBe(10);
    expect(r.pool.taoReserve).toBe(10);
  });
});
