import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Coldkey, coldkey } from '../types.ts';
import { addToPool, EMPTY_POOL, increasePoolValue, removeFromPool, stakeOf } from './sharePool.ts';

const keys = ['a', 'b', 'c'].map(coldkey);

type Op = { kind: 'add' | 'remove' | 'dividend'; who: number; amount: bigint };

describe('share pool', () => {
  it('gives dividends pro rata', () => {
    let p = addToPool(EMPTY_POOL, keys[0]!, 1_000n);
    p = addToPool(p, keys[1]!, 3_000n);
    p = increasePoolValue(p, 4_000n);
    expect(stakeOf(p, keys[0]!)).toBe(2_000n);
    expect(stakeOf(p, keys[1]!)).toBe(6_000n);
  });

  it('never lets holders own more than the pool value, and removes exactly', () => {
    const op = fc.record({
      kind: fc.constantFrom<Op['kind']>('add', 'remove', 'dividend'),
      who: fc.integer({ min: 0, max: 2 }),
      amount: fc.bigInt({ min: 0n, max: 10n ** 15n }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let p = EMPTY_POOL;
        for (const o of ops) {
          const k: Coldkey = keys[o.who]!;
          if (o.kind === 'add') p = addToPool(p, k, o.amount);
          else if (o.kind === 'dividend') p = p.totalShares > 0n ? increasePoolValue(p, o.amount) : p;
          else {
            const owned = stakeOf(p, k);
            const amount = o.amount > owned ? owned : o.amount;
            const before = p.value;
            p = removeFromPool(p, k, amount);
            expect(p.value).toBe(before - amount);
            expect(stakeOf(p, k)).toBeLessThanOrEqual(owned - amount);
          }
          const owned = keys.reduce((s, key) => s + stakeOf(p, key), 0n);
          expect(owned).toBeLessThanOrEqual(p.value);
          const sumShares = [...p.shares.values()].reduce((s, x) => s + x, 0n);
          expect(sumShares).toBe(p.totalShares);
        }
      }),
      { numRuns: 300 },
    );
  });
});
