import { describe, expect, it } from 'vitest';
import { csrToRows } from './csrMatrix.ts';
import { fastInputFixture, runThrough } from './testFixtures.ts';

const rowsOf = (input: Parameters<typeof runThrough>[0]) => csrToRows(runThrough(input, 'weights').weights);

describe('epochWeights', () => {
  it('normalises each row and drops self-weights', () => {
    const input = fastInputFixture({
      stakes: [1, 1, 0],
      weights: [
        [
          [0, 100],
          [1, 100],
          [2, 300],
        ],
        [[0, 65_535]],
      ],
    });
    expect(rowsOf(input)).toEqual([
      [
        [1, 0.25],
        [2, 0.75],
      ],
      [[0, 1]],
      [],
    ]);
  });

  it('keeps the owner its self-weight', () => {
    const input = fastInputFixture({
      stakes: [1, 1],
      ownerUid: 0,
      weights: [
        [
          [0, 1],
          [1, 1],
        ],
      ],
    });
    expect(rowsOf(input)[0]).toEqual([
      [0, 0.5],
      [1, 0.5],
    ]);
  });

  it('empties the rows of validators without a permit this epoch', () => {
    const input = fastInputFixture({ stakes: [1, 1], permits: [false, true], weights: [[[1, 5]], [[0, 5]]] });
    expect(rowsOf(input)).toEqual([[], [[0, 1]]]);
  });

  it('drops weights set no later than the miner registered, and commits made before it', () => {
    const input = fastInputFixture({
      stakes: [1, 1, 0, 0],
      lastUpdate: [50, 50, 50, 50],
      blockAtRegistration: [0, 0, 50, 10],
      commitBlock: [Number.POSITIVE_INFINITY, 5],
      weights: [
        [
          [2, 1],
          [3, 1],
        ],
        [
          [2, 1],
          [3, 1],
        ],
      ],
    });
    // Column 2 registered at the rows' LastUpdate (outdated); row 1 committed at 5 < 10 (column 3).
    expect(rowsOf(input)).toEqual([[[3, 1]], [], [], []]);
  });

  it('keeps explicit zero weights and leaves a zero-sum row as it is', () => {
    const input = fastInputFixture({
      stakes: [1, 1, 0],
      weights: [
        [
          [1, 0],
          [2, 10],
        ],
        [[2, 0]],
      ],
    });
    expect(rowsOf(input)).toEqual([
      [
        [1, 0],
        [2, 1],
      ],
      [[2, 0]],
      [],
    ]);
  });

  it('ignores columns at or past n', () => {
    const input = fastInputFixture({
      stakes: [1, 0],
      weights: [
        [
          [1, 1],
          [7, 1],
        ],
      ],
    });
    expect(rowsOf(input)[0]).toEqual([[1, 1]]);
  });

  it('buckets the voters\u2019 positive weights by column for the median', () => {
    const input = fastInputFixture({
      stakes: [3, 1, 0],
      weights: [[[2, 1]], [[2, 1]]],
    });
    const ws = runThrough(input, 'weights');
    expect(ws.voters).toBe(2);
    expect(Array.from(ws.columnFill)).toEqual([0, 0, 2]);
    // Column 2's bucket starts at 2 * medianStride (voters + 1).
    expect(ws.medianStride).toBe(3);
    expect(Array.from(ws.medianValue.slice(6, 8))).toEqual([1, 1]);
    expect(Array.from(ws.medianStake.slice(6, 8))).toEqual([0.75, 0.25]);
  });
});
