/**
 * When the typed-array epoch gives the same bits as the bigint one: the bounds its exactness proofs
 * rest on. Inputs outside them (possible only for hand-made state) take the bigint path.
 */
import { I32F32 } from '../../fixed/index.ts';
import type { SparseRow } from '../../state/types.ts';
import type { MechanismInput } from '../types.ts';
import type { YumaParams } from './params.ts';

/**
 * Largest UID count: u16 row sums stay below 2^31 (no I32F32 wrap) and sums of up to n values in
 * [0, 2^32] below 2^47 (exact in float64).
 */
export const CSR_MAX_UIDS = 32_767;

const isU16 = (v: number) => Number.isInteger(v) && v >= 0 && v <= 65_535;

/**
 * The first n rows hold u16 values at strictly ascending integer columns (as the chain stores them).
 * Weights may also list columns >= n, which the epoch ignores; bonds may not (the trace keeps them).
 */
function rowsFit(rows: readonly SparseRow[], n: number, ignoreBeyond: boolean): boolean {
  for (let i = 0; i < n && i < rows.length; i++) {
    const row = rows[i]!;
    let last = -1;
    for (let e = 0; e < row.length; e++) {
      const entry = row[e]!;
      const j = entry[0];
      const v = entry[1];
      if (ignoreBeyond && j >= n) continue;
      if (!Number.isInteger(j) || j <= last || j >= n || !isU16(v)) return false;
      last = j;
    }
  }
  return true;
}

/** Inputs of {@link csrPathApplies}. */
export interface CsrPathInput {
  readonly n: number;
  readonly mechanism: MechanismInput;
  readonly params: YumaParams;
  /** Normalised epoch stake. */
  readonly stake: readonly I32F32[];
}

/**
 * True when the typed-array path is exact: n <= {@link CSR_MAX_UIDS}, stake shares and the bond EMA
 * weight in [0, 1], and weight and bond rows as the chain stores them (see {@link rowsFit}). Every
 * other value of the epoch then lies in [0, 1] (kappa, the bonds penalty and the alphas are u16
 * ratios), as the typed helpers require.
 */
export function csrPathApplies({ n, mechanism, params, stake }: CsrPathInput): boolean {
  if (n > CSR_MAX_UIDS) return false;
  if (params.bondsAlpha < 0n || params.bondsAlpha > I32F32.one) return false;
  for (const s of stake) if (s < 0n || s > I32F32.one) return false;
  return rowsFit(mechanism.weights, n, true) && rowsFit(mechanism.bonds, n, false);
}
