import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromInt, U64F64 } from '../fixed/index.ts';
import { isNetworkImmune, networkToPrune } from './networkToPrune.ts';

const c = (netuid: number, price: number, registeredAt: number, immune = false) => ({
  netuid,
  movingPrice: fromInt(U64F64, price),
  registeredAt,
  immune,
});

describe('network to prune', () => {
  it('picks the lowest moving price among non-immune subnets', () => {
    expect(networkToPrune([c(1, 1, 0), c(2, 10, 0)])).toBe(1);
    expect(networkToPrune([c(1, 5, 0), c(2, 1, 0, true)])).toBe(1);
    expect(networkToPrune([c(1, 5, 0, true)])).toBeNull();
  });

  it('breaks ties by earliest registration, then by order', () => {
    expect(networkToPrune([c(1, 3, 9), c(2, 3, 4), c(3, 3, 4)])).toBe(2);
  });

  it('immunity lasts NetworkImmunityPeriod blocks', () => {
    expect(isNetworkImmune({ block: 99, registeredAt: 0, immunityPeriod: 100 })).toBe(true);
    expect(isNetworkImmune({ block: 100, registeredAt: 0, immunityPeriod: 100 })).toBe(false);
  });

  it('the pick is never immune and no eligible subnet is cheaper', () => {
    const arb = fc.record({
      price: fc.integer({ min: 0, max: 5 }),
      registeredAt: fc.integer({ min: 0, max: 5 }),
      immune: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 10 }), (rows) => {
        const candidates = rows.map((r, i) => c(i, r.price, r.registeredAt, r.immune));
        const pick = networkToPrune(candidates);
        const eligible = candidates.filter((x) => !x.immune);
        if (pick === null) {
          expect(eligible.length).toBe(0);
          return;
        }
        const chosen = candidates[pick];
        expect(chosen?.immune).toBe(false);
        expect(eligible.filter((x) => !(x.movingPrice >= (chosen?.movingPrice ?? 0n)))).toEqual([]);
      }),
    );
  });
});
