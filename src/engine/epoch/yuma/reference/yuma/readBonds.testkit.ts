/**
 * Stored bonds as the epoch reads them (spec §7.1, §7.6): original Yuma reads the u16 values as
 * I32F32 integers (they are column max-upscaled), Yuma 3 as proportions u16/65535 (truncating).
 * Bonds towards a miner registered since the previous epoch are dropped.
 */
import type { SparseRow } from '../../../../state/types.ts';
import {
  fixedToFixedU16Proportion,
  type SparseEntry32,
  scalarVecMaskSparseMatrix,
  u16ToFixed,
} from '../math/index.testkit.ts';

/** Inputs of {@link readBonds}. */
export interface ReadBondsInput {
  /** Stored bonds (u16 rows). */
  readonly bonds: readonly SparseRow[];
  readonly n: number;
  /** Read as proportions (Yuma 3) instead of integers (original Yuma). */
  readonly asProportion: boolean;
  /** {@link lastTempoBlock}: bonds towards UIDs registered at or after it are dropped. */
  readonly lastTempo: number;
  readonly blockAtRegistration: readonly number[];
}

/**
 * `get_bonds_sparse` (or `_fixed_proportion`) followed by the re-registration mask: `n` rows (rows at
 * UIDs >= n ignored; columns are not filtered, the later steps ignore columns >= n).
 */
export function readBonds(input: ReadBondsInput): SparseEntry32[][] {
  const { bonds, n, asProportion } = input;
  const rows: SparseEntry32[][] = [];
  for (let i = 0; i < n; i++) {
    rows.push(
      (bonds[i] ?? []).map(([j, b]) => {
        const v = u16ToFixed(b);
        return [j, asProportion ? fixedToFixedU16Proportion(v) : v] as const;
      }),
    );
  }
  return scalarVecMaskSparseMatrix({
    matrix: rows,
    scalar: input.lastTempo,
    colValues: input.blockAtRegistration,
    maskFn: (lastTempo, registered) => lastTempo <= registered,
  });
}
