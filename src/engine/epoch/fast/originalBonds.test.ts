import { describe, expect, it } from 'vitest';
import { csrToRows } from './csrMatrix.ts';
import { fastInputFixture, runThrough } from './testFixtures.ts';
import { bondsEmaAlpha } from './yuma3Bonds.ts';

const a = bondsEmaAlpha(900_000);

describe('originalBonds', () => {
  // Validators 0 (0.75) and 1 (0.25) weigh miner 2 fully; validator 0 holds the whole old column.
  const input = fastInputFixture({
    stakes: [3, 1, 0],
    weights: [[[2, 1]], [[2, 1]]],
    bonds: [[[2, 65_535]]],
    // Past the first tempo: bonds towards UIDs registered at block 0 are kept.
    block: 1000,
  });

  it('mixes the column-normalised ΔB = W_b ∘ stake with the column-normalised old bonds', () => {
    const ws = runThrough(input, 'dividends');
    // B' = a [0.75, 0.25] + (1 - a) [1, 0], already summing to 1.
    expect(ws.dividends[0]).toBeCloseTo(1 - 0.25 * a, 15);
    expect(ws.dividends[1]).toBeCloseTo(0.25 * a, 15);
  });

  it('stores the bonds column max-upscaled: the largest entry becomes 65535', () => {
    const ws = runThrough(input, 'dividends');
    expect(csrToRows(ws.bonds)).toEqual([
      [[2, 65_535]],
      [[2, Math.floor(((0.25 * a) / (1 - 0.25 * a)) * 65_535)]],
      [],
    ]);
  });

  it('stores nothing for a validator that loses its permit, but still pays it dividends', () => {
    const one = { ...input, params: { ...input.params, maxAllowedValidators: 1 } };
    const ws = runThrough(one, 'dividends');
    expect(Array.from(ws.validatorPermit)).toEqual([1, 0, 0]);
    expect(csrToRows(ws.bonds)[1]).toEqual([]);
    expect(ws.dividends[1]).toBeGreaterThan(0);
  });

  it('reads stored bonds as integers: their scale does not matter', () => {
    const scaled = fastInputFixture({
      stakes: [3, 1, 0],
      weights: [[[2, 1]], [[2, 1]]],
      bonds: [[[2, 100]], [[2, 100]]],
      block: 1000,
    });
    const ws = runThrough(scaled, 'dividends');
    // Old column [0.5, 0.5]: B' = a [0.75, 0.25] + (1 - a) [0.5, 0.5].
    expect(ws.dividends[0]).toBeCloseTo(0.75 * a + 0.5 * (1 - a), 15);
  });
});
