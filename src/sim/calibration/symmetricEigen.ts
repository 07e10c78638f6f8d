/**
 * Eigenvalues and eigenvectors of a small real symmetric matrix by cyclic Jacobi rotations: slow for
 * large matrices but simple, accurate and deterministic for the ≤ 20 parameters of a calibration.
 */

/** Eigenvalues in ascending order, each with its unit eigenvector. */
export interface SymmetricEigen {
  readonly values: readonly number[];
  /** `vectors[j]` belongs to `values[j]`. */
  readonly vectors: readonly (readonly number[])[];
}

/** Sweeps over all pairs before giving up (convergence is quadratic: a handful usually suffice). */
const MAX_SWEEPS = 100;

/**
 * Diagonalise `matrix` (finite, symmetric; only its upper triangle is read).
 * @example symmetricEigen([[2, 1], [1, 2]]).values // [1, 3]
 */
export function symmetricEigen(matrix: readonly (readonly number[])[]): SymmetricEigen {
  const n = matrix.length;
  const a = matrix.map((row, i) => row.map((_, j) => (j >= i ? row[j]! : matrix[j]![i]!)));
  const v = a.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
  const scale = a.reduce((s, row) => row.reduce((t, x) => t + x * x, s), 0);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off <= Number.EPSILON ** 2 * scale) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (apq === 0) continue;
        // The rotation angle that zeroes a[p][q], through its tangent t (the smaller root, for stability).
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t =
          Math.abs(theta) > 1e150
            ? 1 / (2 * theta)
            : Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        rotate(a, v, p, q, c, s);
      }
  }
  const order = a.map((_, i) => i).sort((i, j) => a[i]![i]! - a[j]![j]!);
  return {
    values: order.map((i) => a[i]![i]!),
    vectors: order.map((j) => v.map((row) => row[j]!)),
  };
}

/** a ← Pᵀ a P and v ← v P for the rotation P in the (p, q) plane with cosine c and sine s. */
function rotate(a: number[][], v: number[][], p: number, q: number, c: number, s: number): void {
  for (const row of [...a, ...v]) {
    const kp = row[p]!;
    const kq = row[q]!;
    row[p] = c * kp - s * kq;
    row[q] = s * kp + c * kq;
  }
  const rowP = a[p]!;
  const rowQ = a[q]!;
  for (let k = 0; k < rowP.length; k++) {
    const pk = rowP[k]!;
    const qk = rowQ[k]!;
    rowP[k] = c * pk - s * qk;
    rowQ[k] = s * pk + c * qk;
  }
}
