/**
 * Yuma 3 bonds (spec §7.6, Yuma3 on): bonds are proportions (stored u16 / 65535) moved towards W_b, by
 * liquid alpha per cell or by the fixed EMA weight, clamped to 1 under liquid alpha. Dividends and
 * storage follow in `bondDividends`.
 */
import { bondWeight } from './clipWeights.ts';
import { ABSENT } from './csrMatrix.ts';
import { u16Ratio } from './grid.ts';
import { alphaOfDiff, liquidAlphaOf } from './liquidAlpha.ts';
import type { FastEpochInput } from './types.ts';
import { type FastEpochWorkspace, readsOwnBonds } from './workspace.ts';

/** `1 - BondsMovingAverage / 1e6`, the quotient truncated to the grid as the chain does. */
export function bondsEmaAlpha(bondsMovingAverage: number): number {
  return 1 - Math.floor((bondsMovingAverage / 1e6) * 4_294_967_296) / 4_294_967_296;
}

/**
 * Fill the dense rows `ws.emaBonds` with B' and `ws.columnSum` with its column sums (rows from
 * `selectBondRows`). The same pass clips the weights: trust (`ws.validatorTrust`) and ranks
 * (`ws.incentive`, normalised later by `normalizeIncentive`). Liquid alpha (when on and some consensus
 * is nonzero) keeps only the columns present in the W_b row, so a bond towards a miner the validator no
 * longer lists disappears; the fixed EMA decays every old bond. Stored bonds towards a miner registered
 * since the previous epoch (`lastTempo`) are dropped.
 */
export function yuma3Bonds(ws: FastEpochWorkspace, input: FastEpochInput, lastTempo: number): void {
  const n = ws.n;
  // A local copy: an imported binding costs a check on every read in the hot loops.
  const absent = ABSENT;
  const ratio = u16Ratio;
  const alphaOf = alphaOfDiff;
  const { bondRows, bondRowCount, emaBonds: ema, consensus, rowScratch, columnSum, activeStake } = ws;
  const { incentive: rank, validatorTrust: trust } = ws;
  const { rowStart: wStart, col: wCol, value: wValue } = ws.weights;
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

  let anyConsensus = false;
  if (input.params.liquidAlpha) for (let j = 0; j < n; j++) if (consensus[j] !== 0) anyConsensus = true;
  const liquid = input.params.liquidAlpha && anyConsensus;
  const alpha = bondsEmaAlpha(input.params.bondsMovingAverage);
  columnSum.fill(0);

  if (!liquid) {
    // B' = a W_b + (1 - a) B over the union of both rows; the sums are B''s column sums.
    const { at, weights: w } = ws;
    const b = readsOwnBonds(ws, input) ? ws.bonds : ws.sourceBonds;
    // One call with every argument listed (a spread call would build an array per epoch); the fixed
    // kernel ignores β.
    const bonds = beta === 1 ? ws.kernels.yuma3FixedBonds : ws.kernels.yuma3PenaltyBonds;
    bonds(
      n,
      at.bondRows!,
      bondRowCount,
      at.emaBonds!,
      at.columnSum!,
      at.consensus!,
      at.activeStake!,
      at.incentive!,
      at.validatorTrust!,
      w.at.rowStart,
      w.at.col,
      w.at.value,
      b.at.rowStart,
      b.at.col,
      b.at.value,
      at.rowScratch!,
      at.registered!,
      Math.min(n, regCount),
      masked ? 1 : 0,
      lastTempo,
      alpha,
      beta,
    );
    return;
  }
  const lp = liquidAlphaOf(input.params);
  for (let r = 0; r < bondRowCount; r++) {
    const i = bondRows[r]!;
    const base = r * n;
    const bFirst = i < bRows ? bStart[i]! : 0;
    const bEnd = i < bRows ? bStart[i + 1]! : 0;
    const wFirst = wStart[i]!;
    const wEnd = wStart[i + 1]!;
    const s = activeStake[i]!;
    let trustSum = 0;
    for (let k = bFirst; k < bEnd; k++) {
      const j = bCol[k]!;
      if (j >= n || (masked && lastTempo <= (j < regCount ? registered[j]! : 0))) continue;
      rowScratch[j] = ratio(bValue[k]!);
    }
    for (let e = wFirst; e < wEnd; e++) {
      const j = wCol[e]!;
      const c = consensus[j]!;
      const t = +(c >= wValue[e]!);
      const clipped = wValue[e]! * t + c * (1 - t);
      trustSum += clipped;
      rank[j] = rank[j]! + s * clipped;
      const w = weightOf(wValue[e]!, c, beta);
      if (w === absent) continue;
      const b = rowScratch[j]!;
      // Buying: weight above consensus; selling: bond above weight.
      let d = w >= b ? w - consensus[j]! : b - w;
      d = d < 0 ? 0 : d > 1 ? 1 : d;
      const a = alphaOf(d, lp);
      const grow = a * w;
      let cell = (1 - a) * b + (grow > 0 ? grow : 0);
      cell = cell < 1 ? cell : 1;
      ema[base + j] = cell;
      columnSum[j] = columnSum[j]! + cell;
    }
    for (let k = bFirst; k < bEnd; k++) {
      const j = bCol[k]!;
      if (j < n) rowScratch[j] = 0;
    }
    trust[i] = trustSum;
  }
}
