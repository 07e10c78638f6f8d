import { describe, expect, it } from 'vitest';
import { saltelliDesign } from './saltelliDesign.ts';
import { sobolIndices } from './sobolIndices.ts';

/** Ishigami's function on [−π, π]³ with the usual a = 7, b = 0.1, and its analytic indices. */
const A = 7;
const B = 0.1;
const ishigami = ([u1, u2, u3]: readonly number[]) => {
  const [x1, x2, x3] = [u1!, u2!, u3!].map((u) => Math.PI * (2 * u - 1)) as [number, number, number];
  return Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
};
const v1 = 0.5 * (1 + (B * Math.PI ** 4) / 5) ** 2;
const v2 = A ** 2 / 8;
const v13 = (8 * B ** 2 * Math.PI ** 8) / 225;
const vIshigami = v1 + v2 + v13;
const ISHIGAMI = {
  firstOrder: [v1 / vIshigami, v2 / vIshigami, 0],
  totalEffect: [(v1 + v13) / vIshigami, v2 / vIshigami, v13 / vIshigami],
};

/** Sobol's g-function on [0, 1]^k with coefficients `a`, and its analytic indices. */
const gA = [0, 1, 4.5, 9, 99];
const gFunction = (u: readonly number[]) =>
  u.reduce((f, x, i) => f * ((Math.abs(4 * x - 2) + gA[i]!) / (1 + gA[i]!)), 1);
const vi = gA.map((a) => 1 / (3 * (1 + a) ** 2));
const vG = vi.reduce((p, v) => p * (1 + v), 1) - 1;
const G = {
  firstOrder: vi.map((v) => v / vG),
  totalEffect: vi.map((v, i) => (v * vi.reduce((p, w, j) => (j === i ? p : p * (1 + w)), 1)) / vG),
};

function estimateFor(f: (u: readonly number[]) => number, n: number, parameters: number) {
  const responses = saltelliDesign({ n, parameters }).map(f);
  return sobolIndices({ responses, n, parameters, seed: 7 });
}

function expectNear(
  estimate: ReturnType<typeof sobolIndices>,
  truth: { firstOrder: number[]; totalEffect: number[] },
  tolerance: number,
) {
  estimate.parameters.forEach((p, i) => {
    for (const kind of ['firstOrder', 'totalEffect'] as const) {
      const e = p[kind];
      const t = truth[kind][i]!;
      const label = `${kind} of x${i + 1}: ${e.value} [${e.low}, ${e.high}] vs ${t}`;
      expect(Math.abs(e.value - t), label).toBeLessThan(tolerance);
      expect(e.low <= t && t <= e.high, label).toBe(true);
    }
  });
}

describe('sobolIndices', () => {
  it("recovers Ishigami's indices (S1 ≈ 0.314, 0.442, 0; ST ≈ 0.558, 0.442, 0.244) within 0.02, intervals covering them", () => {
    expect(ISHIGAMI.firstOrder[0]).toBeCloseTo(0.3139, 4);
    expect(ISHIGAMI.totalEffect[2]).toBeCloseTo(0.2437, 4);
    const estimate = estimateFor(ishigami, 2 ** 13, 3);
    expect(estimate.rows).toBe(2 ** 13);
    expect(estimate.variance).toBeCloseTo(vIshigami, 0);
    expectNear(estimate, ISHIGAMI, 0.02);
  });

  it("recovers the g-function's indices within 0.02, intervals covering them", () => {
    expectNear(estimateFor(gFunction, 2 ** 12, gA.length), G, 0.02);
  });

  it('gives narrower intervals with more rows', () => {
    const width = (n: number) => {
      const e = estimateFor(ishigami, n, 3).parameters[1]!.totalEffect;
      return e.high - e.low;
    };
    const [small, large] = [width(2 ** 8), width(2 ** 12)];
    expect(large, `${large} vs ${small}`).toBeLessThan(small / 2);
  });

  it('is the same for the same seed and leaves out rows with a non-finite response', () => {
    const responses = saltelliDesign({ n: 64, parameters: 3 }).map(ishigami);
    const first = sobolIndices({ responses, n: 64, parameters: 3, seed: 3, resamples: 200 });
    expect(sobolIndices({ responses, n: 64, parameters: 3, seed: 3, resamples: 200 })).toEqual(first);
    responses[64 + 5] = Number.NaN;
    responses[4 * 64 + 9] = Number.NaN;
    expect(sobolIndices({ responses, n: 64, parameters: 3, seed: 3, resamples: 200 }).rows).toBe(62);
  });

  it('refuses responses of the wrong length', () => {
    expect(() => sobolIndices({ responses: new Float64Array(10), n: 4, parameters: 2, seed: 1 })).toThrow(
      /expected N\(k \+ 2\) = 16 responses/,
    );
  });
});
