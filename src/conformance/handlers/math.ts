/**
 * Conformance handlers for math.json (the I32F32 helpers of the chain's epoch/math.rs).
 *
 * Inputs are decimals; the chain's tests turn them into I32F32 with `from_num` of an f32 literal
 * (`vec_to_fixed`, `fixed(..)`) or of an f64 literal (`I32F32::from_num(0.9)`). Both round to nearest,
 * so an f32 literal is `fromF64(Math.fround(x))`. Where the test uses `assert_eq` the expected decimals
 * go through the same conversion and the bits are compared.
 */
import {
  checkVecMaxLimited,
  colClip,
  colMaxUpscale,
  colNormalize,
  fixed64ToFixed32,
  interpolate,
  isTopk,
  type Mat32,
  matEmaAlpha,
  matEmaAlphaSparse,
  matmul,
  normalize,
  type SparseEntry32,
  type SparseMat32,
  sigmoidSafe,
  sum,
  toDense,
  toSparse,
  type Vec32,
  vecMaxUpscaleToU16,
  weightedMedian,
  weightedMedianCol,
  weightedMedianColSparse,
} from '../../engine/epoch/math/index.ts';
import { InputError } from '../../engine/errors.ts';
import { div, fromF64, fromInt, I32F32, I64F64, sub, toF64 } from '../../engine/fixed/index.ts';
import type { Check } from '../compare.ts';
import { big, list, num, toBig, toNum } from '../read.ts';
import type { Handler } from '../registry.ts';
import type { Json } from '../vector.ts';

type Literal = 'f32' | 'f64';

/** `I32F32::from_num` of an f32 or f64 literal; also accepts the names of the extreme values. */
function fixedOf(v: Json, field: string, literal: Literal): I32F32 {
  if (v === 'I32F32::MIN') return I32F32.min;
  if (v === 'I32F32::MAX') return I32F32.max;
  const x = toNum(v, field);
  return fromF64(I32F32, literal === 'f32' ? Math.fround(x) : x);
}

function arrayOf(v: Json, field: string): Json[] {
  if (!Array.isArray(v)) throw new InputError(field, 'expected an array');
  return v;
}

function vec(v: Json, field: string, literal: Literal = 'f32'): I32F32[] {
  return arrayOf(v, field).map((x, i) => fixedOf(x, `${field}[${i}]`, literal));
}

function mat(v: Json, field: string, literal: Literal = 'f32'): I32F32[][] {
  return arrayOf(v, field).map((row, i) => vec(row, `${field}[${i}]`, literal));
}

/** Rows of `[col, value]` pairs. */
function sparse(v: Json, field: string, literal: Literal = 'f32'): SparseEntry32[][] {
  return arrayOf(v, field).map((row, i) =>
    arrayOf(row, `${field}[${i}]`).map((entry, k) => {
      const [col, value] = arrayOf(entry, `${field}[${i}][${k}]`);
      const where = `${field}[${i}][${k}]`;
      if (col === undefined || value === undefined) throw new InputError(where, 'expected [col, value]');
      return [Number(toBig(col, where)), fixedOf(value, where, literal)] as const;
    }),
  );
}

const floats = (v: Vec32): number[] => v.map((x) => toF64(I32F32, x));
const floatRows = (m: Mat32): number[][] => m.map(floats);
const sparseFloats = (m: SparseMat32): number[][][] =>
  m.map((row) => row.map(([j, x]) => [j, toF64(I32F32, x)]));

/** Bit-exact comparison with the expected decimals converted like the test's own targets. */
function bitsCheck(key: string, actual: Vec32, expected: Json | undefined, literal: Literal): Check {
  if (expected === undefined || expected === null) return { key, ok: true, detail: 'not asserted' };
  const want = vec(Array.isArray(expected) ? expected : [expected], `expected.${key}`, literal);
  const ok = want.length === actual.length && want.every((w, i) => w === actual[i]);
  const show = (v: Vec32) => v.map((x) => `${toF64(I32F32, x)} (bits ${x})`).join(', ');
  return { key, ok, detail: `got [${show(actual)}], want [${show(want)}]` };
}

export const mathHandlers: Record<string, Handler> = {
  weighted_median: (v) => {
    const stake = vec(list(v.inputs, 'stake'), 'stake');
    const score = vec(list(v.inputs, 'score'), 'score');
    // The test passes `one - majority` with `majority = fixed(0.51)`.
    const minority = sub(I32F32, I32F32.one, fixedOf(num(v.inputs, 'majority'), 'majority', 'f32'));
    const hiInput = v.inputs.partition_hi;
    const partitionHi = hiInput === 'sum(stake)' ? sum(stake) : fixedOf(hiInput ?? 0, 'partition_hi', 'f32');
    const median = weightedMedian({
      stake,
      score,
      partitionIdx: stake.map((_, i) => i),
      minority,
      partitionLo: fixedOf(num(v.inputs, 'partition_lo'), 'partition_lo', 'f32'),
      partitionHi,
    });
    return { actual: {}, checks: [bitsCheck('median', [median], v.expected.median, 'f32')] };
  },

  weighted_median_col: (v) => {
    const stake = vec(list(v.inputs, 'stake'), 'stake');
    const weights = mat(list(v.inputs, 'weights'), 'weights');
    const majority = fixedOf(num(v.inputs, 'majority'), 'majority', 'f32');
    const columns = Number(big(v.inputs, 'columns'));
    const dense = weightedMedianCol({ stake, score: weights, majority });
    const sparseMedian = weightedMedianColSparse({ stake, score: toSparse(weights), columns, majority });
    const expected = v.expected.median;
    const d = bitsCheck('median', dense, expected, 'f32');
    const s = bitsCheck('median', sparseMedian, expected, 'f32');
    return {
      actual: {},
      checks: [{ key: 'median', ok: d.ok && s.ok, detail: `dense: ${d.detail}; sparse: ${s.detail}` }],
    };
  },

  normalize: (v) => ({ actual: { y: floats(normalize(vec(list(v.inputs, 'x'), 'x'))) } }),

  u64_normalization_precision: (v) => {
    const total = fromInt(I64F64, big(v.inputs, 'total'));
    const shares = list(v.inputs, 'stakes').map((s, i) =>
      div(I64F64, fromInt(I64F64, toBig(s, `stakes[${i}]`)), total),
    );
    const narrowed = shares.map(fixed64ToFixed32);
    return {
      actual: {
        i64f64: shares.map((x) => toF64(I64F64, x)),
        i64f64_bits: shares,
        i32f32: floats(narrowed),
        i32f32_bits: narrowed,
      },
    };
  },

  col_normalize_dense: (v) => ({
    actual: { matrix: floatRows(colNormalize(mat(list(v.inputs, 'matrix'), 'matrix'))) },
  }),

  col_max_upscale_dense: (v) => ({
    actual: { matrix: floatRows(colMaxUpscale(mat(list(v.inputs, 'matrix'), 'matrix'))) },
  }),

  col_clip_dense: (v) => ({
    actual: {
      matrix: floatRows(
        colClip(
          mat(list(v.inputs, 'matrix'), 'matrix'),
          vec(list(v.inputs, 'col_threshold'), 'col_threshold'),
        ),
      ),
    },
  }),

  'interpolate_ratio_0.9': (v) => {
    const result = interpolate({
      a: mat(list(v.inputs, 'A'), 'A'),
      b: mat(list(v.inputs, 'B'), 'B'),
      // The test writes `I32F32::from_num(0.9)`: an f64 literal.
      ratio: fixedOf(num(v.inputs, 'ratio'), 'ratio', 'f64'),
    });
    return { actual: { result: floatRows(result) } };
  },

  matmul_row_weighted_sum: (v) => ({
    actual: { result: floats(matmul(mat(list(v.inputs, 'W'), 'W'), vec(list(v.inputs, 's'), 's'))) },
  }),

  mat_ema_alpha_dense: (v) => {
    const result = matEmaAlpha({
      new: mat(list(v.inputs, 'new'), 'new'),
      old: mat(list(v.inputs, 'old'), 'old'),
      alpha: mat(list(v.inputs, 'alpha'), 'alpha'),
    });
    return { actual: { result: floatRows(result) } };
  },

  mat_ema_alpha_sparse: (v) => {
    const next = mat(list(v.inputs, 'new'), 'new');
    const alpha = mat(list(v.inputs, 'alpha'), 'alpha');
    // Dense in the file; zeros are absent entries (the test's sparse builder keeps values > 0).
    const result = matEmaAlphaSparse({
      new: toSparse(next),
      old: toSparse(mat(list(v.inputs, 'old'), 'old')),
      alpha,
    });
    return { actual: { result: floatRows(toDense(result, next[0]?.length ?? 0)) } };
  },

  mat_ema_alpha_sparse_entries: (v) => {
    // test_mat_ema_alpha_sparse_varying_alpha writes `I32F32::from_num(0.1)` (f64 literals) and its
    // 1e-6 tolerance sees the f32 difference; the other test of this kind allows 0.1.
    const result = matEmaAlphaSparse({
      new: sparse(list(v.inputs, 'new_sparse'), 'new_sparse', 'f64'),
      old: sparse(list(v.inputs, 'old_sparse'), 'old_sparse', 'f64'),
      alpha: mat(list(v.inputs, 'alpha'), 'alpha', 'f64'),
    });
    return { actual: { result_sparse: sparseFloats(result) } };
  },

  vec_max_upscale_to_u16: (v) => ({ actual: { u16: vecMaxUpscaleToU16(vec(list(v.inputs, 'x'), 'x')) } }),

  is_topk: (v) => ({
    actual: { mask: isTopk(vec(list(v.inputs, 'vector'), 'vector'), Number(big(v.inputs, 'k'))) },
  }),

  check_vec_max_limited: (v) => ({
    actual: {
      result: list(v.inputs, 'cases').map((c, i) => {
        if (c === null || typeof c !== 'object' || Array.isArray(c)) {
          throw new InputError(`cases[${i}]`, 'expected an object');
        }
        const values = list(c, 'vec').map((x, k) => Number(toBig(x, `cases[${i}].vec[${k}]`)));
        return checkVecMaxLimited(values, Number(big(c, 'max_limit')));
      }),
    },
  }),

  'sigmoid_safe_rho30_kappa0.5': (v) => {
    // The test writes every input with `I32F32::from_num` of an f64 (or integer) literal.
    const rho = fixedOf(num(v.inputs, 'rho'), 'rho', 'f64');
    const kappa = fixedOf(num(v.inputs, 'kappa'), 'kappa', 'f64');
    const y = vec(list(v.inputs, 'x'), 'x', 'f64').map((input) => sigmoidSafe({ input, rho, kappa }));
    return { actual: {}, checks: [bitsCheck('y', y, v.expected.y, 'f64')] };
  },
};
