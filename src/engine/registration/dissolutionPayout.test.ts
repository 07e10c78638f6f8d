import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromInt, U64F64 } from '../fixed/index.ts';
import { dissolutionPayout, legacyOwnerRefund } from './dissolutionPayout.ts';

describe('dissolution payout', () => {
  it('splits pro rata with largest remainders, ties in holding order', () => {
    expect(dissolutionPayout({ pot: 10n, holdings: [1n, 1n, 1n], protocolAlpha: 0n })).toEqual({
      payouts: [4n, 3n, 3n],
      protocolShare: 0n,
      recycled: 0n,
    });
    expect(dissolutionPayout({ pot: 100n, holdings: [1n, 0n, 2n], protocolAlpha: 1n })).toEqual({
      payouts: [25n, 0n, 50n],
      protocolShare: 25n,
      recycled: 25n,
    });
  });

  it('recycles the whole pot when nobody holds alpha', () => {
    expect(dissolutionPayout({ pot: 7n, holdings: [0n], protocolAlpha: 0n })).toEqual({
      payouts: [0n],
      protocolShare: 0n,
      recycled: 7n,
    });
  });

  it('pays out exactly the pot minus the protocol share, each within one rao of pro rata', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 16n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 15n }), { maxLength: 20 }),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        (pot, holdings, protocolAlpha) => {
          const r = dissolutionPayout({ pot, holdings, protocolAlpha });
          const total = holdings.reduce((s, v) => s + v, protocolAlpha);
          const paid = r.payouts.reduce((s, v) => s + v, 0n);
          expect(paid + r.recycled).toBe(pot);
          if (total === 0n) {
            expect(r.recycled).toBe(pot);
            return;
          }
          expect(r.recycled).toBe(r.protocolShare);
          holdings.forEach((v, i) => {
            const floor = (pot * v) / total;
            const got = r.payouts[i] ?? -1n;
            expect(v > 0n ? [floor, floor + 1n] : [floor]).toContain(got);
          });
        },
      ),
    );
  });
});

describe('legacy owner refund', () => {
  it('refunds the lock minus the estimated owner emission, capped by what is transferable', () => {
    const base = { lockedTao: 1000n, alphaIssuance: 1000n, ownerCutU16: 65_535, spotPrice: U64F64.one };
    expect(legacyOwnerRefund({ ...base, transferable: 10_000n })).toBe(0n);
    expect(legacyOwnerRefund({ ...base, ownerCutU16: 0, transferable: 10_000n })).toBe(1000n);
    expect(legacyOwnerRefund({ ...base, ownerCutU16: 0, transferable: 300n })).toBe(300n);
    expect(
      legacyOwnerRefund({
        ...base,
        alphaIssuance: 100n,
        spotPrice: fromInt(U64F64, 2),
        transferable: 10_000n,
      }),
    ).toBe(800n);
  });
});
