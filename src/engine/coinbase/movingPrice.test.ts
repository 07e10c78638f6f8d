import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert, fromF64, I96F32, U64F64 } from '../fixed/index.ts';
import { DEFAULT_CHAIN_PARAMS } from '../state/defaults.ts';
import { movingAlphaPrice, updateMovingPrice } from './movingPrice.ts';

/** `SubnetMovingAlpha` of the chain's defaults as I96F32 raw bits. */
const DEFAULT_SUBNET_MOVING_ALPHA = DEFAULT_CHAIN_PARAMS.movingAlpha as I96F32;

const base = { halvingBlocks: 201_600, spotPrice: U64F64.one, movingPrice: 0n as U64F64 };

describe('moving price', () => {
  it('stores the default alpha as 12885/2^32', () => {
    expect(DEFAULT_SUBNET_MOVING_ALPHA).toBe(12_885n);
    expect(fromF64(I96F32, 0.000003)).toBe(DEFAULT_SUBNET_MOVING_ALPHA);
  });

  it('14 updates at a = 0.1 * 1/2 from 0 reach exactly 2200419206/2^32', () => {
    let stored = 0n as I96F32;
    for (let i = 0; i < 14; i++) {
      stored = updateMovingPrice({
        ...base,
        block: 201_600,
        firstEmissionBlock: 1,
        movingAlpha: fromF64(I96F32, 0.1),
        movingPrice: movingAlphaPrice({ mechanism: 1, stored }),
      });
    }
    expect(stored).toBe(2_200_419_206n);
  });

  it('barely moves right after start_call (117167/2^32)', () => {
    const next = updateMovingPrice({
      ...base,
      block: 510,
      firstEmissionBlock: 500,
      movingAlpha: fromF64(I96F32, 0.5),
    });
    expect(next).toBe(117_167n);
  });

  it('clamps the spot price at 1 and reads stable subnets as 1', () => {
    const high = updateMovingPrice({
      ...base,
      block: 10,
      firstEmissionBlock: 1,
      halvingBlocks: 0,
      movingAlpha: fromF64(I96F32, 1),
      spotPrice: fromF64(U64F64, 5),
    });
    expect(high).toBe(I96F32.one);
    expect(movingAlphaPrice({ mechanism: 0, stored: 0n as I96F32 })).toBe(U64F64.one);
    expect(movingAlphaPrice({ mechanism: 1, stored: -5n as I96F32 })).toBe(0n);
  });

  it('moves between the old EMA and the clamped spot price', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n << 32n }),
        fc.bigInt({ min: 0n, max: 3n << 64n }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (emaBits, spotBits, block, h) => {
          const ema = convert(I96F32, U64F64, emaBits as I96F32);
          const spot = spotBits as U64F64;
          const target = spot < U64F64.one ? spot : U64F64.one;
          const next = convert(
            I96F32,
            U64F64,
            updateMovingPrice({
              block,
              firstEmissionBlock: 1,
              halvingBlocks: h,
              movingAlpha: DEFAULT_SUBNET_MOVING_ALPHA,
              spotPrice: spot,
              movingPrice: ema,
            }),
          );
          const lo = ema < target ? ema : target;
          const hi = ema < target ? target : ema;
          // Each of the three floors loses < 1 ULP of U64F64 and storing drops 32 bits.
          expect(next).toBeLessThanOrEqual(hi);
          expect(next + (3n << 32n)).toBeGreaterThanOrEqual(lo);
        },
      ),
    );
  });
});
