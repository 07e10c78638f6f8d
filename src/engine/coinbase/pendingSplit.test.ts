import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromInt, U64_MAX, U96F32 } from '../fixed/index.ts';
import { ownerCutFraction, pendingSplit } from './pendingSplit.ts';
import { rootProportion, taoWeight } from './rootProportion.ts';

describe('pending split', () => {
  it('splits 1e9 alpha with root proportion 1e9/(4e9+1) into 5e8 / 375000000 / 124999999', () => {
    const rp = rootProportion({
      rootTao: 10n ** 9n,
      taoWeight: taoWeight(U64_MAX),
      alphaIssuance: 3_000_000_001n,
    });
    const s = pendingSplit({
      alphaOut: fromInt(U96F32, 10n ** 9n),
      ownerCut: ownerCutFraction(0),
      ownerCutEnabled: true,
      rootProportion: rp,
      rootSell: true,
    });
    expect(s).toEqual({
      minted: 10n ** 9n,
      ownerCut: 0n,
      server: 500_000_000n,
      validator: 375_000_000n,
      rootAlpha: 124_999_999n,
      recycled: 0n,
    });
  });

  it('owner cut 100% takes everything; root alpha is recycled without root sell', () => {
    const all = pendingSplit({
      alphaOut: fromInt(U96F32, 10n ** 9n),
      ownerCut: ownerCutFraction(65_535),
      ownerCutEnabled: true,
      rootProportion: U96F32.one,
      rootSell: false,
    });
    expect(all.ownerCut).toBe(10n ** 9n);
    const off = pendingSplit({
      alphaOut: fromInt(U96F32, 100n),
      ownerCut: ownerCutFraction(65_535),
      ownerCutEnabled: false,
      rootProportion: U96F32.one,
      rootSell: false,
    });
    expect(off).toMatchObject({ ownerCut: 0n, server: 50n, validator: 0n, rootAlpha: 0n, recycled: 50n });
  });

  it('parts sum to alpha_out within flooring', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (10n ** 9n) << 32n }),
        fc.integer({ min: 0, max: 65_535 }),
        fc.bigInt({ min: 0n, max: 1n << 32n }),
        fc.boolean(),
        (out, cut, rp, rootSell) => {
          const s = pendingSplit({
            alphaOut: out as U96F32,
            ownerCut: ownerCutFraction(cut),
            ownerCutEnabled: true,
            rootProportion: rp as U96F32,
            rootSell,
          });
          const parts = s.ownerCut + s.server + s.validator + s.rootAlpha + s.recycled;
          expect(parts).toBeLessThanOrEqual(s.minted);
          expect(parts + 3n).toBeGreaterThanOrEqual(s.minted);
        },
      ),
    );
  });
});
