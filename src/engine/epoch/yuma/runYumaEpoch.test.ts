import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { I32F32 } from '../../fixed/index.ts';
import type { EpochParams, SparseRow } from '../../state/types.ts';
import type { EpochInput } from '../types.ts';
import { runYumaEpoch } from './runYumaEpoch.ts';
import { epochInputFixture } from './testFixtures.ts';
import type { YumaEpochOutput } from './types.ts';
import { yumaEpoch } from './yumaEpoch.ts';

const ONE = I32F32.one;
const total = (v: readonly bigint[]) => v.reduce((a, b) => a + b, 0n);

/** Sum of a normalised vector: exactly 0, or 1 less at most one LSB per entry (truncating divisions). */
function expectNormalised(v: readonly bigint[]): void {
  const s = total(v);
  if (s !== 0n) {
    expect(s).toBeLessThanOrEqual(ONE);
    expect(s).toBeGreaterThanOrEqual(ONE - BigInt(v.length));
  }
}

const u16 = fc.integer({ min: 0, max: 65_535 });

/** Random subnets: up to 8 UIDs, random stakes, permits, weights (self-weights included), bonds. */
const epochInputs: fc.Arbitrary<EpochInput> = fc.integer({ min: 1, max: 8 }).chain((n) => {
  const row = fc
    .uniqueArray(fc.tuple(fc.nat({ max: n - 1 }), u16), { selector: ([j]) => j, maxLength: n })
    .map((r) => r.sort((a, b) => a[0] - b[0]) as SparseRow);
  const params: fc.Arbitrary<Partial<EpochParams>> = fc.record({
    kappa: u16,
    bondsPenalty: u16,
    bondsMovingAverage: fc.integer({ min: 0, max: 1_000_000 }),
    yuma3: fc.boolean(),
    liquidAlpha: fc.boolean(),
    maxAllowedValidators: fc.integer({ min: 0, max: 10 }),
  });
  return fc
    .record({
      stakes: fc.array(fc.bigInt({ min: 0n, max: 1n << 40n }), { minLength: n, maxLength: n }),
      permits: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      weights: fc.array(row, { minLength: n, maxLength: n }),
      bonds: fc.array(row, { minLength: n, maxLength: n }),
      params,
      owner: fc.option(fc.nat({ max: n - 1 }), { nil: null }),
      raoEmission: fc.bigInt({ min: 0n, max: 1n << 50n }),
    })
    .map((r) =>
      epochInputFixture({
        stakes: r.stakes,
        permits: r.permits,
        weights: r.weights,
        bonds: r.bonds,
        params: r.params,
        ownerUid: r.owner,
        raoEmission: r.raoEmission,
      }),
    );
});

describe('runYumaEpoch', () => {
  it('pays a consensus miner and its validators (hand-checked two-validator case)', () => {
    const out = runYumaEpoch(
      epochInputFixture({
        stakes: [1, 1, 0],
        weights: [[[2, 65_535]], [[2, 65_535]], []],
        raoEmission: 1000n,
      }),
    );
    expect(out.consensus).toEqual([0, 0, 65_535]);
    expect(out.incentive).toEqual([0, 0, 65_535]);
    expect(out.dividends).toEqual([32_767, 32_767, 0]);
    expect(out.serverEmission).toEqual([0n, 0n, 500n]);
    expect(out.validatorEmission).toEqual([250n, 250n, 0n]);
    expect(out.validatorTrust).toEqual([65_535, 65_535, 0]);
    expect(out.stakeWeight).toEqual([32_767, 32_767, 0]);
    expect(out.bonds).toEqual([[[2, 65_535]], [[2, 65_535]], []]);
    expect(out.validatorPermit).toEqual([true, true, false]);
    expect(out.emission).toEqual([250n, 250n, 500n]);
  });

  it('keeps the invariants of the stored values on random subnets (property)', () => {
    fc.assert(
      fc.property(epochInputs, (input) => {
        const out = runYumaEpoch(input);
        const n = input.neurons.length;
        const m = out.mechanisms[0]!;
        // Incentive and dividends are normalised (or all zero).
        expectNormalised(m.trace.incentive);
        expectNormalised(m.trace.dividends);
        // Never more than the epoch's emission.
        expect(total(out.serverEmission) + total(out.validatorEmission)).toBeLessThanOrEqual(
          input.raoEmission,
        );
        // Stored values are u16; bonds only for new permit holders.
        for (const v of [out.incentive, out.dividends, out.consensus, out.validatorTrust, out.stakeWeight]) {
          expect(v.length).toBe(n);
          expect(v.filter((x) => !(x >= 0 && x <= 65_535))).toEqual([]);
        }
        out.bonds.forEach((row, uid) => {
          if (!out.validatorPermit[uid]) expect(row).toEqual([]);
          for (const [j, b] of row) {
            expect(j).toBeGreaterThanOrEqual(0);
            expect(j).toBeLessThan(n);
            expect(b).toBeGreaterThanOrEqual(0);
            expect(b).toBeLessThanOrEqual(65_535);
          }
        });
        // Permits: the owner always, at most k others.
        if (input.ownerUid !== null) expect(out.validatorPermit[input.ownerUid]).toBe(true);
        const others = out.validatorPermit.filter((p, uid) => p && uid !== input.ownerUid).length;
        expect(others).toBeLessThanOrEqual(input.params.maxAllowedValidators);
      }),
      { numRuns: 300 },
    );
  });

  it('is what the chain calls through the epoch contract', () => {
    const input = epochInputFixture({ stakes: [3, 1, 0], weights: [[[2, 1]], [[2, 1]], []] });
    expect(yumaEpoch(input)).toEqual(runYumaEpoch(input));
  });
});

describe('mechanisms (sub-subnets)', () => {
  const input = epochInputFixture({
    stakes: [3, 1, 0, 0],
    weights: [[[2, 65_535]], [[2, 65_535]], [], []],
    raoEmission: 1001n,
  });
  const lastUpdate = input.neurons.map((u) => u.lastUpdate);

  it('splits the emission and sums the mechanisms, each on its own weights', () => {
    const out = runYumaEpoch({
      ...input,
      extraMechanisms: [{ weights: [[[3, 65_535]], [[3, 65_535]], [], []], bonds: [], lastUpdate }],
    });
    expect(out.mechanisms.map((m) => m.raoEmission)).toEqual([501n, 500n]);
    expect(out.mechanisms[0]!.incentive).toEqual([0, 0, 65_535, 0]);
    expect(out.mechanisms[1]!.incentive).toEqual([0, 0, 0, 65_535]);
    expect(out.incentive).toEqual(out.mechanisms[0]!.incentive);
    expect(out.serverEmission).toEqual([0n, 0n, 250n, 250n]);
    expect(out.validatorEmission[0]! + out.validatorEmission[1]!).toBeLessThanOrEqual(501n);
    // Stored consensus is the emission-weighted average: 65535 * 501/1001 and 65535 * 500/1001, floored.
    const weighted = (part: bigint) => Number((65_535n * ((part << 64n) / 1001n)) >> 64n);
    expect(out.consensus.slice(2)).toEqual([weighted(501n), weighted(500n)]);
    expect(out.consensus.slice(2)).toEqual([32_800, 32_734]);
  });

  it('with a split that gives one mechanism everything, equals a single mechanism', () => {
    const single = runYumaEpoch(input);
    const split = runYumaEpoch({
      ...input,
      extraMechanisms: [{ weights: [[[3, 65_535]], [], [], []], bonds: [], lastUpdate }],
      mechanismEmissionSplit: [65_535, 0],
    });
    expect(split.serverEmission).toEqual(single.serverEmission);
    expect(split.validatorEmission).toEqual(single.validatorEmission);
    expect(split.dividends).toEqual(single.dividends);
    expect(split.emission).toEqual(single.emission);
  });
});

/** Each validator's share of the bonds on a miner column, from the stored u16 bonds. */
function bondShare(out: YumaEpochOutput, uid: number, miner: number): number {
  const cells = out.bonds.map((row) => row.find(([j]) => j === miner)?.[1] ?? 0);
  const sum = cells.reduce((a, b) => a + b, 0);
  return sum === 0 ? 0 : cells[uid]! / sum;
}

describe('bonds reward copying the consensus and punish deviating', () => {
  // UIDs 0 and 1 copy the consensus (miner 3); UID 2 switches to miner 4 after the first epoch.
  const scenario = (stakes: readonly bigint[], params: Partial<EpochParams>) => {
    let input = epochInputFixture({
      stakes: [...stakes, 0n, 0n],
      weights: [[[3, 65_535]], [[3, 65_535]], [[3, 65_535]], [], []],
      params: { ...params, maxAllowedValidators: 3 },
    });
    const outs: YumaEpochOutput[] = [];
    for (let epoch = 0; epoch < 6; epoch++) {
      if (epoch === 1) {
        const weights = [...input.weights];
        weights[2] = [
          [3, 0],
          [4, 65_535],
        ];
        input = { ...input, weights };
      }
      const out = runYumaEpoch(input);
      outs.push(out);
      input = { ...input, bonds: out.bonds, block: input.block + 1 };
    }
    return outs;
  };
  const stakes = fc
    .tuple(
      fc.integer({ min: 1, max: 1000 }),
      fc.integer({ min: 1, max: 1000 }),
      fc.integer({ min: 1, max: 1000 }),
    )
    // The copiers hold a clear majority, so the deviator never moves the consensus.
    .filter(([a, b, c]) => a + b > 1.5 * c && a + b >= 0.6 * (a + b + c))
    .map((xs) => xs.map(BigInt));

  for (const [name, params] of [
    ['original Yuma', { yuma3: false }],
    ['Yuma 3', { yuma3: true, liquidAlpha: false, bondsPenalty: 0 }],
    ['Yuma 3 with liquid alpha', { yuma3: true, liquidAlpha: true, bondsPenalty: 0 }],
  ] as const) {
    it(`${name} (property)`, () => {
      fc.assert(
        fc.property(stakes, (s) => {
          const outs = scenario(s, params);
          const first = outs[0]!;
          const last = outs[outs.length - 1]!;
          // The deviator's bond share on the consensus miner shrinks epoch after epoch, and so do its dividends.
          for (let e = 2; e < outs.length; e++) {
            expect(bondShare(outs[e]!, 2, 3)).toBeLessThanOrEqual(bondShare(outs[e - 1]!, 2, 3));
          }
          expect(bondShare(last, 2, 3)).toBeLessThan(bondShare(first, 2, 3));
          expect(last.dividends[2]!).toBeLessThan(first.dividends[2]!);
          // The copiers keep (and gain) their dividends.
          for (const uid of [0, 1])
            expect(last.dividends[uid]!).toBeGreaterThanOrEqual(first.dividends[uid]!);
        }),
        { numRuns: 60 },
      );
    });
  }
});
