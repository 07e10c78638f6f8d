import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lockReductionInterval, networkLockCost } from './lockCost.ts';

const TAO = 1_000_000_000n;
const base = { minLock: 100n * TAO, reductionInterval: 2n, blockEmission: TAO };

describe('lock cost', () => {
  it('doubles the last lock and decays by floor(last/interval) per block', () => {
    const at = { ...base, lastLock: 1250n * TAO, lastLockBlock: 50 };
    expect(networkLockCost({ ...at, block: 50 })).toBe(2500n * TAO);
    expect(networkLockCost({ ...at, block: 51 })).toBe(1875n * TAO);
    expect(networkLockCost({ ...at, block: 10_000 })).toBe(100n * TAO);
  });

  it('uses mult 1 when never registered and saturates the decay for a future last block', () => {
    expect(networkLockCost({ ...base, lastLock: 500n * TAO, lastLockBlock: 0, block: 0 })).toBe(500n * TAO);
    const future = { ...base, lastLock: 1000n * TAO, lastLockBlock: 60_000, reductionInterval: 57_600n };
    expect(networkLockCost({ ...future, block: 9_600 })).toBe(2000n * TAO);
  });

  it('shrinks the interval with halvings', () => {
    expect(lockReductionInterval({ reductionInterval: 57_600n, blockEmission: TAO })).toBe(57_600n);
    expect(lockReductionInterval({ reductionInterval: 57_600n, blockEmission: TAO / 2n })).toBe(28_800n);
    expect(lockReductionInterval({ reductionInterval: 57_600n, blockEmission: 0n })).toBe(0n);
  });

  it('is at least the minimum and never rises as blocks pass', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 16n }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.bigInt({ min: 0n, max: 100_000n }),
        (lastLock, lastLockBlock, b1, db, reductionInterval) => {
          const p = { ...base, lastLock, lastLockBlock, reductionInterval };
          const c1 = networkLockCost({ ...p, block: b1 });
          const c2 = networkLockCost({ ...p, block: b1 + db });
          expect(c1).toBeGreaterThanOrEqual(base.minLock);
          expect(c2).toBeLessThanOrEqual(c1);
        },
      ),
    );
  });
});
