import { describe, expect, it } from 'vitest';
import { csrToRows } from './csrMatrix.ts';
import { u16Ratio } from './grid.ts';
import { alphaOfDiff, liquidAlphaOf } from './liquidAlpha.ts';
import { fastInputFixture, runThrough } from './testFixtures.ts';
import { bondsEmaAlpha } from './yuma3Bonds.ts';

/** Validator 0 puts all its weight on miner 1; it holds old bonds to miners 1 and 2. */
const base = {
  stakes: [1, 0, 0],
  weights: [[[1, 65_535]]] as const,
  bonds: [
    [
      [1, 32_768],
      [2, 30_000],
    ],
  ] as const,
  block: 1000,
};

const alpha = bondsEmaAlpha(900_000);

describe('yuma3Bonds', () => {
  it('reads the EMA weight 1 - BondsMovingAverage/1e6 truncated to the grid', () => {
    expect(alpha).toBe(1 - Math.floor(0.9 * 2 ** 32) / 2 ** 32);
  });

  it('without liquid alpha: B\u2032 = a W_b + (1 - a) B over every old bond; stored floor(B\u2032 * 65535)', () => {
    const input = fastInputFixture({ ...base, params: { yuma3: true } });
    const ws = runThrough(input, 'dividends');
    const b1 = alpha * 1 + (1 - alpha) * u16Ratio(32_768);
    const b2 = (1 - alpha) * u16Ratio(30_000);
    expect(ws.emaBonds[1]).toBeCloseTo(b1, 15);
    expect(ws.emaBonds[2]).toBeCloseTo(b2, 15);
    expect(csrToRows(ws.bonds)[0]).toEqual([
      [1, Math.floor(b1 * 65_535)],
      [2, Math.floor(b2 * 65_535)],
    ]);
    expect(Array.from(ws.dividends)).toEqual([1, 0, 0]);
  });

  it('with liquid alpha: a per-cell alpha, and a bond to a miner no longer listed disappears', () => {
    const input = fastInputFixture({ ...base, params: { yuma3: true, liquidAlpha: true } });
    const ws = runThrough(input, 'dividends');
    // Buying: weight 1 >= bond, diff = weight - consensus = 0.
    const a = alphaOfDiff(0, liquidAlphaOf(input.params));
    const b1 = (1 - a) * u16Ratio(32_768) + a * 1;
    expect(ws.emaBonds[1]).toBeCloseTo(b1, 15);
    expect(csrToRows(ws.bonds)[0]).toEqual([[1, Math.floor(b1 * 65_535)]]);
  });

  it('liquid alpha keeps a bond whose weight is an explicit zero, and decays it by selling', () => {
    const input = fastInputFixture({
      ...base,
      weights: [
        [
          [1, 65_535],
          [2, 0],
        ],
      ],
      params: { yuma3: true, liquidAlpha: true },
    });
    const ws = runThrough(input, 'bonds');
    const b = u16Ratio(30_000);
    // Selling: bond above weight, diff = bond - weight.
    const a = alphaOfDiff(b, liquidAlphaOf(input.params));
    expect(ws.emaBonds[2]).toBeCloseTo((1 - a) * b, 15);
  });

  it('drops old bonds towards a miner registered since the last epoch', () => {
    // Last tempo = 1000 - 360 = 640; miner 2 registered at 640.
    const input = fastInputFixture({ ...base, blockAtRegistration: [0, 0, 640], params: { yuma3: true } });
    const ws = runThrough(input, 'dividends');
    expect(csrToRows(ws.bonds)[0]).toEqual([
      [1, Math.floor((alpha + (1 - alpha) * u16Ratio(32_768)) * 65_535)],
    ]);
  });

  it('dividends: each validator\u2019s share of the incentive its column-normalised bonds buy, times its stake', () => {
    // Validators 0 (0.75) and 1 (0.25) both weigh miner 2 fully; no old bonds.
    const input = fastInputFixture({
      stakes: [3, 1, 0],
      weights: [[[2, 1]], [[2, 1]]],
      params: { yuma3: true },
    });
    const ws = runThrough(input, 'dividends');
    // B' = a for both, so each holds half the column; D ∝ 0.5 * stake.
    expect(ws.dividends[0]).toBeCloseTo(0.75, 15);
    expect(ws.dividends[1]).toBeCloseTo(0.25, 15);
  });
});
