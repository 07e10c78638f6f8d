import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.ts';
import type { FitParameter } from './fitParameter.ts';
import { type FitValues, fitParameters } from './fitParameters.ts';
import { laplaceUncertainty, type ParameterUncertainty } from './laplaceUncertainty.ts';

const byName = (ps: readonly ParameterUncertainty[]) => Object.fromEntries(ps.map((p) => [p.name, p]));

describe('laplaceUncertainty', () => {
  it('matches the sd of a shifted quadratic in 3 dimensions at its fitted optimum within 10 %', async () => {
    const parameters: FitParameter[] = [
      { name: 'a', low: -5, high: 5, start: 0 },
      { name: 'b', low: -3, high: 2, start: 1 },
      { name: 'c', low: 0.5, high: 50, start: 10, scale: 'log' },
    ];
    const centre = { a: 1.3, b: -0.7, c: 4.1 };
    const sd = { a: 0.5, b: 0.2, c: 1.5 };
    // A sum of squared standardised errors: each parameter's sd is its divisor.
    const objective = (v: FitValues) =>
      Object.entries(centre).reduce((s, [k, c]) => s + ((v[k]! - c) / sd[k as keyof typeof sd]) ** 2, 0);
    const fit = await fitParameters({ parameters, objective, maxEvaluations: 500 });
    const u = await laplaceUncertainty({
      parameters,
      objective,
      at: fit.values,
      objectiveKind: 'standardised-sum-of-squares',
    });
    expect(u.evaluations).toBe(13);
    for (const p of u.parameters) {
      const expected = sd[p.name as keyof typeof sd];
      expect(p.identification, p.name).toBe('identified');
      expect(Math.abs(p.sd! / expected - 1), `${p.name}: sd ${p.sd} vs ${expected}`).toBeLessThan(0.1);
      expect(p.low!, p.name).toBeLessThan(p.value);
      expect(p.high!, p.name).toBeGreaterThan(p.value);
    }
  });

  it('gives the least-squares standard errors of a straight-line fit, scaled by SSR / (n − k)', async () => {
    const x = Array.from({ length: 40 }, (_, j) => j / 10);
    const y = x.map((xj, j) => 2 + 0.5 * xj + 0.3 * Math.sin(7.3 * j * j + 1));
    const n = x.length;
    const ssr = (v: FitValues) => x.reduce((s, xj, j) => s + (y[j]! - v.intercept! - v.slope! * xj) ** 2, 0);
    // Closed form: σ̂² (XᵀX)⁻¹ with σ̂² = SSR / (n − 2).
    const meanX = x.reduce((s, v) => s + v, 0) / n;
    const meanY = y.reduce((s, v) => s + v, 0) / n;
    const sxx = x.reduce((s, v) => s + (v - meanX) ** 2, 0);
    const slope = x.reduce((s, v, j) => s + (v - meanX) * (y[j]! - meanY), 0) / sxx;
    const intercept = meanY - slope * meanX;
    const sigma2 = ssr({ intercept, slope }) / (n - 2);
    const expected = {
      intercept: Math.sqrt(sigma2 * (1 / n + meanX ** 2 / sxx)),
      slope: Math.sqrt(sigma2 / sxx),
    };

    const parameters: FitParameter[] = [
      { name: 'intercept', low: -10, high: 10, start: 0 },
      { name: 'slope', low: -5, high: 5, start: 0 },
    ];
    const fit = await fitParameters({ parameters, objective: ssr, maxEvaluations: 400 });
    expect(fit.values.intercept).toBeCloseTo(intercept, 3);
    expect(fit.values.slope).toBeCloseTo(slope, 3);
    const u = byName(
      (
        await laplaceUncertainty({
          parameters,
          objective: ssr,
          at: fit.values,
          objectiveKind: 'sum-of-squares',
          residuals: n,
        })
      ).parameters,
    );
    for (const name of ['intercept', 'slope'] as const)
      expect(
        Math.abs(u[name]!.sd! / expected[name] - 1),
        `${name}: ${u[name]!.sd} vs ${expected[name]}`,
      ).toBeLessThan(0.01);
  });

  it('reports a parameter the objective ignores, one confounded with another, and one on a bound as not identified', async () => {
    const parameters: FitParameter[] = [
      { name: 'a', low: -5, high: 5, start: 0 },
      { name: 'b', low: -5, high: 5, start: 0 },
      { name: 'c', low: 0, high: 10, start: 1 },
      { name: 'ignored', low: 0, high: 1, start: 0.5 },
      { name: 'bounded', low: 0, high: 1, start: 0.5 },
    ];
    // Only a + b is pinned down; c has sd 0.5; `ignored` does nothing; `bounded` wants to go below 0.
    const objective = (v: FitValues) =>
      ((v.a! + v.b! - 1) / 0.1) ** 2 + ((v.c! - 2) / 0.5) ** 2 + (v.bounded! + 1) ** 2;
    const u = await laplaceUncertainty({
      parameters,
      objective,
      at: { a: 0.4, b: 0.6, c: 2, ignored: 0.3, bounded: 0 },
      objectiveKind: 'standardised-sum-of-squares',
    });
    const got = byName(u.parameters);
    expect(got.a!.identification).toBe('confounded');
    expect(got.b!.identification).toBe('confounded');
    expect(got.ignored!.identification).toBe('flat');
    expect(got.bounded!.identification).toBe('on-bound');
    for (const name of ['a', 'b', 'ignored', 'bounded']) expect(got[name]!.sd, name).toBeNull();
    expect(got.c!.identification).toBe('identified');
    expect(Math.abs(got.c!.sd! / 0.5 - 1), `c: ${got.c!.sd}`).toBeLessThan(0.1);
    // The parameter on its bound is held there, so the Hessian covers the other four only.
    expect(u.evaluations).toBe(4 * 4 + 4 + 1);
  });

  it('reports a parameter the fit left at its bound as on the bound', async () => {
    const parameters: FitParameter[] = [
      { name: 'x', low: 0, high: 5, start: 2 },
      { name: 'y', low: -1, high: 1, start: 0.5 },
    ];
    const objective = (v: FitValues) => ((v.x! + 1) / 0.5) ** 2 + ((v.y! - 0.2) / 0.1) ** 2;
    const fit = await fitParameters({ parameters, objective, maxEvaluations: 600 });
    const u = byName(
      (
        await laplaceUncertainty({
          parameters,
          objective,
          at: fit.values,
          objectiveKind: 'standardised-sum-of-squares',
        })
      ).parameters,
    );
    expect(u.x!.identification, `x = ${fit.values.x}`).toBe('on-bound');
    expect(u.y!.identification).toBe('identified');
    expect(Math.abs(u.y!.sd! / 0.1 - 1), `y: ${u.y!.sd}`).toBeLessThan(0.1);
  });

  it('names the field of a missing or out-of-range value, and of too few residuals', async () => {
    const parameters: FitParameter[] = [{ name: 'x', low: 0, high: 1, start: 0.5 }];
    const objective = (v: FitValues) => (v.x! - 0.5) ** 2;
    const field = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        if (error instanceof InputError) return error.field;
        throw error;
      }
      return '(accepted)';
    };
    const kind = { objectiveKind: 'negative-log-likelihood' } as const;
    expect(await field(() => laplaceUncertainty({ parameters, objective, at: {}, ...kind }))).toBe('at.x');
    expect(await field(() => laplaceUncertainty({ parameters, objective, at: { x: 2 }, ...kind }))).toBe(
      'at.x',
    );
    expect(
      await field(() =>
        laplaceUncertainty({
          parameters,
          objective,
          at: { x: 0.5 },
          objectiveKind: 'sum-of-squares',
          residuals: 1,
        }),
      ),
    ).toBe('residuals');
  });
});
