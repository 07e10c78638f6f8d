import { describe, expect, it } from 'vitest';
import { fromF64, fromInt, U64F64 } from '../fixed/index.ts';
import { subnetPoolSeed } from './subnetPoolSeed.ts';

const TAO = 1_000_000_000n;

describe('subnet pool seed', () => {
  it('keeps the whole lock in the pool, at least the minimum lock, at the median price', () => {
    expect(
      subnetPoolSeed({ lockPaid: 2500n * TAO, minLock: 1000n * TAO, medianPrice: fromInt(U64F64, 2) }),
    ).toEqual({
      taoReserve: 2500n * TAO,
      alphaReserve: 1250n * TAO,
      recycled: 0n,
    });
    expect(subnetPoolSeed({ lockPaid: 10n, minLock: 100n * TAO, medianPrice: U64F64.one }).taoReserve).toBe(
      100n * TAO,
    );
  });

  it('floors the alpha reserve and gives 0 when the quotient overflows', () => {
    expect(subnetPoolSeed({ lockPaid: 10n, minLock: 0n, medianPrice: fromInt(U64F64, 3) }).alphaReserve).toBe(
      3n,
    );
    const tiny = fromF64(U64F64, 2 ** -40);
    expect(subnetPoolSeed({ lockPaid: 1n << 40n, minLock: 0n, medianPrice: tiny }).alphaReserve).toBe(0n);
  });
});
