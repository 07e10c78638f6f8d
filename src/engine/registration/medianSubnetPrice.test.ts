import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromInt, U64F64 } from '../fixed/index.ts';
import { medianSubnetPrice } from './medianSubnetPrice.ts';

const p = (n: number) => fromInt(U64F64, n);

describe('median subnet price', () => {
  it('takes the middle value, the mean of the middle two, or 1.0', () => {
    expect(medianSubnetPrice([p(7), p(2), p(5)])).toBe(p(5));
    expect(medianSubnetPrice([p(7), p(2), p(5), p(4)])).toBe(fromInt(U64F64, 9) / 2n);
    expect(medianSubnetPrice([])).toBe(U64F64.one);
    expect(medianSubnetPrice([0n as U64F64])).toBe(U64F64.one);
  });

  it('truncates the even mean and ignores zero prices', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 1n << 80n }), { maxLength: 9 }), (raw) => {
        const prices = raw as U64F64[];
        const sorted = raw.filter((x) => x > 0n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const k = sorted.length;
        const expected =
          k === 0
            ? U64F64.one
            : k % 2 === 1
              ? sorted[k >> 1]
              : ((sorted[k / 2 - 1] ?? 0n) + (sorted[k / 2] ?? 0n)) / 2n;
        expect(medianSubnetPrice(prices)).toBe(expected);
      }),
    );
  });
});
