import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.ts';
import type { FitParameter } from './fitParameter.ts';
import { type FitProgress, type FitValues, fitParameters } from './fitParameters.ts';

/** Deterministic pseudo-noise in [−0.5, 0.5): a hash of the values, so every point has its own. */
function pseudoNoise(values: FitValues): number {
  let h = 0;
  for (const v of Object.values(values)) h = Math.sin(h * 12.9898 + v * 78.233 + 1) * 43758.5453;
  return h - Math.floor(h) - 0.5;
}

const quadraticParameters: FitParameter[] = [
  { name: 'a', low: -5, high: 5, start: 0 },
  { name: 'b', low: -3, high: 2, start: 1 },
  { name: 'c', low: 0.5, high: 50, start: 10, scale: 'log' },
];
const optimum = { a: 1.3, b: -0.7, c: 4.1 };
const quadratic = (v: FitValues) =>
  ((v.a! - optimum.a) / 0.5) ** 2 + ((v.b! - optimum.b) / 0.2) ** 2 + ((v.c! - optimum.c) / 1.5) ** 2;

/** The objective, failing the test if it is ever asked about a value outside its parameter's range. */
function inBounds(parameters: readonly FitParameter[], f: (v: FitValues) => number) {
  return (v: FitValues) => {
    for (const p of parameters) {
      expect(v[p.name], p.name).toBeGreaterThanOrEqual(p.low);
      expect(v[p.name], p.name).toBeLessThanOrEqual(p.high);
    }
    return f(v);
  };
}

describe('fitParameters', () => {
  it('finds the optimum of a shifted quadratic in 3 dimensions to 1e-3', async () => {
    const fit = await fitParameters({
      parameters: quadraticParameters,
      objective: inBounds(quadraticParameters, quadratic),
      maxEvaluations: 500,
    });
    for (const [name, value] of Object.entries(optimum))
      expect(Math.abs(fit.values[name]! - value), name).toBeLessThan(1e-3);
    expect(fit.objective).toBe(quadratic(fit.values));
    expect(fit.evaluations).toBeLessThanOrEqual(500);
  });

  it('finds the minimum of the Rosenbrock function inside its bounds', async () => {
    const parameters: FitParameter[] = [
      { name: 'x', low: -2, high: 2, start: -1.2 },
      { name: 'y', low: -1, high: 3, start: 1 },
    ];
    const fit = await fitParameters({
      parameters,
      objective: inBounds(parameters, (v) => 100 * (v.y! - v.x! ** 2) ** 2 + (1 - v.x!) ** 2),
      maxEvaluations: 600,
    });
    expect(Math.abs(fit.values.x! - 1), 'x').toBeLessThan(1e-3);
    expect(Math.abs(fit.values.y! - 1), 'y').toBeLessThan(1e-3);
  });

  it('approaches an optimum beyond a bound from inside and never leaves the range', async () => {
    const parameters: FitParameter[] = [
      { name: 'x', low: 0, high: 5, start: 2 },
      { name: 'y', low: -1, high: 1, start: 0.5 },
    ];
    const fit = await fitParameters({
      parameters,
      objective: inBounds(parameters, (v) => (v.x! + 1) ** 2 + (v.y! - 0.2) ** 2),
      maxEvaluations: 600,
    });
    // It settles near the bound rather than spending the budget on ever smaller steps towards it.
    expect(fit.stopped).toBe('converged');
    expect(fit.values.x).toBeGreaterThanOrEqual(0);
    expect(fit.values.x, 'x approaches its bound 0').toBeLessThan(1e-3);
    expect(Math.abs(fit.values.y! - 0.2), 'y').toBeLessThan(1e-3);
  });

  it('gives the same result and the same evaluations every time', async () => {
    const run = async () => {
      const points: FitValues[] = [];
      const fit = await fitParameters({
        parameters: quadraticParameters,
        objective: (v) => {
          points.push(v);
          return quadratic(v) + 0.05 * pseudoNoise(v);
        },
        maxEvaluations: 200,
      });
      return { fit, points };
    };
    const [first, second] = [await run(), await run()];
    expect(second.fit).toEqual(first.fit);
    expect(second.points).toEqual(first.points);
  });

  it('lands near the optimum of a quadratic with small deterministic noise', async () => {
    const noisy = (v: FitValues) => quadratic(v) + 0.02 * pseudoNoise(v);
    const fit = await fitParameters({
      parameters: quadraticParameters,
      objective: inBounds(quadraticParameters, noisy),
      maxEvaluations: 400,
    });
    // Noise of total spread 0.02 can make any point within δ sd of the optimum look best when
    // δ² ≤ 0.02, so the fit should land within 0.14 sd (sd: a 0.5, b 0.2, c 1.5).
    const within = Math.sqrt(0.02);
    expect(Math.abs(fit.values.a! - optimum.a), 'a').toBeLessThan(within * 0.5);
    expect(Math.abs(fit.values.b! - optimum.b), 'b').toBeLessThan(within * 0.2);
    expect(Math.abs(fit.values.c! - optimum.c), 'c').toBeLessThan(within * 1.5);
  });

  it('awaits an async objective, one evaluation at a time, with the result of the same sync one', async () => {
    let running = 0;
    let most = 0;
    const fit = await fitParameters({
      parameters: quadraticParameters,
      objective: async (v) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        running -= 1;
        return quadratic(v);
      },
      maxEvaluations: 120,
    });
    expect(most).toBe(1);
    const sync = await fitParameters({
      parameters: quadraticParameters,
      objective: quadratic,
      maxEvaluations: 120,
    });
    expect(fit).toEqual(sync);
  });

  it('reports every evaluation with the best so far', async () => {
    const reports: FitProgress[] = [];
    const fit = await fitParameters({
      parameters: quadraticParameters,
      objective: quadratic,
      maxEvaluations: 80,
      onProgress: (p) => reports.push(p),
    });
    expect(reports.map((r) => r.evaluation)).toEqual(
      Array.from({ length: fit.evaluations }, (_, i) => i + 1),
    );
    expect(reports.every((r) => r.maxEvaluations === 80)).toBe(true);
    for (const r of reports) expect(r.current.objective).toBe(quadratic(r.current.values));
    for (let i = 1; i < reports.length; i++)
      expect(reports[i]!.best.objective).toBeLessThanOrEqual(reports[i - 1]!.best.objective);
    expect(reports.at(-1)!.best).toEqual({ values: fit.values, objective: fit.objective });
  });

  it('starts from the given start values, moving one on a bound just inside', async () => {
    const first: FitValues[] = [];
    await fitParameters({
      parameters: quadraticParameters,
      objective: (v) => {
        first.push(v);
        return quadratic(v);
      },
      maxEvaluations: 4,
      start: { a: 2.5, b: -3 },
    });
    expect(first[0]!.a).toBeCloseTo(2.5, 12);
    expect(first[0]!.b).toBeGreaterThan(-3);
    expect(first[0]!.b).toBeLessThan(-3 + 0.01);
    expect(first[0]!.c).toBeCloseTo(10, 12);
  });

  it('names the field of a bad start, budget or parameter', async () => {
    const field = async (options: Parameters<typeof fitParameters>[0]) => {
      try {
        await fitParameters(options);
      } catch (error) {
        if (error instanceof InputError) return error.field;
        throw error;
      }
      return '(accepted)';
    };
    const base = { parameters: quadraticParameters, objective: quadratic, maxEvaluations: 50 };
    expect(await field({ ...base, start: { d: 1 } })).toBe('start.d');
    expect(await field({ ...base, start: { a: 6 } })).toBe('start.a');
    expect(await field({ ...base, maxEvaluations: 3 })).toBe('maxEvaluations');
    expect(await field({ ...base, maxEvaluations: 10.5 })).toBe('maxEvaluations');
    expect(await field({ ...base, parameters: [{ name: 'a', low: 1, high: 0, start: 0.5 }] })).toBe(
      'parameters[0]',
    );
    expect(await field({ ...base, objective: () => Number.NaN })).toBe('objective');
  });
});
