import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromInt, I32F32 } from '../../fixed/index.ts';
import { activeStake, currentPermits, newValidatorPermits } from './permits.ts';

const fx = (xs: readonly number[]) => xs.map((x) => fromInt(I32F32, x));

describe('validator permits', () => {
  it('uses the stored permits with the owner forced on', () => {
    expect(currentPermits({ stored: [false, true, false], ownerUid: 2 })).toEqual([false, true, true]);
    expect(currentPermits({ stored: [false, true], ownerUid: 5 })).toEqual([false, true]);
  });

  it('hands new permits to the k largest nonzero stakes, ties to the later UID, plus the owner', () => {
    expect(newValidatorPermits({ stake: fx([3, 1, 2, 0]), maxAllowedValidators: 2, ownerUid: null })).toEqual(
      [true, false, true, false],
    );
    expect(newValidatorPermits({ stake: fx([1, 1, 1]), maxAllowedValidators: 1, ownerUid: 0 })).toEqual([
      true,
      false,
      true,
    ]);
    // Fewer UIDs than k: every nonzero stake.
    expect(newValidatorPermits({ stake: fx([0, 5]), maxAllowedValidators: 8, ownerUid: null })).toEqual([
      false,
      true,
    ]);
  });

  it('permits are the top-k stakes with the owner forced (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 12 }),
        fc.nat({ max: 12 }),
        fc.option(fc.nat({ max: 11 }), { nil: null }),
        (raw, k, owner) => {
          const stake = fx(raw);
          const ownerUid = owner !== null && owner < raw.length ? owner : null;
          const permits = newValidatorPermits({ stake, maxAllowedValidators: k, ownerUid });
          if (ownerUid !== null) expect(permits[ownerUid]).toBe(true);
          const chosen = raw.flatMap((_, i) => (permits[i] && i !== ownerUid ? [i] : []));
          expect(chosen.length).toBeLessThanOrEqual(k);
          for (const i of chosen) {
            expect(raw[i]).toBeGreaterThan(0);
            // Nobody left out holds more stake than someone chosen.
            for (let j = 0; j < raw.length; j++) {
              if (!permits[j]) expect(raw[j]!).toBeLessThanOrEqual(raw[i]!);
            }
          }
        },
      ),
    );
  });

  it('active stake keeps only active, permitted UIDs and renormalises', () => {
    const stake = fx([1, 1, 2]).map((x) => (x >> 2n) as I32F32);
    expect(activeStake({ stake, inactive: [false, true, false], permits: [true, true, true] })).toEqual([
      1431655765n,
      0n,
      2863311530n,
    ]);
    expect(activeStake({ stake, inactive: [false, false], permits: [true, true, true] })).toEqual([
      I32F32.one >> 1n,
      I32F32.one >> 1n,
      0n,
    ]);
    expect(activeStake({ stake, inactive: [true, true, true], permits: [true, true, true] })).toEqual([
      0n,
      0n,
      0n,
    ]);
  });
});
