/**
 * Original Yuma bonds (spec §7.6, Yuma3 off): the column-normalised stored bonds mixed with the
 * column-normalised stake-weighted W_b by the fixed EMA. The final column normalisation, dividends and
 * the column max-upscaled storage follow in `bondDividends` (both only rescale columns, so they read
 * the unnormalised B' with its column sums and maxima).
 */
import { bondWeight } from './clipWeights.ts';
import { ABSENT } from './csrMatrix.ts';
import { u16Ratio } from './grid.ts';
import type { FastEpochInput } from './types.ts';
import type { FastEpochWorkspace } from './workspace.ts';
import { bondsEmaAlpha } from './yuma3Bonds.ts';

/**
 * Fill the dense rows `ws.emaBonds` with B' = a ΔB/colsum + (1 - a) B/colsum and `ws.columnSum` /
 * `ws.columnMax` with its column sums and maxima. The first pass also clips the weights: trust
 * (`ws.validatorTrust`) and ranks (`ws.incentive`, normalised later by `normalizeIncentive`). Stored
 * bonds are read as integers; those towards a miner registered since the previous epoch (`lastTempo`)
 * are dropped.
 */
export function originalBonds(ws: FastEpochWorkspace, input: FastEpochInput, lastTempo: number): void {
  const n = ws.n;
  // A local copy: an imported binding costs a check on every read in the hot loops.
  const absent = ABSENT;
  const { bondRows, bondRowCount, emaBonds: ema, activeStake } = ws;
  const { incentive: rank, validatorTrust: trust } = ws;
  const { rowStart: wStart, col: wCol, value: wValue } = ws.weights;
  const consensus = ws.consensus;
  const weightOf = bondWeight;
  ws.incentive.fill(0);
  ws.validatorTrust.fill(0);
  const beta = u16Ratio(input.params.bondsPenalty);
  const { rowStart: bStart, col: bCol, value: bValue } = input.bonds;
  const bRows = Math.min(n, input.bonds.rows);
  const registered = input.blockAtRegistration;
  const regCount = registered.length;
  // Bonds towards a miner registered since the previous epoch are dropped; usually there is none.
  const masked = lastTempo <= ws.latestRegistration;
  const alpha = bondsEmaAlpha(input.params.bondsMovingAverage);
  // ΔB = W_b * stake on the chain's I32F32 grid: for a validator with a tiny stake share the chain's
  // floor keeps only a few significant digits, and the column normalisation carries that into every
  // dividend (up to ~1e-5 apart otherwise). Flooring here costs one multiply per weight.
  const grid = 4_294_967_296;
  // Column sums of the stored bonds (after the mask) and of ΔB = W_b ∘ active stake.
  const oldSum = ws.columnSum;
  const deltaSum = ws.columnMax;
  oldSum.fill(0);
  deltaSum.fill(0);
  for (let r = 0; r < bondRowCount; r++) {
    const i = bondRows[r]!;
    const s = activeStake[i]!;
    if (i < bRows) {
      const end = bStart[i + 1]!;
      for (let k = bStart[i]!; k < end; k++) {
        const j = bCol[k]!;
        if (j >= n || (masked && lastTempo <= (j < regCount ? registered[j]! : 0))) continue;
        oldSum[j] = oldSum[j]! + bValue[k]!;
      }
    }
    const wEnd = wStart[i + 1]!;
    let trustSum = 0;
    for (let e = wStart[i]!; e < wEnd; e++) {
      const j = wCol[e]!;
      const w = wValue[e]!;
      const c = consensus[j]!;
      // W̄ = min(w, c) without a branch (see bondWeight); 0 when dropped (above a zero consensus).
      const t = +(c >= w);
      const clipped = w * t + c * (1 - t);
      trustSum += clipped;
      rank[j] = rank[j]! + s * clipped;
      const x = weightOf(w, c, beta);
      if (x !== absent) deltaSum[j] = deltaSum[j]! + Math.floor(x * s * grid) / grid;
    }
    trust[i] = trustSum;
  }
  // Turn the sums into the EMA's per-column scales (a zero-sum column is left as it is).
  for (let j = 0; j < n; j++) {
    const o = oldSum[j]!;
    const d = deltaSum[j]!;
    oldSum[j] = o > 0 ? (1 - alpha) / o : 1 - alpha;
    deltaSum[j] = d > 0 ? alpha / d : alpha;
  }
  for (let r = 0; r < bondRowCount; r++) {
    const i = bondRows[r]!;
    const base = r * n;
    const s = activeStake[i]!;
    if (i < bRows) {
      const end = bStart[i + 1]!;
      for (let k = bStart[i]!; k < end; k++) {
        const j = bCol[k]!;
        if (j >= n || (masked && lastTempo <= (j < regCount ? registered[j]! : 0))) continue;
        ema[base + j] = ema[base + j]! + bValue[k]! * oldSum[j]!;
      }
    }
    const wEnd = wStart[i + 1]!;
    for (let e = wStart[i]!; e < wEnd; e++) {
      const j = wCol[e]!;
      const x = weightOf(wValue[e]!, consensus[j]!, beta);
      if (x === absent) continue;
      ema[base + j] = ema[base + j]! + (Math.floor(x * s * grid) / grid) * deltaSum[j]!;
    }
  }
  const colSum = ws.columnSum;
  const colMax = ws.columnMax;
  colSum.fill(0);
  colMax.fill(0);
  for (let r = 0; r < bondRowCount; r++) {
    const base = r * n;
    for (let j = 0; j < n; j++) {
      const v = ema[base + j]!;
      colSum[j] = colSum[j]! + v;
      if (v > colMax[j]!) colMax[j] = v;
    }
  }
}
