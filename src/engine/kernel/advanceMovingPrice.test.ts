import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { movingAlphaPrice, updateMovingPrice } from '../coinbase/movingPrice.ts';
import { fromF64, I96F32, toF64, U64F64 } from '../fixed/index.ts';
import { advanceMovingPrice, type MovingPriceIo } from './advanceMovingPrice.ts';

const ALPHA = 12_885 / 2 ** 32;
const H = 201_600;

function io(over: Partial<MovingPriceIo>): MovingPriceIo {
  return {
    ema: 0.1,
    meanClampedPrice: 0.3,
    priceSlope: 0,
    blocksSinceStart: 0,
    blocks: 1,
    movingAlpha: ALPHA,
    halvingBlocks: H,
    ...over,
  };
}

/** The chain's update, block by block, in its fixed-point types. */
function exactEma(args: { ema: number; price: number; since: number; blocks: number }): number {
  let ema = fromF64(I96F32, args.ema);
  const spot = fromF64(U64F64, args.price);
  for (let j = 1; j <= args.blocks; j++) {
    ema = updateMovingPrice({
      block: args.since + j,
      firstEmissionBlock: 1,
      halvingBlocks: H,
      movingAlpha: fromF64(I96F32, 0.000003),
      spotPrice: spot,
      movingPrice: movingAlphaPrice({ mechanism: 1, stored: ema }),
    });
  }
  return toF64(I96F32, ema);
}

describe('advanceMovingPrice', () => {
  it('one block is the chain formula', () => {
    const a = io({ ema: 0.2, meanClampedPrice: 0.7, blocksSinceStart: 999 });
    advanceMovingPrice(a);
    expect(a.ema).toBeCloseTo(exactEma({ ema: 0.2, price: 0.7, since: 999, blocks: 1 }), 9);
  });

  it('a span follows the chain block by block, flooring included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 2, max: 3_000 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (since, blocks, ema, price) => {
          const exact = exactEma({ ema, price, since, blocks });
          const span = io({ ema, meanClampedPrice: price, blocksSinceStart: since, blocks });
          advanceMovingPrice(span);
          // Flooring loses about n/2 stored units (2^-32). The closed form averages the sawtooth frac(δ) as a
          // continuum where the chain samples it at discrete blocks, so its estimate of that loss is off by up
          // to ~15% on random spans (7,500 sampled); the bound allows a quarter. Ignoring the flooring would
          // miss by all n/2 units.
          expect(Math.abs(span.ema - exact)).toBeLessThan(2 ** -32 * (4 + blocks / 8));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a young subnet keeps 0 while its increments are below one stored unit', () => {
    const span = io({ ema: 0, meanClampedPrice: 0.01, blocksSinceStart: 0, blocks: 50 });
    advanceMovingPrice(span);
    expect(exactEma({ ema: 0, price: 0.01, since: 0, blocks: 50 })).toBe(0);
    expect(span.ema).toBeLessThan(1e-12);
  });

  it('gives each span the same result whatever spans came before it (the coefficients are cached)', () => {
    // Slots started at the block of a recorded network, interleaved with slots registered later, over a
    // half span and a whole one: the order a kernel step reads them in.
    const spans = [0, 0, 7_000, 0, 150_000, 150_000, 0, 33].flatMap((since) =>
      [3_599.5, 7_200].map((blocks) => ({ since, blocks })),
    );
    const advanced = (since: number, blocks: number) => {
      const x = io({ ema: 0.02, meanClampedPrice: 0.04, priceSlope: 1e-9, blocksSinceStart: since, blocks });
      advanceMovingPrice(x);
      return x.ema;
    };
    const inOrder = spans.map((s) => advanced(s.since, s.blocks));
    // Each again after a span that no other shares, so nothing it needs is still cached.
    const alone = spans.map((s) => {
      advanced(9_999_999, 11);
      advanced(8_888_888, 13);
      return advanced(s.since, s.blocks);
    });
    expect(inOrder).toEqual(alone);
  });
});
