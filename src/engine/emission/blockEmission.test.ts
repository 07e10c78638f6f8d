import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockEmissionForIssuance, halvingIndex, mintableAmount, TOTAL_SUPPLY } from './blockEmission.ts';

/** Rational reference: k = number of times 1/(1 - I/S) can be halved while >= 2. */
function referenceEmission(issuance: bigint): bigint {
  if (issuance >= TOTAL_SUPPLY) return 0n;
  const r = (issuance << 32n) / TOTAL_SUPPLY; // truncated I96F32 ratio
  let k = 0n;
  // x = 2^32 / (2^32 - r) >= 2^(k+1)  <=>  2^32 >= 2^(k+1) * (2^32 - r)
  while (1n << 32n >= (1n << (k + 1n)) * ((1n << 32n) - r)) k += 1n;
  return 1_000_000_000n >> k;
}

describe('block emission', () => {
  it('halves exactly at 21e15 * (1 - 2^-k)', () => {
    for (let k = 1n; k <= 6n; k++) {
      const threshold = TOTAL_SUPPLY - (TOTAL_SUPPLY >> k);
      expect(blockEmissionForIssuance(threshold)).toBe(1_000_000_000n >> k);
      expect(blockEmissionForIssuance(threshold - 1n)).toBe(1_000_000_000n >> (k - 1n));
    }
    expect(halvingIndex(0n)).toBe(0);
    expect(halvingIndex(10_500_000_000_000_000n)).toBe(1);
  });

  it('matches the rational reference for any issuance', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: TOTAL_SUPPLY + 10n }), (i) => {
        expect(blockEmissionForIssuance(i)).toBe(referenceEmission(i));
      }),
      { numRuns: 2000 },
    );
  });

  it('never mints past the cap', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: TOTAL_SUPPLY }),
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        (i, req) => {
          const m = mintableAmount(req, i);
          expect(m).toBeGreaterThanOrEqual(0n);
          expect(m).toBeLessThanOrEqual(req);
          expect(i + m).toBeLessThanOrEqual(TOTAL_SUPPLY);
        },
      ),
    );
  });
});
