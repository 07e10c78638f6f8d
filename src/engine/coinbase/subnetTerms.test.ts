import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromInt, mul, U64_MAX, U64F64, U96F32 } from '../fixed/index.ts';
import { rootProportion, taoWeight } from './rootProportion.ts';
import { subnetTerms } from './subnetTerms.ts';

const full = (alphaIssuance: bigint) =>
  rootProportion({ rootTao: 10n ** 18n, taoWeight: taoWeight(U64_MAX), alphaIssuance });

describe('subnet terms', () => {
  it('injects everything while alpha_in is under the cap', () => {
    const t = subnetTerms({
      taoEmission: fromInt(U96F32, 100_000_000n),
      price: U64F64.one,
      alphaIssuance: 10n ** 11n,
      rootProportion: full(10n ** 11n),
    });
    expect(t).toEqual({
      taoIn: fromInt(U96F32, 100_000_000n),
      alphaIn: fromInt(U96F32, 100_000_000n),
      excessTao: 0n,
      alphaOut: fromInt(U96F32, 1_000_000_000n),
    });
  });

  it('caps alpha_in at rootProportion * alpha emission (bits 4294966866000000000)', () => {
    const rp = full(10n ** 11n);
    const t = subnetTerms({
      taoEmission: fromInt(U96F32, 10n ** 10n),
      price: U64F64.one,
      alphaIssuance: 10n ** 11n,
      rootProportion: rp,
    });
    expect(t.alphaIn).toBe(4_294_966_866_000_000_000n);
    expect(t.taoIn).toBe(t.alphaIn);
    expect(t.excessTao).toBe(fromInt(U96F32, 10n ** 10n) - t.alphaIn);
  });

  it('gives no alpha_in at price 0 and conserves tao_in + excess = emission', () => {
    expect(
      subnetTerms({
        taoEmission: fromInt(U96F32, 5n),
        price: 0n as U64F64,
        alphaIssuance: 0n,
        rootProportion: U96F32.one,
      }).alphaIn,
    ).toBe(0n);
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (10n ** 9n) << 32n }),
        fc.bigInt({ min: 1n, max: 1n << 80n }),
        fc.bigInt({ min: 0n, max: 21n * 10n ** 15n }),
        fc.bigInt({ min: 0n, max: 1n << 32n }),
        (tao, price, alphaIssuance, rp) => {
          const t = subnetTerms({
            taoEmission: tao as U96F32,
            price: price as U64F64,
            alphaIssuance,
            rootProportion: rp as U96F32,
          });
          expect(t.taoIn + t.excessTao).toBe(tao);
          expect(t.alphaIn).toBeLessThanOrEqual(mul(U96F32, rp as U96F32, t.alphaOut));
        },
      ),
    );
  });
});
