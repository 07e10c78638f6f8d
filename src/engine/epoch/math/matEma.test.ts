import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, fromF64, I32F32, mul, sub } from '../../fixed/index.ts';
import { matEma, matEmaAlpha, matEmaAlphaSparse, matEmaSparse } from './matEma.ts';
import { toDense, toSparse } from './sparse.ts';
import type { SparseMat32 } from './types.ts';

const fx = (x: number) => fromF64(I32F32, x);
const mat = (rows: readonly (readonly number[])[]) => rows.map((r) => r.map(fx));

/** Raw values in [0, 1]. */
const unit = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 1n << 32n })) as fc.Arbitrary<I32F32>;
const square = (cell: fc.Arbitrary<I32F32>) =>
  fc
    .integer({ min: 1, max: 6 })
    .chain((n) => fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: n, maxLength: n }));

describe('matEma (scalar alpha)', () => {
  it('mixes alpha * new + (1 - alpha) * old cell by cell', () => {
    const got = matEma({ new: mat([[1, 0]]), old: mat([[0, 1]]), alpha: fx(0.25) });
    expect(got).toEqual([[fx(0.25), fx(0.75)]]);
    expect(matEma({ new: [], old: [], alpha: fx(0.1) })).toEqual([[]]);
  });

  it('sparse twin keeps decaying old entries and drops results <= 0', () => {
    const got = matEmaSparse({ new: [[], [[1, fx(1)]]], old: [[[0, fx(1)]], []], alpha: fx(0.5) });
    expect(got).toEqual([[[0, fx(0.5)]], [[1, fx(0.5)]]]);
    expect(matEmaSparse({ new: [], old: [], alpha: fx(0.5) })).toEqual([]);
  });

  it('sparse and dense agree on square non-negative matrices', () => {
    fc.assert(
      fc.property(square(unit), square(unit), unit, (next, old, alpha) => {
        fc.pre(next.length === old.length);
        const n = next.length;
        const dense = matEma({ new: next, old, alpha });
        expect(toDense(matEmaSparse({ new: toSparse(next), old: toSparse(old), alpha }), n)).toEqual(dense);
      }),
    );
  });
  it('sparse: unordered rows, repeated and out-of-range columns come out like a dense accumulator', () => {
    // Reference: the chain's densified row (one cell per column < n, new then old, keep > 0).
    const reference = (next: SparseMat32, old: SparseMat32, alpha: I32F32) =>
      next.map((row, i) => {
        const acc = new Array<I32F32>(next.length).fill(0n as I32F32);
        for (const [j, v] of row) if (j < acc.length) acc[j] = add(I32F32, acc[j]!, mul(I32F32, alpha, v));
        for (const [j, v] of old[i] ?? [])
          if (j < acc.length) acc[j] = add(I32F32, acc[j]!, mul(I32F32, sub(I32F32, I32F32.one, alpha), v));
        return acc.flatMap((v, j) => (v > 0n ? [[j, v] as const] : []));
      });
    const entry = fc
      .tuple(fc.nat({ max: 7 }), fc.bigInt({ min: -(1n << 32n), max: 1n << 33n }))
      .map(([j, v]) => [j, v as I32F32] as const);
    const rows = fc.array(fc.array(entry, { maxLength: 6 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(rows, rows, unit, (next, old, alpha) => {
        expect(matEmaSparse({ new: next, old, alpha })).toEqual(reference(next, old, alpha));
      }),
    );
  });
});

describe('matEmaAlpha (per-cell alpha, Yuma 3 liquid alpha)', () => {
  it('clamps to 1 and matches the chain test cases', () => {
    const next = mat([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const old = mat([
      [0.5, 1.5, 2.5],
      [3.5, 4.5, 5.5],
    ]);
    const half = mat([
      [0.5, 0.5, 0.5],
      [0.5, 0.5, 0.5],
    ]);
    expect(matEmaAlpha({ new: next, old, alpha: half })).toEqual(
      mat([
        [0.75, 1, 1],
        [1, 1, 1],
      ]),
    );
    expect(matEmaAlpha({ new: [], old: [], alpha: [] })).toEqual([[]]);
  });

  it('returns old on a row-count mismatch and new on a row-length mismatch', () => {
    const next = mat([[0.1, 0.2]]);
    const old = mat([[0.3, 0.4, 0.5]]);
    expect(matEmaAlpha({ new: next, old, alpha: mat([[0.5, 0.5, 0.5]]) })).toEqual(next);
    expect(matEmaAlpha({ new: next, old: [...old, ...old], alpha: mat([[0.5]]) })).toEqual([...old, ...old]);
  });

  it('sparse: keeps only columns of the NEW row, so an old bond without a new entry disappears', () => {
    const alpha = mat([
      [0.1, 0.1, 0.1],
      [0.1, 0.1, 0.1],
    ]);
    const got = matEmaAlphaSparse({ new: [[], [[1, fx(2)]]], old: [[[0, fx(1)]], []], alpha });
    expect(got[0]).toEqual([]);
    // 0.9 * 0 + 0.1 * 2, with 0.1 as its nearest I32F32 (a hair above 0.1).
    expect(got[1]).toEqual([[1, mul(I32F32, fx(0.1), fx(2))]]);
    // An explicit zero weight keeps the column: the old bond decays instead of vanishing.
    const kept = matEmaAlphaSparse({ new: [[[0, 0n as I32F32]]], old: [[[0, fx(1)]]], alpha: mat([[0.5]]) });
    expect(kept).toEqual([[[0, fx(0.5)]]]);
    expect(matEmaAlphaSparse({ new: [[[0, fx(1)]]], old: [], alpha: [] })).toEqual([[[0, fx(1)]]]);
  });

  it('stays in [0, 1] and equals the dense form when every column is present', () => {
    const positive = fc.bigInt({ min: 1n, max: 1n << 32n }) as fc.Arbitrary<I32F32>;
    fc.assert(
      fc.property(square(positive), square(unit), square(unit), (next, old, alpha) => {
        fc.pre(next.length === old.length && next.length === alpha.length);
        const dense = matEmaAlpha({ new: next, old, alpha });
        expect(dense.flat().filter((v) => v < 0n || v > I32F32.one)).toEqual([]);
        const sparse = matEmaAlphaSparse({ new: toSparse(next), old: toSparse(old), alpha });
        expect(toDense(sparse, next.length)).toEqual(dense);
      }),
    );
  });
});
