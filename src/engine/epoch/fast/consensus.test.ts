import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRID } from './grid.ts';
import { chainMedian, fastInputFixture, runThrough } from './testFixtures.ts';

describe('stakeWeightedConsensus', () => {
  it('takes the stake-weighted median of each column over the voters', () => {
    // Voters 0, 1, 2 with stakes 0.5 / 0.3 / 0.2 (miners 3 and 4 have none).
    const input = fastInputFixture({
      stakes: [5, 3, 2, 0, 0],
      weights: [
        [
          [3, 2],
          [4, 8],
        ],
        [
          [3, 6],
          [4, 4],
        ],
        [
          [3, 4],
          [4, 6],
        ],
      ],
    });
    const ws = runThrough(input, 'consensus');
    // Column 3: 0.2 (0.5), 0.4 (0.2), 0.6 (0.3): the stake at or below 0.2 is 0.5 < 1 - kappa.
    expect(ws.consensus[3]).toBeCloseTo(0.4, 12);
    // Column 4: 0.4 (0.3), 0.6 (0.2), 0.8 (0.5): only 0.5 at or below 0.6, so 0.8.
    expect(ws.consensus[4]).toBeCloseTo(0.8, 12);
    expect(ws.consensus[0]).toBe(0);
  });

  it('counts a missing weight as 0', () => {
    const input = fastInputFixture({
      stakes: [6, 4, 0],
      weights: [[[2, 1]], [[0, 1]]],
    });
    // Column 2: voter 0 (0.6) at 1, voter 1 (0.4) at 0: 0.6 of the stake is at 1.
    expect(runThrough(input, 'consensus').consensus[2]).toBe(1);
    const flipped = fastInputFixture({ stakes: [4, 6, 0], weights: [[[2, 1]], [[0, 1]]] });
    expect(runThrough(flipped, 'consensus').consensus[2]).toBe(0);
  });

  it('kappa 0 takes the largest weight, kappa 1 the smallest', () => {
    // Column 2: voter 0 at 0.25, voter 1 at 0.75.
    const weights = [
      [
        [1, 3],
        [2, 1],
      ],
      [
        [0, 1],
        [2, 3],
      ],
    ] as const;
    const at = (kappa: number) =>
      runThrough(fastInputFixture({ stakes: [1, 1, 0], weights, params: { kappa } }), 'consensus')
        .consensus[2];
    expect(at(0)).toBe(0.75);
    expect(at(65_535)).toBe(0.25);
  });

  it('agrees with the chain rule column by column on random graphs', () => {
    const graphArb = fc.record({
      stakes: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 12 }),
      cells: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 144, maxLength: 144 }),
      kappa: fc.integer({ min: 0, max: 65_535 }),
    });
    fc.assert(
      fc.property(graphArb, ({ stakes, cells, kappa }) => {
        const n = stakes.length;
        // Few distinct values: ties everywhere; 0 entries become missing weights half of the time.
        const weights = stakes.map((_, i) =>
          Array.from({ length: n }, (_, j) => [j, cells[i * 12 + j]!] as [number, number]).filter(
            ([j, v]) => j !== i && (v > 0 || j % 2 === 0),
          ),
        );
        const input = fastInputFixture({ stakes, weights, params: { kappa } });
        const ws = runThrough(input, 'consensus');
        const kappaGrid = Math.floor((kappa * GRID) / 65_535) / GRID;
        const voters = Array.from(ws.activeStake.keys()).filter((i) => ws.activeStake[i]! > 0);
        const stake = voters.map((i) => ws.activeStake[i]!);
        const total = stake.reduce((a, b) => a + b, 0);
        const dense = voters.map((i) => {
          const row = new Array<number>(n).fill(0);
          const { rowStart, col, value } = ws.weights;
          for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) row[col[e]!] = value[e]!;
          return row;
        });
        for (let j = 0; j < n; j++) {
          const column = dense.map((row) => row[j]!);
          expect(ws.consensus[j]).toBe(
            voters.length === 0 ? 0 : chainMedian(column, stake, total - kappaGrid),
          );
        }
      }),
      { numRuns: 500 },
    );
  });
});
