import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitEmission } from './splitEmission.ts';

describe('splitEmission', () => {
  it('splits evenly with the remainder to mechanism 0', () => {
    expect(splitEmission({ raoEmission: 1000n, count: 3 })).toEqual([334n, 333n, 333n]);
    expect(splitEmission({ raoEmission: 7n, count: 1 })).toEqual([7n]);
  });

  it('splits by u16 shares, floored, padding missing mechanisms with zero', () => {
    expect(splitEmission({ raoEmission: 1000n, count: 2, split: [16_383, 49_152] })).toEqual([250n, 750n]);
    expect(splitEmission({ raoEmission: 1000n, count: 3, split: [65_535] })).toEqual([1000n, 0n, 0n]);
  });

  it('always hands out exactly the emission (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        fc.integer({ min: 1, max: 16 }),
        (rao, count) => {
          const parts = splitEmission({ raoEmission: rao, count });
          expect(parts.length).toBe(count);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(rao);
        },
      ),
    );
  });
});
