import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromF64, I32F32, sub } from '../../fixed/index.ts';
import { normalize, sum } from './normalize.ts';
import { toSparse } from './sparse.ts';
import { weightedMedian, weightedMedianCol, weightedMedianColSparse } from './weightedMedian.ts';

/** `fixed(x)` of the chain's tests: I32F32 from an f32 literal. */
const f32 = (x: number) => fromF64(I32F32, Math.fround(x));
const vec = (xs: readonly number[]) => xs.map(f32);

/** The chain's call shape: all indices, minority = 1 - majority, lo = 0, hi = sum(stake). */
function median(stake: readonly number[], score: readonly number[], majority = 0.51): I32F32 {
  const s = vec(stake);
  return weightedMedian({
    stake: s,
    score: vec(score),
    partitionIdx: s.map((_, i) => i),
    minority: sub(I32F32, I32F32.one, f32(majority)),
    partitionLo: 0n as I32F32,
    partitionHi: sum(s),
  });
}

/**
 * Reference: the smallest score whose cumulative stake (over entries with score <= it) exceeds the
 * minority; the largest score when none does; 0 for no entries.
 */
function referenceMedian(stake: readonly bigint[], score: readonly bigint[], minority: bigint): bigint {
  const distinct = [...new Set(score)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const s of distinct) {
    const cum = score.reduce((acc, x, i) => (x <= s ? acc + (stake[i] ?? 0n) : acc), 0n);
    if (cum > minority) return s;
  }
  return distinct.at(-1) ?? 0n;
}

describe('weightedMedian (mid-pivot partition search)', () => {
  it('reproduces the chain test cases', () => {
    expect(median([], [])).toBe(0n);
    expect(median([0.49, 0.51], [0.5, 1])).toBe(f32(1));
    expect(median([0.51, 0.49], [0.5, 1])).toBe(f32(0.5));
    expect(median([0.49, 0.01, 0.5], [0.5, 0.7, 1])).toBe(f32(0.7));
    expect(median([0.49, 0.51, 0], [0.5, 0.7, 1])).toBe(f32(0.7));
    expect(median([0, 0.49, 0, 0.51], [0.5, 0.5, 1, 1])).toBe(f32(1));
    expect(median([0.2, 0.2, 0.2, 0.2, 0.2], [0.8, 0.2, 1, 0.6, 0.4])).toBe(f32(0.6));
  });

  it('returns 0 when stake and score lengths differ', () => {
    const s = vec([0.5, 0.5]);
    const minority = f32(0.49);
    const input = { stake: s, score: vec([1]), partitionIdx: [0], minority, partitionLo: 0n as I32F32 };
    expect(weightedMedian({ ...input, partitionHi: sum(s) })).toBe(0n);
  });

  it('equals the cumulative-stake reference and is always one of the scores', () => {
    const entry = fc.tuple(
      fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 1000n << 32n })),
      fc.oneof(
        fc.bigInt({ min: 0n, max: 8n }).map((k) => k << 29n),
        fc.bigInt({ min: -(1n << 40n), max: 1n << 40n }),
      ),
    );
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 30 }),
        fc.bigInt({ min: -2n, max: 2n }),
        fc.nat(1000),
        (entries, k, p) => {
          const stake = entries.map(([s]) => s as I32F32);
          const score = entries.map(([, v]) => v as I32F32);
          const total = sum(stake);
          // Minorities from below 0 to above the total, including the exact cumulative edges.
          const minority = ((total * BigInt(p)) / 1000n + k) as I32F32;
          const got = weightedMedian({
            stake,
            score,
            partitionIdx: stake.map((_, i) => i),
            minority,
            partitionLo: 0n as I32F32,
            partitionHi: total,
          });
          expect(got).toBe(referenceMedian(stake, score, minority));
          if (score.length > 0) expect(score).toContain(got);
        },
      ),
    );
  });
});

describe('weightedMedianCol (consensus)', () => {
  const stake = vec([0, 0.75, 0.25, 0]);
  const weights = [vec([0, 0.1, 0]), vec([0, 0.2, 0.4]), vec([0, 0.3, 0.1]), vec([0, 0.4, 0.5])];

  it('uses only rows with stake, renormalised, for dense and sparse alike', () => {
    for (const [kappa, want] of [
      [0.24, [0, 0.3, 0.4]],
      [0.26, [0, 0.2, 0.4]],
      [0.76, [0, 0.2, 0.1]],
    ] as const) {
      const majority = f32(kappa);
      expect(weightedMedianCol({ stake, score: weights, majority })).toEqual(vec(want));
      expect(weightedMedianColSparse({ stake, score: toSparse(weights), columns: 3, majority })).toEqual(
        vec(want),
      );
    }
  });

  it('is empty without columns and 0 without staked rows', () => {
    expect(weightedMedianCol({ stake: [], score: [[]], majority: f32(0.5) })).toEqual([]);
    expect(weightedMedianColSparse({ stake: [], score: [[]], columns: 0, majority: f32(0.5) })).toEqual([]);
    const zeros = vec([0, 0]);
    const m = [vec([0, 0]), vec([0, 0])];
    expect(weightedMedianCol({ stake: zeros, score: m, majority: f32(0.5) })).toEqual([0n, 0n]);
    expect(
      weightedMedianColSparse({ stake: zeros, score: toSparse(m), columns: 2, majority: f32(0.5) }),
    ).toEqual([0n, 0n]);
  });

  it('dense and sparse agree (a missing weight counts as 0) and pick a value of the column', () => {
    const cell = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 1n << 32n })) as fc.Arbitrary<I32F32>;
    const shape = fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }));
    fc.assert(
      fc.property(
        shape.chain(([r, c]) =>
          fc.tuple(
            fc.array(cell, { minLength: r, maxLength: r }),
            fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
          ),
        ),
        fc.integer({ min: 0, max: 100 }),
        ([stakeRaw, m], kappa) => {
          const s = normalize(stakeRaw);
          const majority = ((I32F32.one * BigInt(kappa)) / 100n) as I32F32;
          const columns = m[0]?.length ?? 0;
          const dense = weightedMedianCol({ stake: s, score: m, majority });
          expect(weightedMedianColSparse({ stake: s, score: toSparse(m), columns, majority })).toEqual(dense);
          dense.forEach((c, j) => {
            expect([0n, ...m.map((row) => row[j])]).toContain(c);
          });
        },
      ),
    );
  });
});
