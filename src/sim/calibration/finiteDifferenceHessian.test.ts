import { describe, expect, it } from 'vitest';
import { finiteDifferenceHessian, hessianEvaluationCount } from './finiteDifferenceHessian.ts';

// f = ½ xᵀ A x + bᵀ x: its Hessian is A everywhere.
const A = [
  [4, 1, -2],
  [1, 3, 0.5],
  [-2, 0.5, 6],
];
const b = [1, -2, 0.3];
const quadratic = (x: readonly number[]) =>
  x.reduce((s, xi, i) => s + b[i]! * xi + 0.5 * xi * A[i]!.reduce((t, aij, j) => t + aij * x[j]!, 0), 0);

describe('finiteDifferenceHessian', () => {
  it('is exact for a quadratic with cross terms, away from its minimum', async () => {
    const at = [0.7, -1.1, 2.4];
    const r = await finiteDifferenceHessian({ objective: quadratic, at, step: 0.1 });
    for (const [i, row] of r.hessian.entries())
      for (const [j, hij] of row.entries()) expect(hij, `H[${i}][${j}]`).toBeCloseTo(A[i]![j]!, 8);
    expect(r.value).toBe(quadratic(at));
  });

  it('costs the centre, two evaluations per axis and two per pair, and counts them as it goes', async () => {
    const counts: [number, number][] = [];
    let calls = 0;
    const r = await finiteDifferenceHessian({
      objective: (x) => {
        calls += 1;
        return quadratic(x);
      },
      at: [0, 0, 0],
      step: 0.1,
      onEvaluation: (evaluation, evaluations) => counts.push([evaluation, evaluations]),
    });
    expect(calls).toBe(1 + 2 * 3 + 2 * 3);
    expect(r.evaluations).toBe(calls);
    expect(hessianEvaluationCount(3)).toBe(calls);
    expect(counts).toEqual(Array.from({ length: calls }, (_, i) => [i + 1, calls]));
  });

  it('rejects a step that is not a positive number', async () => {
    await expect(finiteDifferenceHessian({ objective: quadratic, at: [0], step: 0 })).rejects.toThrow(/step/);
  });
});
