import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toF64, U64_MAX, U96F32 } from '../fixed/index.ts';
import { MAINNET_TAO_WEIGHT_RAW, rootProportion, taoWeight } from './rootProportion.ts';

describe('root proportion', () => {
  it('tao weight 0.18 is 773094113/2^32', () => {
    expect(taoWeight(MAINNET_TAO_WEIGHT_RAW)).toBe(773_094_113n);
    expect(taoWeight(U64_MAX)).toBe(U96F32.one);
  });

  it('is w/(w + issuance) with w = root tao * tao weight', () => {
    const rp = rootProportion({
      rootTao: 10n ** 12n,
      taoWeight: taoWeight(MAINNET_TAO_WEIGHT_RAW),
      alphaIssuance: 10n ** 11n,
    });
    expect(Math.abs(toF64(U96F32, rp) - 0.6428571428571428)).toBeLessThan(1e-9);
    expect(rootProportion({ rootTao: 0n, taoWeight: U96F32.one, alphaIssuance: 0n })).toBe(0n);
  });

  it('stays in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        fc.bigInt({ min: 0n, max: U64_MAX }),
        fc.bigInt({ min: 0n, max: 21n * 10n ** 15n }),
        (rootTao, raw, alphaIssuance) => {
          const rp = rootProportion({ rootTao, taoWeight: taoWeight(raw), alphaIssuance });
          expect(rp).toBeGreaterThanOrEqual(0n);
          expect(rp).toBeLessThanOrEqual(U96F32.one);
        },
      ),
    );
  });
});
