import { describe, expect, it } from 'vitest';
import { U64_MAX } from '../fixed/index.ts';
import { PERQUINTILL_HALF } from './perquintill.ts';
import { addReserves, createPool, isDynamic, saturatingMulU64, saturatingSubU64 } from './poolState.ts';

describe('pool state', () => {
  it('a fresh pool has weight 0.5 and is not initialised', () => {
    expect(createPool({ taoReserve: 1n, alphaReserve: 2n })).toEqual({
      taoReserve: 1n,
      alphaReserve: 2n,
      wQuote: PERQUINTILL_HALF,
      initialized: false,
    });
    expect([0, 1, 2].map(isDynamic)).toEqual([false, true, false]);
  });

  it('reserve arithmetic saturates like u64', () => {
    const p = createPool({ taoReserve: U64_MAX - 1n, alphaReserve: 0n });
    expect(addReserves({ pool: p, tao: 5n, alpha: 7n })).toMatchObject({
      taoReserve: U64_MAX,
      alphaReserve: 7n,
    });
    expect(saturatingSubU64(3n, 5n)).toBe(0n);
    expect(saturatingMulU64(U64_MAX, 2n)).toBe(U64_MAX);
  });
});
