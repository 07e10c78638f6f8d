import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainMedian } from './testFixtures.ts';
import { type MedianSelection, narrowMedianSelection, weightedMedianSelect } from './weightedMedianSelect.ts';

/** Sort-based reading of the same rule: the smallest score whose stake at or below it exceeds the minority. */
function sortedRule(value: readonly number[], stake: readonly number[], minority: number): number {
  if (value.length === 0) return 0;
  const distinct = [...new Set(value)].sort((a, b) => a - b);
  for (const v of distinct) {
    const atOrBelow = value.reduce((acc, x, i) => (x <= v ? acc + stake[i]! : acc), 0);
    if (atOrBelow > minority) return v;
  }
  return distinct.at(-1)!;
}

function selection(value: readonly number[], stake: readonly number[], minority: number): MedianSelection {
  return {
    value: Float64Array.from(value),
    stake: Float64Array.from(stake),
    start: 0,
    end: value.length,
    minority,
    lo: 0,
    hi: stake.reduce((a, b) => a + b, 0),
  };
}

const select = (value: readonly number[], stake: readonly number[], minority: number) =>
  weightedMedianSelect(selection(value, stake, minority));

/** Scores from a small set (many ties) and small integer stakes (zeros included): sums are exact. */
const columnArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 5 })), { maxLength: 40 })
  .chain((pairs) => {
    const total = pairs.reduce((a, [, s]) => a + s, 0);
    // Half-integers from below 0 to above the total: boundaries and out-of-range minorities included.
    return fc.integer({ min: -2, max: 2 * total + 2 }).map((h) => ({
      value: pairs.map(([v]) => v / 8),
      stake: pairs.map(([, s]) => s),
      minority: h / 2,
    }));
  });

describe('weightedMedianSelect', () => {
  it('returns 0 for no entries and the score of a single one', () => {
    expect(select([], [], 0.5)).toBe(0);
    expect(select([0.3], [1], 0.5)).toBe(0.3);
    expect(select([0.3], [1], -1)).toBe(0.3);
  });

  it('picks the smallest score whose stake at or below it exceeds the minority', () => {
    // Stakes 0.5 / 0.3 / 0.2 at scores 0.2 / 0.6 / 0.4: cumulative 0.5, 0.7, 1.0.
    const value = [0.2, 0.6, 0.4];
    const stake = [0.5, 0.3, 0.2];
    expect(select(value, stake, 0.49)).toBe(0.2);
    // Exactly on the boundary the rule moves up (a strict comparison).
    expect(select(value, stake, 0.5)).toBe(0.4);
    expect(select(value, stake, 0.69)).toBe(0.4);
    expect(select(value, stake, 0.7)).toBe(0.6);
  });

  it('returns the smallest score below every stake and the largest above', () => {
    expect(select([0.5, 0.1, 0.9], [1, 1, 1], -0.1)).toBe(0.1);
    expect(select([0.5, 0.1, 0.9], [1, 1, 1], 3)).toBe(0.9);
  });

  it('agrees with the chain rule and its sorted reading on random columns (ties, zero stakes)', () => {
    fc.assert(
      fc.property(columnArb, ({ value, stake, minority }) => {
        const expected = chainMedian(value, stake, minority);
        expect(sortedRule(value, stake, minority)).toBe(expected);
        expect(select(value, stake, minority)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('respects the segment bounds and the stake integral it starts from', () => {
    // Segment [2, 5) of the buffer, starting 0.25 into the integral.
    const s: MedianSelection = {
      value: Float64Array.from([9, 9, 0.1, 0.3, 0.2, 9]),
      stake: Float64Array.from([1, 1, 0.25, 0.25, 0.25, 1]),
      start: 2,
      end: 5,
      minority: 0.55,
      lo: 0.25,
      hi: 1,
    };
    // Cumulative from 0.25: 0.1 -> 0.5, 0.2 -> 0.75: 0.2 is the first above 0.55.
    expect(weightedMedianSelect(s)).toBe(0.2);
  });
});

describe('narrowMedianSelection', () => {
  const longColumnArb = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 9 })), {
      minLength: 1,
      maxLength: 200,
    })
    .chain((pairs) => {
      const total = pairs.reduce((a, [, s]) => a + s, 0);
      return fc.integer({ min: -2, max: 2 * total + 2 }).map((h) => ({
        value: pairs.map(([v]) => v / 64),
        stake: pairs.map(([, s]) => s),
        minority: h / 2,
      }));
    });

  it('keeps the answer: narrowing then selecting equals the chain rule', () => {
    fc.assert(
      fc.property(longColumnArb, ({ value, stake, minority }) => {
        const s = selection(value, stake, minority);
        narrowMedianSelection(s, new Float64Array(16));
        expect(s.end - s.start).toBeLessThanOrEqual(value.length);
        expect(weightedMedianSelect(s)).toBe(chainMedian(value, stake, minority));
      }),
      { numRuns: 1000 },
    );
  });

  it('narrows a long column to the bucket holding the answer', () => {
    const value = Array.from({ length: 64 }, (_, i) => i / 64);
    const stake = value.map(() => 1);
    const s = selection(value, stake, 31.5);
    narrowMedianSelection(s, new Float64Array(16));
    // 16 buckets of 4 scores; the answer 31/64 lies in the bucket of scores 28..31.
    expect(s.end - s.start).toBe(4);
    expect(s.lo).toBe(28);
    expect(s.hi).toBe(32);
    expect(weightedMedianSelect(s)).toBe(31 / 64);
  });

  it('leaves short segments, single scores and out-of-range minorities alone', () => {
    const short = selection([0.1, 0.2, 0.3], [1, 1, 1], 1.5);
    narrowMedianSelection(short, new Float64Array(16));
    expect(short.end).toBe(3);
    const flat = selection(new Array(40).fill(0.5), new Array(40).fill(1), 10);
    narrowMedianSelection(flat, new Float64Array(16));
    expect(flat.end).toBe(40);
    const above = selection(
      Array.from({ length: 40 }, (_, i) => i),
      new Array(40).fill(1),
      40,
    );
    narrowMedianSelection(above, new Float64Array(16));
    expect(above.end).toBe(40);
  });
});
