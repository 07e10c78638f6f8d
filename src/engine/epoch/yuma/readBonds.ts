/**
 * Stored bonds as the epoch reads them (spec §7.1, §7.6): original Yuma reads the u16 values as
 * I32F32 integers (they are column max-upscaled), Yuma 3 as proportions u16/65535 (truncating).
 * Bonds towards a miner registered since the previous epoch are dropped.
 */
import { TWO32 } from '../../fixed/rawF64.ts';
import type { SparseRow } from '../../state/types.ts';
import {
  type CsrMat32,
  csrBuilder,
  finishCsr,
  fixedToFixedU16Proportion,
  type SparseEntry32,
  scalarVecMaskSparseMatrix,
  u16ToFixed,
} from '../math/index.ts';

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

/**
 * {@link readBonds} into a {@link CsrMat32}, for rows of ascending u16 columns below n. An integer is
 * b << 32 (exact, below 2^48); a proportion is ((b << 32) << 32) / (65535 << 32) truncated, i.e.
 * floor(b 2^32 / 65535), exact by the floor lemma (rawF64.ts).
 */
export function readBondsCsr(input: ReadBondsInput): CsrMat32 {
  const { bonds, n, asProportion, lastTempo, blockAtRegistration } = input;
  const one = TWO32;
  let capacity = 0;
  for (let i = 0; i < n; i++) capacity += bonds[i]?.length ?? 0;
  const out = csrBuilder(n, capacity);
  let w = 0;
  for (let i = 0; i < n; i++) {
    const row = bonds[i] ?? [];
    for (let e = 0; e < row.length; e++) {
      const entry = row[e]!;
      const j = entry[0];
      const b = entry[1];
      // A bond towards a UID registered since the last epoch belongs to its previous occupant.
      if (lastTempo <= (blockAtRegistration[j] ?? 0)) continue;
      out.col[w] = j;
      out.val[w++] = asProportion ? Math.floor((b * one) / 65_535) : b * one;
    }
    out.start[i + 1] = w;
  }
  return finishCsr(out);
}
