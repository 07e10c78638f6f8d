import { describe, expect, it } from 'vitest';
import { createStream } from '../rng/stream.ts';
import { symmetricEigen } from './symmetricEigen.ts';

describe('symmetricEigen', () => {
  it('finds the eigenvalues of a 2 × 2 matrix in ascending order', () => {
    const { values, vectors } = symmetricEigen([
      [2, 1],
      [1, 2],
    ]);
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
    expect(Math.abs(vectors[0]![0]! + vectors[0]![1]!)).toBeLessThan(1e-14);
  });

  it('rebuilds a random symmetric matrix from orthonormal eigenvectors', () => {
    const rng = createStream(11, 0, 'symmetric-eigen');
    const n = 7;
    const m = Array.from({ length: n }, () => Array.from({ length: n }, () => rng.normal()));
    const a = m.map((row, i) => row.map((x, j) => (x + m[j]![i]!) / 2));
    const { values, vectors } = symmetricEigen(a);
    for (let j = 1; j < n; j++) expect(values[j]!).toBeGreaterThanOrEqual(values[j - 1]!);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const rebuilt = values.reduce((s, lambda, k) => s + lambda * vectors[k]![i]! * vectors[k]![j]!, 0);
        expect(rebuilt, `A[${i}][${j}]`).toBeCloseTo(a[i]![j]!, 12);
        const dot = vectors[i]!.reduce((s, x, k) => s + x * vectors[j]![k]!, 0);
        expect(dot, `v${i} · v${j}`).toBeCloseTo(i === j ? 1 : 0, 12);
      }
  });

  it('leaves a diagonal matrix as it is', () => {
    expect(
      symmetricEigen([
        [3, 0],
        [0, -1],
      ]).values,
    ).toEqual([-1, 3]);
  });
});
