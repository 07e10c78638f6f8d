import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromInt, I32F32 } from '../../fixed/index.ts';
import { alphaSigmoid, type LiquidAlphaParams, liquidAlphaRows } from './liquidAlpha.ts';

const ONE = I32F32.one;
const HALF = (ONE >> 1n) as I32F32;
const p: LiquidAlphaParams = {
  alphaLow: ((6553n << 32n) / 65_535n) as I32F32,
  alphaHigh: ((19_660n << 32n) / 65_535n) as I32F32,
  steepness: fromInt(I32F32, 1000),
};
const unit = fc.bigInt({ min: 0n, max: ONE }) as fc.Arbitrary<I32F32>;

describe('liquid alpha', () => {
  it('sits halfway between low and high when the difference is 1/2', () => {
    const a = alphaSigmoid({ ...p, consensus: 0n as I32F32, weight: HALF, bond: 0n as I32F32 });
    expect(a).toBe(p.alphaLow + ((p.alphaHigh - p.alphaLow) >> 1n));
  });

  it('reads the buying difference (weight over consensus) or the selling one (bond over weight)', () => {
    const buying = alphaSigmoid({ ...p, consensus: HALF, weight: ONE, bond: 0n as I32F32 });
    const selling = alphaSigmoid({ ...p, consensus: ONE, weight: 0n as I32F32, bond: HALF });
    expect(buying).toBe(selling);
    // A weight at consensus with no bond to sell moves slowly: near alpha_low.
    const still = alphaSigmoid({ ...p, consensus: HALF, weight: HALF, bond: 0n as I32F32 });
    expect(still - p.alphaLow).toBeLessThan((p.alphaHigh - p.alphaLow) / 100n);
  });

  it('stays within [alpha_low, alpha_high] (property)', () => {
    fc.assert(
      fc.property(unit, unit, unit, (consensus, weight, bond) => {
        const a = alphaSigmoid({ ...p, consensus, weight, bond });
        expect(a).toBeGreaterThanOrEqual(p.alphaLow);
        expect(a).toBeLessThanOrEqual(p.alphaHigh);
      }),
    );
  });

  it('computes the cells of the new row as the chain would, whatever it shares', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(unit, unit, unit), { minLength: 1, maxLength: 6 }), (cells) => {
        const n = cells.length;
        const consensus = cells.map(([c]) => c);
        const weights = [cells.map(([, w], j) => [j, w] as const), []];
        const bonds = [cells.map(([, , b], j) => [j, b] as const), []];
        const rows = liquidAlphaRows({ weights, bonds, consensus, params: p });
        expect(rows.length).toBe(2);
        cells.forEach(([c, w, b], j) => {
          expect(rows[0]![j]).toBe(alphaSigmoid({ ...p, consensus: c, weight: w, bond: b }));
        });
        expect(rows[1]).toEqual(new Array(n).fill(p.alphaLow));
      }),
    );
  });

  it('follows the chain merge walk on rows that are not in column order', () => {
    const consensus = [0n, 0n, 0n, HALF, HALF] as I32F32[];
    // Column 3 comes after column 4, so the chain's walk never sees it and reads weight 0 there.
    const rows = liquidAlphaRows({
      weights: [
        [
          [4, ONE],
          [3, ONE],
        ],
      ],
      bonds: [[]],
      consensus,
      params: p,
    });
    expect(rows[0]![3]).toBe(
      alphaSigmoid({ ...p, consensus: HALF, weight: 0n as I32F32, bond: 0n as I32F32 }),
    );
    expect(rows[0]![4]).toBe(alphaSigmoid({ ...p, consensus: HALF, weight: ONE, bond: 0n as I32F32 }));
  });
});
