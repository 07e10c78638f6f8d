import { describe, expect, it } from 'vitest';
import { fromInt, I64F64 } from '../../fixed/index.ts';
import type { EpochInput } from '../types.ts';
import { createFastEpoch, fastEpoch, splitMechanismEmission, toFastEpochInputs } from './fastEpoch.ts';
import { FAST_TEST_PARAMS } from './testFixtures.ts';

/** Validators 0 (0.75) and 1 (0.25) weigh miner 2; Yuma 3. */
function chainInput(extra: Partial<EpochInput> = {}): EpochInput {
  return {
    block: 1000,
    tempo: 360,
    ownerUid: null,
    lastMechanismStepBlock: 0,
    params: { ...FAST_TEST_PARAMS, yuma3: true, stakeThreshold: 0n },
    neurons: [3, 1, 0].map((s) => ({
      stake: fromInt(I64F64, s),
      lastUpdate: 1000,
      blockAtRegistration: 0,
      validatorPermit: s > 0,
    })),
    weights: [[[2, 65_535]], [[2, 65_535]], []],
    bonds: [[], [], []],
    raoEmission: 1_000_000_001n,
    ...extra,
  };
}

describe('splitMechanismEmission', () => {
  it('splits evenly with the remainder to mechanism 0, or by the u16 shares', () => {
    const extra = { weights: [], bonds: [], lastUpdate: [] };
    expect(splitMechanismEmission(chainInput({ raoEmission: 101n, extraMechanisms: [extra] }))).toEqual([
      51n,
      50n,
    ]);
    expect(
      splitMechanismEmission(
        chainInput({ raoEmission: 65_535n, extraMechanisms: [extra], mechanismEmissionSplit: [65_535, 0] }),
      ),
    ).toEqual([65_535n, 0n]);
  });
});

describe('toFastEpochInputs', () => {
  it('applies the stake threshold on the exact stake weights, then converts them to floats', () => {
    // 999.99... in I64F64: as a float it rounds to 1000, but its floor is 999.
    const justBelow = (fromInt(I64F64, 1000) - 1n) as I64F64;
    const input = chainInput({
      params: { ...chainInput().params, stakeThreshold: 1000n },
      neurons: [justBelow, fromInt(I64F64, 1000)].map((stake) => ({
        stake,
        lastUpdate: 1000,
        blockAtRegistration: 0,
        validatorPermit: true,
      })),
      weights: [[], []],
      bonds: [[], []],
    });
    const [fi] = toFastEpochInputs(input);
    expect(Array.from(fi!.stake)).toEqual([0, 1000]);
    expect(fi!.params.stakeThreshold).toBe(0);
  });

  it('gives each mechanism its weights, LastUpdate, commits and share of the emission', () => {
    const input = chainInput({
      commitBlocks: [null, 5, null],
      extraMechanisms: [{ weights: [[[1, 1]]], bonds: [], lastUpdate: [7] }],
    });
    const [main, second] = toFastEpochInputs(input);
    expect(Array.from(main!.commitBlock!)).toEqual([Number.POSITIVE_INFINITY, 5, Number.POSITIVE_INFINITY]);
    expect(main!.raoEmission + second!.raoEmission).toBe(1_000_000_001);
    expect(Array.from(second!.lastUpdate)).toEqual([7]);
    expect(second!.weights.rows).toBe(3);
    expect(second!.commitBlock).toBeUndefined();
  });
});

describe('fastEpoch', () => {
  it('returns the chain contract: integer alpha, stored u16 values, u16 bond rows', () => {
    const out = fastEpoch(chainInput());
    expect(out.serverEmission).toEqual([0n, 0n, 500_000_000n]);
    expect(out.validatorEmission).toEqual([375_000_000n, 125_000_000n, 0n]);
    expect(out.incentive).toEqual([0, 0, 65_535]);
    expect(out.dividends).toEqual([49_151, 16_383, 0]);
    expect(out.consensus).toEqual([0, 0, 65_535]);
    expect(out.validatorPermit).toEqual([true, true, false]);
    expect(out.active).toEqual([true, true, true]);
    expect(out.stakeWeight).toEqual([49_151, 16_383, 0]);
    expect(out.bonds.map((row) => row.map(([j]) => j))).toEqual([[2], [2], []]);
    expect(out.mechanisms).toHaveLength(1);
  });

  it('sums the mechanisms\u2019 emissions and never pays out more than the epoch\u2019s alpha', () => {
    const input = chainInput({
      extraMechanisms: [
        { weights: [[[1, 65_535]], [[0, 65_535]], []], bonds: [], lastUpdate: [1000, 1000, 1000] },
      ],
    });
    const out = fastEpoch(input);
    const total = [...out.serverEmission, ...out.validatorEmission].reduce((a, b) => a + b, 0n);
    expect(total).toBeLessThanOrEqual(input.raoEmission);
    expect(total).toBeGreaterThan(input.raoEmission - 10n);
    expect(out.mechanisms).toHaveLength(2);
    // Miner 2 earns only in mechanism 0 (half of the alpha, half of that to miners).
    expect(out.serverEmission[2]).toBe(250_000_000n);
  });

  it('keeps its own workspace per instance', () => {
    const mine = createFastEpoch();
    expect(mine(chainInput())).toEqual(fastEpoch(chainInput()));
  });
});
