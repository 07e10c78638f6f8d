/**
 * The typed-array twins of the epoch helpers against their bigint originals, on random sparse matrices
 * shaped as the chain stores them (ascending columns, values in [0, 1], explicit zeros, ties and the
 * value 1 itself): every twin must return the same raw bits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { I32F32 } from '../../fixed/index.ts';
import { colClipCsr, colClipSparse, colMaxUpscaleCsr, colMaxUpscaleSparse } from './columns.ts';
import {
  bigintToRaw,
  type CsrMat32,
  csrFromRows,
  csrToRows,
  rawToBigint,
  scratchF64,
  unionCount,
} from './csr.ts';
import { interpolateCsr, interpolateSparse } from './interpolate.ts';
import { matEmaAlphaCsr, matEmaAlphaSparse, matEmaCsr, matEmaSparse } from './matEma.ts';
import {
  matmulCsr,
  matmulSparse,
  matmulTransposeCsr,
  matmulTransposeSparse,
  matVecMulSparse,
  rowHadamardCsr,
  rowHadamardSparse,
  rowSumCsr,
  rowSumSparse,
  vecMul,
  vecMulRaw,
} from './matmul.ts';
import { colNormalizeCsr, colNormalizeSparse, normalize, normalizeRaw } from './normalize.ts';
import type { SparseEntry32, SparseMat32 } from './types.ts';
import { fixedProportionToU16, proportionToU16Raw } from './u16.ts';
import { weightedMedianColCsr, weightedMedianColSparse } from './weightedMedian.ts';

const ONE = I32F32.one;

/** Raw values in [0, 1], often 0, 1 or a repeated value (ties matter to the median). */
const unit: fc.Arbitrary<I32F32> = fc.oneof(
  fc.bigInt({ min: 0n, max: ONE }),
  fc.constantFrom(0n, ONE, ONE >> 1n, 1n, ONE - 1n),
  fc.integer({ min: 0, max: 8 }).map((k) => (BigInt(k) * ONE) / 8n),
) as fc.Arbitrary<I32F32>;

/** A sparse row over `n` columns: ascending, unique. */
const row = (n: number, cell: fc.Arbitrary<I32F32>) =>
  fc
    .uniqueArray(fc.tuple(fc.nat({ max: n - 1 }), cell), { selector: ([j]) => j, maxLength: n })
    .map((r) => r.sort((a, b) => a[0] - b[0]) as SparseEntry32[]);

/** n x n sparse matrices (1 to 24 UIDs), possibly dense. */
const matrices = (count: number, cell: fc.Arbitrary<I32F32> = unit) =>
  fc.integer({ min: 1, max: 24 }).chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(fc.array(row(n, cell), { minLength: n, maxLength: n }), {
        minLength: count,
        maxLength: count,
      }),
      fc.array(unit, { minLength: n, maxLength: n }),
    ),
  );

const rows = (m: CsrMat32) => csrToRows(m);
const raw = (m: SparseMat32) => csrFromRows(m);

describe('csr layout', () => {
  it('round-trips bigint rows and vectors', () => {
    fc.assert(
      fc.property(matrices(1), ([, [m], v]) => {
        expect(csrToRows(csrFromRows(m!))).toEqual(m);
        expect(rawToBigint(bigintToRaw(v))).toEqual(v);
      }),
    );
  });

  it('counts the union of each pair of rows', () => {
    fc.assert(
      fc.property(matrices(2), ([, [a, b]]) => {
        const want = a!.reduce((s, r, i) => s + new Set([...r, ...(b![i] ?? [])].map(([j]) => j)).size, 0);
        expect(unionCount(raw(a!), raw(b!))).toBe(want);
      }),
    );
  });

  it('hands out zeroed scratch memory', () => {
    scratchF64(8).fill(7);
    expect([...scratchF64(10)]).toEqual(new Array(10).fill(0));
  });
});

describe('typed twins give the bigint bits', () => {
  it('column clip, max-upscale and normalise', () => {
    fc.assert(
      fc.property(matrices(1), ([n, [m], v]) => {
        expect(rows(colClipCsr(raw(m!), bigintToRaw(v)))).toEqual(colClipSparse(m!, v));
        expect(rows(colClipCsr(raw(m!), bigintToRaw(v.slice(1))))).toEqual(colClipSparse(m!, v.slice(1)));
        expect(rows(colMaxUpscaleCsr(raw(m!), n))).toEqual(colMaxUpscaleSparse(m!, n));
        expect(rows(colNormalizeCsr(raw(m!), n))).toEqual(colNormalizeSparse(m!, n));
      }),
      { numRuns: 300 },
    );
  });

  it('vector normalise and u16 storage', () => {
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (v) => {
        expect(rawToBigint(normalizeRaw(bigintToRaw(v)))).toEqual(normalize(v));
        for (const x of v) expect(proportionToU16Raw(Number(x))).toBe(fixedProportionToU16(x));
      }),
    );
  });

  it('products and row sums', () => {
    fc.assert(
      fc.property(matrices(1), ([n, [m], v]) => {
        const c = raw(m!);
        const vr = bigintToRaw(v);
        expect(rawToBigint(matmulCsr(c, vr, n))).toEqual(matmulSparse({ matrix: m!, vector: v, columns: n }));
        expect(rawToBigint(matmulTransposeCsr(c, vr))).toEqual(matmulTransposeSparse(m!, v));
        expect(rawToBigint(matmulTransposeCsr(c, vr))).toEqual(rowSumSparse(matVecMulSparse(m!, v)));
        expect(rawToBigint(rowSumCsr(c))).toEqual(rowSumSparse(m!));
        expect(rows(rowHadamardCsr(c, vr))).toEqual(rowHadamardSparse(m!, v));
        expect(rawToBigint(vecMulRaw(vr, vr))).toEqual(vecMul(v, v));
      }),
      { numRuns: 300 },
    );
  });

  it('bond moving averages, scalar and per-entry alpha', () => {
    fc.assert(
      fc.property(
        matrices(2),
        unit,
        fc.array(unit, { minLength: 600, maxLength: 600 }),
        ([n, [next, old]], alpha, cells) => {
          expect(rows(matEmaCsr({ new: raw(next!), old: raw(old!), alpha: Number(alpha) }))).toEqual(
            matEmaSparse({ new: next!, old: old!, alpha }),
          );
          // A dense alpha matrix for the bigint twin, the entries under `next` for the typed one.
          const alphaRows = Array.from({ length: n }, (_, i) =>
            Array.from({ length: n }, (_, j) => cells[(i * n + j) % cells.length]!),
          );
          const perEntry = Float64Array.from(
            next!.flatMap((r, i) => r.map(([j]) => Number(alphaRows[i]![j]!))),
          );
          expect(rows(matEmaAlphaCsr({ new: raw(next!), old: raw(old!), alpha: perEntry }))).toEqual(
            matEmaAlphaSparse({ new: next!, old: old!, alpha: alphaRows }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('bonds-penalty interpolation between weights and clipped weights', () => {
    fc.assert(
      fc.property(matrices(1), unit, ([n, [w], c], ratio) => {
        const clipped = colClipSparse(w!, c);
        for (const r of [ratio, 0n as I32F32, ONE]) {
          expect(rows(interpolateCsr({ a: raw(w!), b: raw(clipped), ratio: Number(r) }))).toEqual(
            interpolateSparse({ a: w!, b: clipped, columns: n, ratio: r }),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stake-weighted median of every column', () => {
    const stake = fc.oneof(unit, fc.constant(0n as I32F32));
    fc.assert(
      fc.property(
        matrices(1),
        fc.array(stake, { minLength: 24, maxLength: 24 }),
        unit,
        ([n, [w]], s, kappa) => {
          const st = normalize(s.slice(0, n));
          expect(
            rawToBigint(
              weightedMedianColCsr({
                stake: bigintToRaw(st),
                score: raw(w!),
                columns: n,
                majority: Number(kappa),
              }),
            ),
          ).toEqual(weightedMedianColSparse({ stake: st, score: w!, columns: n, majority: kappa }));
        },
      ),
      { numRuns: 500 },
    );
  });
});
