import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockEmissionForIssuance } from '../emission/blockEmission.ts';
import {
  blockEmissionF64,
  blocksBeforeHalving,
  halvingIndexF64,
  halvingThreshold,
} from './blockEmissionF64.ts';

describe('blockEmissionF64', () => {
  it('matches the exact emission at every milestone', () => {
    for (const k of [1, 2, 3, 4, 5, 10, 20]) {
      const t = halvingThreshold(k);
      const below = BigInt(Math.floor(t * 1e9)) - 1_000_000n;
      expect(blockEmissionF64(Number(below) / 1e9) * 1e9).toBe(Number(blockEmissionForIssuance(below)));
      expect(blockEmissionF64(t) * 1e9).toBe(Number(blockEmissionForIssuance(BigInt(Math.ceil(t * 1e9)))));
    }
    expect(blockEmissionF64(0)).toBe(1);
    expect(blockEmissionF64(10_500_000)).toBe(0.5);
    expect(blockEmissionF64(21_000_000)).toBe(0);
    expect(halvingIndexF64(21_000_001)).toBe(Number.POSITIVE_INFINITY);
  });

  it('agrees with the exact function on random issuances (away from thresholds by a rao)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 21_000_000_000_000_000n }), (rao) => {
        const exact = Number(blockEmissionForIssuance(rao));
        expect(blockEmissionF64(Number(rao) / 1e9) * 1e9).toBeCloseTo(exact, 6);
      }),
      { numRuns: 500 },
    );
  });

  it('counts the blocks before the next halving', () => {
    expect(blocksBeforeHalving(10_500_000 - 10, 1)).toBe(10);
    expect(blocksBeforeHalving(10_500_000 - 10.5, 1)).toBe(11);
    expect(blocksBeforeHalving(0, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});
