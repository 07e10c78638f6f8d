/**
 * The typed-array epoch against the bigint one, step by step and whole (trace included), on random
 * mechanisms shaped as the chain stores them; plus when each path is taken and the lazy trace.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromInt, I32F32 } from '../../fixed/index.ts';
import type { SparseRow } from '../../state/types.ts';
import {
  bigintToRaw,
  csrFromRows,
  csrToRows,
  interpolateSparse,
  normalize,
  rawToBigint,
  type SparseEntry32,
  type Vec32,
} from '../math/index.ts';
import { consensusAndIncentive, consensusAndIncentiveCsr } from './consensus.ts';
import { CSR_MAX_UIDS, csrPathApplies } from './csrPathApplies.ts';
import { epochEmission, epochEmissionRaw } from './emission.ts';
import { extendRun, withLazyTrace } from './lazyTrace.ts';
import { type LiquidAlphaParams, liquidAlphaCsr, liquidAlphaRows } from './liquidAlpha.ts';
import { originalYumaBonds, originalYumaBondsCsr } from './originalBonds.ts';
import { yumaParams } from './params.ts';
import { activeStake, activeStakeRaw } from './permits.ts';
import { readBonds, readBondsCsr } from './readBonds.ts';
import type { MechanismEpochInput } from './runMechanismEpoch.ts';
import { runMechanismEpochCsr } from './runMechanismEpochCsr.ts';
import { runMechanismEpochRows } from './runMechanismEpochRows.ts';
import { TEST_PARAMS } from './testFixtures.ts';
import type { MechanismTrace } from './types.ts';
import { epochWeights, epochWeightsCsr } from './weights.ts';
import { yuma3Bonds, yuma3BondsCsr } from './yuma3Bonds.ts';

const ONE = I32F32.one;
const u16 = fc.oneof(fc.integer({ min: 0, max: 65_535 }), fc.constantFrom(0, 1, 65_535));
const unit = fc.oneof(fc.bigInt({ min: 0n, max: ONE }), fc.constantFrom(0n, ONE)) as fc.Arbitrary<I32F32>;

/** A stored u16 row over n columns (ascending, unique), sometimes dense. */
const u16Row = (n: number): fc.Arbitrary<SparseRow> =>
  fc.oneof(
    fc
      .uniqueArray(fc.tuple(fc.nat({ max: n - 1 }), u16), { selector: ([j]) => j, maxLength: n })
      .map((r) => r.sort((a, b) => a[0] - b[0])),
    fc.array(u16, { minLength: n, maxLength: n }).map((ws) => ws.map((w, j) => [j, w] as const)),
  );

/** One mechanism's epoch input on n UIDs with random stake, permits, blocks and hyperparameters. */
const mechanismInputs: fc.Arbitrary<MechanismEpochInput> = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc
    .record({
      stake: fc.array(fc.oneof(unit, fc.constant(0n as I32F32)), { minLength: n, maxLength: n }),
      permits: fc.array(fc.boolean(), { minLength: 0, maxLength: n + 1 }),
      newPermits: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      registered: fc.array(fc.constantFrom(0, 1, 9_000, 9_700, 10_000), { minLength: n, maxLength: n }),
      lastUpdate: fc.array(fc.constantFrom(0, 2_000, 9_500, 10_000), { minLength: 0, maxLength: n }),
      weights: fc.array(u16Row(n), { minLength: 0, maxLength: n }),
      bonds: fc.array(u16Row(n), { minLength: 0, maxLength: n }),
      commits: fc.option(fc.array(fc.option(fc.constantFrom(0, 9_000, 9_900)), { maxLength: n })),
      owner: fc.option(fc.nat({ max: n - 1 })),
      kappa: u16,
      bondsPenalty: fc.oneof(u16, fc.constantFrom(0, 65_535)),
      bondsMovingAverage: fc.integer({ min: 0, max: 1_000_000 }),
      yuma3: fc.boolean(),
      liquidAlpha: fc.boolean(),
      steepness: fc.constantFrom(1000, 0, -500, 3000, 32_767),
      raoEmission: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
    })
    .map((r) => ({
      block: 10_000,
      tempo: 360,
      ownerUid: r.owner,
      lastMechanismStepBlock: 9_639,
      params: yumaParams({
        ...TEST_PARAMS,
        kappa: r.kappa,
        bondsPenalty: r.bondsPenalty,
        bondsMovingAverage: r.bondsMovingAverage,
        yuma3: r.yuma3,
        liquidAlpha: r.liquidAlpha,
        alphaSigmoidSteepness: r.steepness,
      }),
      stake: normalize(r.stake),
      permits: r.permits,
      newPermits: r.newPermits,
      blockAtRegistration: r.registered,
      mechanism: {
        weights: r.weights,
        bonds: r.bonds,
        lastUpdate: r.lastUpdate,
        ...(r.commits === null ? {} : { commitBlocks: r.commits }),
      },
      raoEmission: r.raoEmission,
    })),
);

const liquidParams = (steepness: number): LiquidAlphaParams => ({
  alphaLow: ((45_875n << 32n) / 65_535n) as I32F32,
  alphaHigh: ((58_982n << 32n) / 65_535n) as I32F32,
  steepness: fromInt(I32F32, steepness),
});

describe('typed-array epoch steps give the bigint bits', () => {
  it('masks and normalises the weights, reads the bonds, masks the stake', () => {
    fc.assert(
      fc.property(mechanismInputs, (input) => {
        const n = input.stake.length;
        const w = {
          weights: input.mechanism.weights,
          n,
          permits: input.permits,
          ownerUid: input.ownerUid,
          lastUpdate: input.mechanism.lastUpdate,
          blockAtRegistration: input.blockAtRegistration,
          commitBlocks: input.mechanism.commitBlocks,
        };
        expect(csrToRows(epochWeightsCsr(w))).toEqual(epochWeights(w));
        for (const asProportion of [false, true]) {
          const b = {
            bonds: input.mechanism.bonds,
            n,
            asProportion,
            lastTempo: 9_700,
            blockAtRegistration: input.blockAtRegistration,
          };
          expect(csrToRows(readBondsCsr(b))).toEqual(readBonds(b));
        }
        const inactive = input.mechanism.lastUpdate.map((u) => u + 5000 < input.block);
        const s = { inactive, permits: input.permits };
        expect(rawToBigint(activeStakeRaw({ ...s, stake: bigintToRaw(input.stake) }))).toEqual(
          activeStake({ ...s, stake: input.stake }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('consensus, bonds (original, Yuma 3, liquid alpha) and emission', () => {
    fc.assert(
      fc.property(mechanismInputs, (input) => {
        const n = input.stake.length;
        const { params } = input;
        const weights = epochWeights({
          ...input.mechanism,
          n,
          permits: input.permits,
          ownerUid: null,
          blockAtRegistration: input.blockAtRegistration,
        });
        const stake = input.stake;
        const c = consensusAndIncentive({ activeStake: stake, weights, n, kappa: params.kappa });
        const cr = consensusAndIncentiveCsr({
          activeStake: bigintToRaw(stake),
          weights: csrFromRows(weights),
          n,
          kappa: Number(params.kappa),
        });
        expect(rawToBigint(cr.consensus)).toEqual(c.consensus);
        expect(csrToRows(cr.clippedWeights)).toEqual(c.clippedWeights);
        expect(rawToBigint(cr.validatorTrust)).toEqual(c.validatorTrust);
        expect(rawToBigint(cr.incentive)).toEqual(c.incentive);

        const wb = interpolateSparse({
          a: weights,
          b: c.clippedWeights,
          columns: n,
          ratio: params.bondsPenalty,
        });
        const read = (asProportion: boolean) =>
          readBonds({ bonds: input.mechanism.bonds, n, asProportion, lastTempo: 0, blockAtRegistration: [] });
        const common = { activeStake: stake, incentive: c.incentive, n, alpha: params.bondsAlpha };
        const commonRaw = {
          activeStake: bigintToRaw(stake),
          incentive: cr.incentive,
          n,
          alpha: Number(params.bondsAlpha),
        };

        const o = originalYumaBonds({ ...common, weightsForBonds: wb, bonds: read(false) });
        const or = originalYumaBondsCsr({
          ...commonRaw,
          weightsForBonds: csrFromRows(wb),
          bonds: csrFromRows(read(false)),
        });
        expect(csrToRows(or.bondsDelta)).toEqual(o.bondsDelta);
        expect(csrToRows(or.emaBonds)).toEqual(o.emaBonds);
        expect(csrToRows(or.bondsToStore)).toEqual(o.bondsToStore);
        expect(rawToBigint(or.dividends)).toEqual(o.dividends);

        for (const liquidAlpha of [null, liquidParams(1000), liquidParams(32_767)]) {
          const y = yuma3Bonds({
            ...common,
            weightsForBonds: wb,
            bonds: read(true),
            consensus: c.consensus,
            liquidAlpha,
          });
          const yr = yuma3BondsCsr({
            ...commonRaw,
            weightsForBonds: csrFromRows(wb),
            bonds: csrFromRows(read(true)),
            consensus: cr.consensus,
            liquidAlpha,
          });
          expect(csrToRows(yr.emaBonds)).toEqual(y.emaBonds);
          expect(csrToRows(yr.emaBondsNormalized)).toEqual(y.emaBondsNormalized);
          expect(rawToBigint(yr.dividends)).toEqual(y.dividends);
        }

        const e = epochEmission({
          incentive: c.incentive,
          dividends: o.dividends,
          stake,
          activeStake: stake,
          raoEmission: input.raoEmission,
        });
        const er = epochEmissionRaw({
          incentive: cr.incentive,
          dividends: or.dividends,
          stake: bigintToRaw(stake),
          activeStake: bigintToRaw(stake),
          raoEmission: input.raoEmission,
        });
        expect([er.server, er.validator, er.combined]).toEqual([e.server, e.validator, e.combined]);
        expect(rawToBigint(er.normalizedCombined)).toEqual(e.normalizedCombined);
      }),
      { numRuns: 300 },
    );
  });

  it('liquid alpha on the W_b entries, at every steepness (float and bigint sigmoid)', () => {
    const cells = fc.array(fc.tuple(unit, unit, unit), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(cells, fc.integer({ min: -32_768, max: 32_767 }), (triples, steepness) => {
        // One row: weights at columns 0..k-1, bonds at the same columns, consensus per column.
        const weights: SparseEntry32[][] = [triples.map(([w], j) => [j, w] as const)];
        const bonds: SparseEntry32[][] = [triples.map(([, b], j) => [j, b] as const)];
        const consensus: Vec32 = triples.map(([, , c]) => c);
        const params = liquidParams(steepness);
        const want = liquidAlphaRows({ weights, bonds, consensus, params })[0]!;
        const got = liquidAlphaCsr({
          weights: csrFromRows(weights),
          bonds: csrFromRows(bonds),
          consensus: bigintToRaw(consensus),
          params,
        });
        expect(rawToBigint(got)).toEqual(want);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('runMechanismEpochCsr', () => {
  it('equals the bigint epoch, trace included (property)', () => {
    fc.assert(
      fc.property(mechanismInputs, (input) => {
        fc.pre(
          csrPathApplies({
            n: input.stake.length,
            mechanism: input.mechanism,
            params: input.params,
            stake: input.stake,
          }),
        );
        const plain = (x: unknown) =>
          JSON.parse(JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? `${v}` : v)));
        expect(plain(runMechanismEpochCsr(input))).toEqual(plain(runMechanismEpochRows(input)));
      }),
      { numRuns: 400 },
    );
  });
});

describe('csrPathApplies', () => {
  const base = { params: yumaParams(TEST_PARAMS), stake: [ONE >> 1n, ONE >> 1n] as I32F32[] };
  const mech = (weights: SparseRow[], bonds: SparseRow[] = []) => ({ weights, bonds, lastUpdate: [] });

  it('takes rows as the chain stores them', () => {
    expect(csrPathApplies({ ...base, n: 2, mechanism: mech([[[1, 5]], [[0, 0]]], [[[1, 65_535]]]) })).toBe(
      true,
    );
    // Weights beyond n are ignored by the epoch, so they do not matter.
    expect(
      csrPathApplies({
        ...base,
        n: 2,
        mechanism: mech([
          [
            [1, 5],
            [7, 3],
          ],
        ]),
      }),
    ).toBe(true);
  });

  it('sends anything else to the bigint path', () => {
    const no = (m: ReturnType<typeof mech>, n = 2, extra = {}) =>
      expect(csrPathApplies({ ...base, ...extra, n, mechanism: m })).toBe(false);
    no(
      mech([
        [
          [1, 5],
          [0, 3],
        ],
      ]),
    ); // descending
    no(
      mech([
        [
          [1, 5],
          [1, 3],
        ],
      ]),
    ); // duplicate
    no(mech([[[1, 70_000]]])); // not a u16
    no(mech([[[1, 0.5]]])); // not an integer
    no(mech([], [[[2, 1]]])); // bond beyond n
    no(mech([]), 2, { stake: [ONE + 1n, 0n] }); // stake share above 1
    no(mech([]), 2, { params: { ...base.params, bondsAlpha: -1n } }); // EMA weight below 0
    no(mech([]), CSR_MAX_UIDS + 1);
  });
});

describe('lazy trace', () => {
  it('is computed on first read only, once, and survives extendRun', () => {
    let builds = 0;
    const trace = { stake: [] } as unknown as MechanismTrace;
    const run = withLazyTrace({ a: 1 }, () => {
      builds++;
      return trace;
    });
    const extended = extendRun(run, { b: 2 });
    expect(builds).toBe(0);
    expect(Object.keys(extended)).toEqual(['a', 'trace', 'b']);
    expect(extended.trace).toBe(trace);
    expect(extended.trace).toBe(trace);
    expect(builds).toBe(1);
  });
});
