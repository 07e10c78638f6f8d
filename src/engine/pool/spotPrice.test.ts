import { describe, expect, it } from 'vitest';
import { fromInt, toF64, U64F64 } from '../fixed/index.ts';
import { PERQUINTILL_HALF } from './perquintill.ts';
import {
  alphaForTaoAtSpot,
  MAX_PRICE_RAO,
  MIN_PRICE_RAO,
  priceLimitFromRao,
  spotPrice,
} from './spotPrice.ts';

const pool = {
  taoReserve: 10n ** 9n,
  alphaReserve: 4n * 10n ** 9n,
  wQuote: PERQUINTILL_HALF,
  initialized: true,
};

describe('spotPrice', () => {
  it('is the Balancer price on dynamic subnets, 1 on stable ones, 0 without alpha', () => {
    expect(toF64(U64F64, spotPrice(pool, 1))).toBe(0.25);
    expect(spotPrice(pool, 0)).toBe(U64F64.one);
    expect(spotPrice({ ...pool, alphaReserve: 0n }, 1)).toBe(0n);
  });

  it('converts limit prices from rao per alpha', () => {
    expect(priceLimitFromRao(MAX_PRICE_RAO)).toBe(fromInt(U64F64, 1_000_000));
    expect(toF64(U64F64, priceLimitFromRao(MIN_PRICE_RAO))).toBeCloseTo(1e-6, 15);
    expect(priceLimitFromRao(1_000_000_000n)).toBe(U64F64.one);
  });

  it('alphaForTaoAtSpot divides by the price without slippage', () => {
    expect(alphaForTaoAtSpot({ pool, tao: 1_000n, mechanism: 1 })).toBe(4_000n);
    expect(alphaForTaoAtSpot({ pool, tao: 1_000n, mechanism: 0 })).toBe(1_000n);
    expect(alphaForTaoAtSpot({ pool: { ...pool, alphaReserve: 0n }, tao: 1_000n, mechanism: 1 })).toBe(0n);
  });
});
