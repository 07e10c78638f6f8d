/**
 * First-order and total-effect Sobol' indices from the responses at a Saltelli design (saltelliDesign.ts),
 * with bootstrap intervals.
 *
 * With f_A, f_B and f_AB(i) the responses at the rows j = 1 … N of A, B and A_B^(i), and V the variance
 * of the 2N responses at A and B together:
 * - first order (Saltelli et al. 2010, Table 2 (b)):  S_i  = (1/N) Σ_j f_B,j (f_AB(i),j − f_A,j) / V
 * - total effect (Jansen 1999; Saltelli et al. 2010, Table 2 (f)): S_Ti = (1/2N) Σ_j (f_A,j − f_AB(i),j)² / V
 *
 * f_B is centred on the mean of the A and B responses first: the expectation is unchanged (the mean of
 * f_AB(i) − f_A is zero in expectation), but an outcome far from zero relative to its spread otherwise
 * multiplies the noise of that difference by its level, and the first-order estimate swings wildly.
 *
 * References: A. Saltelli, P. Annoni, I. Azzini, F. Campolongo, M. Ratto, S. Tarantola, "Variance based
 * sensitivity analysis of model output. Design and estimator for the total sensitivity index", Comput.
 * Phys. Commun. 181 (2010) 259–270; M. J. W. Jansen, "Analysis of variance designs for model output",
 * Comput. Phys. Commun. 117 (1999) 35–43. The intervals resample the N rows with replacement (each
 * resample keeps a row's A, B and A_B^(i) responses together, recomputing V) and take the percentiles
 * of the resampled estimates. Rows with a non-finite response (every run of a point errored) are left
 * out of the estimates.
 */
import { InputError } from '../../engine/errors.ts';
import { createStream } from '../rng/stream.ts';
import { quantileSorted } from '../stats/quantileSorted.ts';

/** Bootstrap resamples when the caller does not say. */
export const DEFAULT_RESAMPLES = 1000;

/** Coverage of the intervals when the caller does not say. */
export const DEFAULT_LEVEL = 0.95;

/** The random stream's subsystem name, so the resamples share no draws with anything else of the seed. */
const SUBSYSTEM = 'sweep/sobol-bootstrap';

/** An estimate with its bootstrap interval. */
export interface IntervalEstimate {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

/** The indices of one parameter. */
export interface ParameterIndices {
  /** S_i: the share of the variance the parameter causes alone. */
  readonly firstOrder: IntervalEstimate;
  /** S_Ti: the share it causes alone and through its interactions. */
  readonly totalEffect: IntervalEstimate;
}

/** What {@link sobolIndices} estimated. */
export interface SobolEstimate {
  /** One entry per parameter, in the design's order. */
  readonly parameters: readonly ParameterIndices[];
  /** V: the variance of the responses at A and B (NaN when no row is usable). */
  readonly variance: number;
  /** Rows of the design used (those with every response finite), of N. */
  readonly rows: number;
  readonly resamples: number;
  readonly level: number;
}

/** The point estimates of every parameter from the rows `pick(0) … pick(m − 1)`. */
function estimate(
  f: { a: Float64Array; b: Float64Array; ab: Float64Array[] },
  m: number,
  pick: (j: number) => number,
): { s1: number[]; st: number[] } {
  let sum = 0;
  let sumSq = 0;
  for (let j = 0; j < m; j++) {
    const r = pick(j);
    sum += f.a[r]! + f.b[r]!;
    sumSq += f.a[r]! ** 2 + f.b[r]! ** 2;
  }
  const mean = sum / (2 * m);
  const variance = sumSq / (2 * m) - mean * mean;
  const s1: number[] = [];
  const st: number[] = [];
  for (const ab of f.ab) {
    let first = 0;
    let total = 0;
    for (let j = 0; j < m; j++) {
      const r = pick(j);
      first += (f.b[r]! - mean) * (ab[r]! - f.a[r]!);
      total += (f.a[r]! - ab[r]!) ** 2;
    }
    s1.push(variance > 0 ? first / m / variance : Number.NaN);
    st.push(variance > 0 ? total / (2 * m) / variance : Number.NaN);
  }
  return { s1, st };
}

/**
 * Estimate the indices of `parameters` parameters from `responses` in the design's order (A, B, A_B^(1) …
 * A_B^(k), `n` rows each).
 * @example sobolIndices({ responses, n: 1024, parameters: 3, seed: 1 }).parameters[0].firstOrder.value
 */
export function sobolIndices({
  responses,
  n,
  parameters,
  seed,
  resamples = DEFAULT_RESAMPLES,
  level = DEFAULT_LEVEL,
}: {
  responses: ArrayLike<number>;
  n: number;
  parameters: number;
  /** Seeds the bootstrap. */
  seed: number;
  resamples?: number;
  level?: number;
}): SobolEstimate {
  const k = parameters;
  if (responses.length !== n * (k + 2))
    throw new InputError(
      'responses',
      `expected N(k + 2) = ${n * (k + 2)} responses for N = ${n} and ${k} parameters, got ${responses.length}`,
    );
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new InputError('resamples', `expected an integer of at least 1, got ${resamples}`);
  if (!(level > 0 && level < 1))
    throw new InputError('level', `expected a share between 0 and 1, got ${level}`);
  const block = (offset: number) => Float64Array.from({ length: n }, (_, j) => responses[offset + j]!);
  const all = {
    a: block(0),
    b: block(n),
    ab: Array.from({ length: k }, (_, i) => block((2 + i) * n)),
  };
  const usable: number[] = [];
  for (let j = 0; j < n; j++)
    if ([all.a[j]!, all.b[j]!, ...all.ab.map((c) => c[j]!)].every(Number.isFinite)) usable.push(j);
  const m = usable.length;
  const nan = { value: Number.NaN, low: Number.NaN, high: Number.NaN };
  if (m === 0)
    return {
      parameters: Array.from({ length: k }, () => ({ firstOrder: nan, totalEffect: nan })),
      variance: Number.NaN,
      rows: 0,
      resamples,
      level,
    };
  const point = estimate(all, m, (j) => usable[j]!);
  let sum = 0;
  let sumSq = 0;
  for (const j of usable) {
    sum += all.a[j]! + all.b[j]!;
    sumSq += all.a[j]! ** 2 + all.b[j]! ** 2;
  }
  const variance = sumSq / (2 * m) - (sum / (2 * m)) ** 2;

  const rng = createStream(seed, 0, SUBSYSTEM);
  const drawn = new Int32Array(m);
  const s1 = Array.from({ length: k }, () => new Float64Array(resamples));
  const st = Array.from({ length: k }, () => new Float64Array(resamples));
  for (let b = 0; b < resamples; b++) {
    for (let j = 0; j < m; j++) drawn[j] = usable[Math.floor(rng.uniform() * m)]!;
    const e = estimate(all, m, (j) => drawn[j]!);
    for (let i = 0; i < k; i++) {
      s1[i]![b] = e.s1[i]!;
      st[i]![b] = e.st[i]!;
    }
  }
  const tail = (1 - level) / 2;
  const interval = (value: number, draws: Float64Array): IntervalEstimate => {
    const finite = draws.filter(Number.isFinite).sort();
    return { value, low: quantileSorted(finite, tail), high: quantileSorted(finite, 1 - tail) };
  };
  return {
    parameters: Array.from({ length: k }, (_, i) => ({
      firstOrder: interval(point.s1[i]!, s1[i]!),
      totalEffect: interval(point.st[i]!, st[i]!),
    })),
    variance,
    rows: m,
    resamples,
    level,
  };
}
