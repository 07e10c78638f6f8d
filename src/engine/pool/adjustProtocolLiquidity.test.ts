import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustProtocolLiquidity } from './adjustProtocolLiquidity.ts';
import { MIN_WEIGHT, PERQUINTILL_HALF, PERQUINTILL_ONE } from './perquintill.ts';
import { addReserves, type PoolState } from './poolState.ts';
import { spotPrice } from './spotPrice.ts';

const pool = (taoReserve: bigint, alphaReserve: bigint, wQuote = PERQUINTILL_HALF): PoolState => ({
  taoReserve,
  alphaReserve,
  wQuote,
  initialized: true,
});

function inject(p: PoolState, taoDelta: bigint, alphaDelta: bigint) {
  const a = adjustProtocolLiquidity({ pool: p, taoDelta, alphaDelta });
  return { ...a, after: addReserves({ pool: a.pool, tao: a.taoAdded, alpha: a.alphaAdded }) };
}

describe('adjustProtocolLiquidity', () => {
  it('updates only the weight; reserves are added by the caller', () => {
    const p = pool(10n ** 12n, 4n * 10n ** 12n);
    const a = adjustProtocolLiquidity({ pool: p, taoDelta: 10n ** 9n, alphaDelta: 2n * 10n ** 9n });
    expect(a.taoAdded).toBe(10n ** 9n);
    expect(a.pool.taoReserve).toBe(p.taoReserve);
    expect(a.pool.wQuote).not.toBe(p.wQuote);
    expect(a.pool.initialized).toBe(true);
  });

  it('refuses an injection that would push the weight out of [0.01, 0.99]', () => {
    const p = pool(10n ** 9n, 10n ** 9n);
    const a = adjustProtocolLiquidity({ pool: p, taoDelta: 10n ** 12n, alphaDelta: 0n });
    expect(a).toEqual({ taoAdded: 0n, alphaAdded: 0n, pool: p });
  });

  it('a pool with no alpha (test_adjust_protocol_liquidity_zero_alpha)', () => {
    const p = pool(10n ** 12n, 0n);
    // Still no alpha: both terms vanish, w_q becomes 0.5 and the injection is accepted.
    const taoOnly = inject(p, 10n, 0n);
    expect({ taoAdded: taoOnly.taoAdded, wQuote: taoOnly.pool.wQuote }).toEqual({
      taoAdded: 10n,
      wQuote: PERQUINTILL_HALF,
    });
    // Alpha arrives: w_q' = 0 is out of range, so it is refused and the weight stays 0.5.
    const alphaIn = inject(p, 0n, 10n ** 9n);
    expect({ alphaAdded: alphaIn.alphaAdded, wQuote: alphaIn.pool.wQuote }).toEqual({
      alphaAdded: 0n,
      wQuote: PERQUINTILL_HALF,
    });
  });

  it('(c) keeps the price within its rounding', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1_000_000n, max: 10n ** 16n }),
        fc.bigInt({ min: 1_000_000n, max: 10n ** 16n }),
        fc.bigInt({ min: 2n * MIN_WEIGHT, max: PERQUINTILL_ONE - 2n * MIN_WEIGHT }),
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        (y, x, w, dy, dx) => {
          const p = pool(y, x, w);
          const { after, taoAdded } = inject(p, dy, dx);
          const before = spotPrice(p, 1);
          const now = spotPrice(after, 1);
          if (taoAdded === 0n && dy !== 0n) return; // refused: nothing changed
          // Rounding of q1, q2 to integers (relative 1/q each), of the weight to 1e-18 (relative
          // ~1e-16) and the truncations of the price itself.
          const q1 = ((PERQUINTILL_ONE - w) * y * (x + dx)) / PERQUINTILL_ONE + 1n;
          const q2 = (w * x * (y + dy)) / PERQUINTILL_ONE + 1n;
          const bound = (before * 2n) / q1 + (before * 2n) / q2 + before / 10n ** 14n + 256n;
          const diff = now > before ? now - before : before - now;
          expect(diff).toBeLessThanOrEqual(bound);
        },
      ),
      { numRuns: 500 },
    );
  });
});
