import { describe, expect, it } from 'vitest';
import { csrFromRows, csrToRows } from './csrMatrix.ts';
import { runFastEpoch } from './runFastEpoch.ts';
import { fastInputFixture } from './testFixtures.ts';
import type { FastEpochResult } from './types.ts';
import { createFastEpochWorkspace } from './workspace.ts';
import { bondsEmaAlpha } from './yuma3Bonds.ts';

const copy = (r: FastEpochResult) => ({
  incentive: Array.from(r.incentive),
  dividends: Array.from(r.dividends),
  consensus: Array.from(r.consensus),
  validatorTrust: Array.from(r.validatorTrust),
  validatorPermit: Array.from(r.validatorPermit),
  active: Array.from(r.active),
  serverEmission: Array.from(r.serverEmission),
  validatorEmission: Array.from(r.validatorEmission),
  bonds: csrToRows(r.bonds),
});

const twoValidators = fastInputFixture({
  stakes: [3, 1, 0, 0],
  weights: [[[2, 1]], [[2, 1]]],
  params: { yuma3: true },
  block: 1000,
});

describe('runFastEpoch', () => {
  it('runs Yuma 3 end to end on a tiny subnet', () => {
    const out = copy(runFastEpoch(createFastEpochWorkspace(), twoValidators));
    const bond = Math.floor(bondsEmaAlpha(900_000) * 65_535);
    expect(out).toEqual({
      incentive: [0, 0, 1, 0],
      dividends: [0.75, 0.25, 0, 0],
      consensus: [0, 0, 1, 0],
      validatorTrust: [1, 1, 0, 0],
      validatorPermit: [1, 1, 0, 0],
      active: [1, 1, 1, 1],
      serverEmission: [0, 0, 500_000_000, 0],
      validatorEmission: [375_000_000, 125_000_000, 0, 0],
      bonds: [[[2, bond]], [[2, bond]], [], []],
    });
  });

  it('gives the same results on a reused workspace, across sizes', () => {
    const other = fastInputFixture({
      stakes: [5, 0, 2, 1, 0, 0],
      weights: [
        [
          [1, 3],
          [4, 1],
        ],
        [],
        [[1, 1]],
        [[5, 2]],
      ],
      block: 1000,
    });
    const fresh = copy(runFastEpoch(createFastEpochWorkspace(), twoValidators));
    const ws = createFastEpochWorkspace(4);
    const first = runFastEpoch(ws, twoValidators);
    expect(copy(first)).toEqual(fresh);
    expect(copy(runFastEpoch(ws, other))).toEqual(copy(runFastEpoch(createFastEpochWorkspace(), other)));
    expect(copy(runFastEpoch(ws, twoValidators))).toEqual(fresh);
    // Same size: the same result object, refilled (nothing new is allocated).
    expect(runFastEpoch(ws, twoValidators)).toBe(runFastEpoch(ws, twoValidators));
  });

  it('accepts its own result\u2019s bonds as the next input (read before written)', () => {
    const ws = createFastEpochWorkspace();
    const first = runFastEpoch(ws, twoValidators);
    const stored = csrFromRows(csrToRows(first.bonds), 4);
    const next = { ...twoValidators, block: 1360, lastMechanismStepBlock: 1000 };
    const expected = copy(runFastEpoch(createFastEpochWorkspace(), { ...next, bonds: stored }));
    expect(copy(runFastEpoch(ws, { ...next, bonds: first.bonds }))).toEqual(expected);
  });

  it('sends everything to validators by stake when no weights count', () => {
    const input = fastInputFixture({ stakes: [3, 1, 0], raoEmission: 1000 });
    const out = copy(runFastEpoch(createFastEpochWorkspace(), input));
    expect(out.serverEmission).toEqual([0, 0, 0]);
    expect(out.validatorEmission).toEqual([750, 250, 0]);
  });
});
