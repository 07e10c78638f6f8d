import { describe, expect, it } from 'vitest';
import { exactQuantile } from '../../../test/support/exactQuantile.ts';
import type { MetricInfo } from '../contract/types.ts';
import { createAttributionCollector } from './attributionCollector.ts';
import { OUTCOME_ACCURACY } from './outcomeCollector.ts';

const metric = (key: string, unit: MetricInfo['unit']): MetricInfo => ({
  key,
  label: `Label ${key}`,
  unit,
  description: key,
});
// The attributed return sits between its parts in the outcome order, to check the lookup by key.
const outcomes = [metric('a', 'ratio'), metric('ret', 'return'), metric('b', 'ratio')];
const attribution = { of: 'ret', parts: ['a', 'b'], label: 'Log return' };

/** Known data: the log return of each run, and part `a`; part `b` is the rest. */
const LOGS = [0.1, -0.2, 0.3, 0.05, -0.4];
const A = [0.2, -0.1, 0.1, 0.3, -0.1];
const B = LOGS.map((x, i) => x - A[i]!);

/** Within the sketches' stated error of the exact quantile of `values`. */
function expectQuantile(got: number, values: readonly number[], q: number) {
  const exact = exactQuantile(values, q);
  expect(Math.abs(got - exact.value), `got ${got}, exact ${exact.value}`).toBeLessThanOrEqual(
    OUTCOME_ACCURACY * exact.bound * (1 + 1e-9),
  );
}

describe('attribution collector', () => {
  it('gives exact means, medians within 0.5%, the residual and the last part share on known data', () => {
    const c = createAttributionCollector({ attribution, outcomes });
    for (const [i, x] of LOGS.entries()) c.push(Float64Array.of(A[i]!, Math.expm1(x), B[i]!));
    // Left out: a total loss has no log, and a part that is not finite cannot be added up.
    c.push(Float64Array.of(0.1, -1, 0.2));
    c.push(Float64Array.of(Number.NaN, 0.1, 0.2));
    const r = c.result();
    expect({ of: r.of, label: r.label, count: r.count, skipped: r.skipped }).toEqual({
      of: 'ret',
      label: 'Log return',
      count: 5,
      skipped: 2,
    });
    expect(r.parts.map((p) => [p.key, p.label])).toEqual([
      ['a', 'Label a'],
      ['b', 'Label b'],
    ]);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(r.parts[0]!.mean).toBeCloseTo(0.08, 15);
    expect(r.parts[1]!.mean).toBeCloseTo(mean(B), 15);
    expect(r.total.mean).toBeCloseTo(-0.03, 15);
    // The point of means: they add up to the mean log return.
    expect(Math.abs(r.parts[0]!.mean + r.parts[1]!.mean - r.total.mean)).toBeLessThan(1e-15);
    // Exact medians: a 0.1, b -0.1, total 0.05; of magnitudes: |a| 0.1, |b| 0.2, |total| 0.2.
    expectQuantile(r.parts[0]!.median, A, 0.5);
    expectQuantile(r.parts[1]!.median, B, 0.5);
    expectQuantile(r.total.median, LOGS, 0.5);
    expectQuantile(r.parts[0]!.medianAbs, A.map(Math.abs), 0.5);
    expectQuantile(r.parts[1]!.medianAbs, B.map(Math.abs), 0.5);
    expectQuantile(r.total.medianAbs, LOGS.map(Math.abs), 0.5);
    expect(r.parts[0]!.median).toBeCloseTo(0.1, 2);
    expect(r.parts[1]!.median).toBeCloseTo(-0.1, 2);
    expect(r.total.median).toBeCloseTo(0.05, 3);
    // The parts were built to sum to the log: only rounding is left.
    expect(r.maxResidual).toBeLessThan(1e-15);
    expect(r.lastPartShare).toBeCloseTo(r.parts[1]!.medianAbs / r.total.medianAbs, 15);
    expect(Math.abs(r.lastPartShare - 1)).toBeLessThan(2 * OUTCOME_ACCURACY + 1e-9);
  });

  it('measures the identity residual: parts that do not sum to the log show their largest gap', () => {
    const c = createAttributionCollector({ attribution, outcomes });
    c.push(Float64Array.of(0.1, Math.expm1(0.3), 0.2));
    c.push(Float64Array.of(0.1, Math.expm1(0.3), 0.17));
    c.push(Float64Array.of(-0.5, Math.expm1(-0.2), 0.3));
    expect(c.result().maxResidual).toBeCloseTo(0.03, 12);
  });

  it('summarises no counted run as undefined figures, not zeros', () => {
    const c = createAttributionCollector({ attribution, outcomes });
    c.push(Float64Array.of(0.1, -1.5, 0.2));
    const r = c.result();
    expect({ count: r.count, skipped: r.skipped }).toEqual({ count: 0, skipped: 1 });
    expect([r.total.mean, r.total.median, r.maxResidual, r.lastPartShare, r.parts[0]!.mean]).toEqual([
      Number.NaN,
      Number.NaN,
      Number.NaN,
      Number.NaN,
      Number.NaN,
    ]);
  });
});
