/**
 * The fast epoch against the exact one on random graphs: random stakes (equal, tiny and below the
 * threshold included), sparse and dense weights with explicit zeros, inactive and re-registered UIDs,
 * owner self-weights, commit-reveal masks, a second mechanism, both Yuma versions, liquid alpha on and
 * off, and several epochs of bond history carried from the exact path's stored bonds. Proportions agree
 * within 1e-6 and permits exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom as rng } from '../../../../test/support/seededRandom.ts';
import type { I64F64 } from '../../fixed/index.ts';
import type { EpochParams, SparseRow } from '../../state/types.ts';
import type { EpochInput, EpochOutput, MechanismInput } from '../types.ts';
import { runYumaEpoch, yumaEpoch } from '../yuma/index.ts';
import { fastEpoch, toFastEpochInputs } from './fastEpoch.ts';
import { runFastEpoch } from './runFastEpoch.ts';
import { createFastEpochWorkspace } from './workspace.ts';

const TOLERANCE = 1e-6;
const TEMPO = 360;

/** What fast-check varies; the rest is drawn from the seed. */
interface Shape {
  readonly seed: number;
  readonly n: number;
  readonly yuma3: boolean;
  readonly liquidAlpha: boolean;
  readonly dense: boolean;
  readonly penalty: 'one' | 'zero' | 'between';
  readonly randomKappa: boolean;
  readonly owner: boolean;
  readonly commitReveal: boolean;
  readonly threshold: boolean;
  readonly mechanisms: 1 | 2;
  readonly epochs: number;
}

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  n: fc.integer({ min: 2, max: 24 }),
  yuma3: fc.boolean(),
  liquidAlpha: fc.boolean(),
  dense: fc.boolean(),
  penalty: fc.constantFrom('one' as const, 'zero' as const, 'between' as const),
  randomKappa: fc.boolean(),
  owner: fc.boolean(),
  commitReveal: fc.boolean(),
  threshold: fc.boolean(),
  mechanisms: fc.constantFrom(1 as const, 2 as const),
  epochs: fc.integer({ min: 2, max: 4 }),
});

function weightRows(rand: () => number, n: number, dense: boolean): SparseRow[] {
  return Array.from({ length: n }, () => {
    if (rand() < 0.15) return [];
    const row: [number, number][] = [];
    for (let j = 0; j < n; j++) {
      if (!dense && rand() > 0.3) continue;
      // Explicit zeros are stored by set_weights and matter for liquid-alpha bonds.
      row.push([j, rand() < 0.1 ? 0 : 1 + Math.floor(rand() * 65_535)]);
    }
    return row;
  });
}

function lastUpdates(rand: () => number, n: number, block: number): number[] {
  // About one in ten is past the activity cutoff (5000 blocks at tempo 360).
  return Array.from({ length: n }, () => (rand() < 0.1 ? block - 6000 : block - Math.floor(rand() * 100)));
}

/** A random first epoch input for `shape`. */
function scenario(shape: Shape): EpochInput {
  const rand = rng(shape.seed);
  const { n } = shape;
  const block = 10_000;
  const validators = 1 + Math.floor(rand() * n);
  const equal = rand() < 0.3;
  const stakeOf = (i: number): bigint => {
    if (i >= validators) return rand() < 0.2 ? BigInt(1000 + Math.floor(rand() * 5000)) << 64n : 0n;
    const r = rand();
    // A share below 2^-32 vanishes on chain; equal stakes tie in the permit ranking.
    if (r < 0.05) return 5n;
    if (equal) return 1000n << 64n;
    // Shares from about 1e-3 up: below that the chain's own I32F32 products (stake times weight) keep
    // too few bits for a 1e-6 comparison when such validators alone set the incentive.
    return (BigInt(1000 + Math.floor(rand() * 1_000_000)) << 64n) + BigInt(Math.floor(rand() * 2 ** 40));
  };
  const params: EpochParams = {
    // Around the default 0.5: near 0 or 1 the consensus degenerates to a column's max or min, and
    // with it the ranks can shrink to where I32F32 keeps too few bits for a 1e-6 comparison (the
    // extremes are covered by the consensus tests).
    kappa: shape.randomKappa ? 20_000 + Math.floor(rand() * 25_000) : 32_767,
    // An EMA weight of at least 0.05: with a weight near 0 the new bonds are so small that I32F32
    // keeps too few bits of them for a 1e-6 comparison of the dividends.
    bondsMovingAverage: rand() < 0.5 ? 900_000 : Math.floor(rand() * 950_000),
    bondsPenalty:
      shape.penalty === 'one' ? 65_535 : shape.penalty === 'zero' ? 0 : 1 + Math.floor(rand() * 65_534),
    yuma3: shape.yuma3,
    liquidAlpha: shape.liquidAlpha,
    alphaLow: rand() < 0.5 ? 45_875 : 1638 + Math.floor(rand() * 20_000),
    alphaHigh: rand() < 0.5 ? 58_982 : 40_000 + Math.floor(rand() * 25_535),
    alphaSigmoidSteepness: rand() < 0.5 ? 1000 : 1 + Math.floor(rand() * 3000),
    maxAllowedValidators: 1 + Math.floor(rand() * (n + 2)),
    activityCutoffFactorMilli: 13_889,
    stakeThreshold: shape.threshold ? BigInt(Math.floor(rand() * 2000)) : 0n,
  };
  const neurons = Array.from({ length: n }, (_, i) => ({
    stake: stakeOf(i) as I64F64,
    lastUpdate: 0,
    // Recent registrations: bonds towards them are dropped, and weights set before them too.
    blockAtRegistration: rand() < 0.15 ? block - Math.floor(rand() * 400) : 0,
    validatorPermit: i < validators && rand() < 0.8,
  }));
  const updates = lastUpdates(rand, n, block);
  const commits = (): (number | null)[] =>
    Array.from({ length: n }, () => (rand() < 0.5 ? null : block - Math.floor(rand() * 500)));
  const extra: MechanismInput[] =
    shape.mechanisms === 2
      ? [
          {
            weights: weightRows(rand, n, !shape.dense),
            bonds: Array.from({ length: n }, () => []),
            lastUpdate: lastUpdates(rand, n, block),
            ...(shape.commitReveal ? { commitBlocks: commits() } : {}),
          },
        ]
      : [];
  return {
    block,
    tempo: TEMPO,
    ownerUid: shape.owner ? Math.floor(rand() * n) : null,
    lastMechanismStepBlock: 0,
    params,
    neurons: neurons.map((u, i) => ({ ...u, lastUpdate: updates[i]! })),
    weights: weightRows(rand, n, shape.dense),
    bonds: Array.from({ length: n }, () => []),
    raoEmission: BigInt(1 + Math.floor(rand() * 1e12)),
    ...(shape.commitReveal ? { commitBlocks: commits() } : {}),
    ...(extra.length > 0 ? { extraMechanisms: extra, mechanismEmissionSplit: [40_000, 25_535] } : {}),
  };
}

/** The next epoch's input: the exact path's stored bonds and permits, a tempo later. */
function nextEpoch(input: EpochInput, exact: EpochOutput, rand: () => number): EpochInput {
  const block = input.block + TEMPO;
  const extraBonds = exact.mechanisms?.slice(1).map((m) => m.bonds) ?? [];
  return {
    ...input,
    block,
    lastMechanismStepBlock: input.block,
    neurons: input.neurons.map((u, i) => ({
      ...u,
      validatorPermit: exact.validatorPermit[i] === true,
      lastUpdate: rand() < 0.7 ? block - Math.floor(rand() * 50) : u.lastUpdate,
    })),
    bonds: exact.bonds,
    ...(input.extraMechanisms === undefined
      ? {}
      : {
          extraMechanisms: input.extraMechanisms.map((m, k) => ({
            ...m,
            bonds: extraBonds[k] ?? [],
            lastUpdate: m.lastUpdate.map((b) => (rand() < 0.7 ? block - Math.floor(rand() * 50) : b)),
          })),
        }),
  };
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) m = Math.max(m, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return m;
};

const fromI32 = (v: readonly bigint[]): number[] => v.map((x) => Number(x) / 2 ** 32);

/** Stored bond rows as a dense n x n map of u16 values. */
function denseBonds(rows: readonly SparseRow[], n: number): number[] {
  const out = new Array<number>(n * n).fill(0);
  rows.forEach((row, i) => {
    for (const [j, v] of row) if (i < n && j < n) out[i * n + j] = v;
  });
  return out;
}

/** Run one scenario for its epochs; return the largest differences seen. */
function compare(shape: Shape): Record<string, number> {
  const ws = createFastEpochWorkspace();
  const rand = rng(shape.seed ^ 0x5bd1e995);
  let input = scenario(shape);
  const worst: Record<string, number> = {};
  const note = (key: string, v: number) => {
    worst[key] = Math.max(worst[key] ?? 0, v);
  };
  for (let epoch = 0; epoch < shape.epochs; epoch++) {
    const exact = runYumaEpoch(input);
    const exactContract = yumaEpoch(input);
    const fastContract = fastEpoch(input);
    const n = input.neurons.length;
    toFastEpochInputs(input).forEach((fi, k) => {
      const trace = exact.mechanisms[k]!.trace;
      const fast = runFastEpoch(ws, fi);
      note('incentive', maxDiff(fromI32(trace.incentive), fast.incentive));
      note('dividends', maxDiff(fromI32(trace.dividends), fast.dividends));
      note('consensus', maxDiff(fromI32(trace.consensus), fast.consensus));
      note('validatorTrust', maxDiff(fromI32(trace.validatorTrust), fast.validatorTrust));
      note('stake', maxDiff(fromI32(trace.stake), fast.stake));
    });
    expect(fastContract.validatorPermit).toEqual(exactContract.validatorPermit);
    expect(fastContract.active).toEqual(exactContract.active);
    const rao = Number(input.raoEmission);
    const share = (v: readonly bigint[]) => v.map((x) => Number(x) / rao);
    note('serverShare', maxDiff(share(fastContract.serverEmission), share(exactContract.serverEmission)));
    note(
      'validatorShare',
      maxDiff(share(fastContract.validatorEmission), share(exactContract.validatorEmission)),
    );
    note('storedU16', maxDiff(fastContract.incentive, exactContract.incentive));
    note('storedU16', maxDiff(fastContract.dividends, exactContract.dividends));
    note('storedBondU16', maxDiff(denseBonds(fastContract.bonds, n), denseBonds(exactContract.bonds, n)));
    input = nextEpoch(input, exactContract, rand);
  }
  return worst;
}

describe('fast epoch vs exact epoch', () => {
  it('agrees on random graphs within 1e-6 on proportions, exactly on permits', () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const worst = compare(shape);
        expect(worst.incentive ?? 0).toBeLessThanOrEqual(TOLERANCE);
        expect(worst.dividends ?? 0).toBeLessThanOrEqual(TOLERANCE);
        expect(worst.consensus ?? 0).toBeLessThanOrEqual(TOLERANCE);
        expect(worst.validatorTrust ?? 0).toBeLessThanOrEqual(TOLERANCE);
        expect(worst.stake ?? 0).toBeLessThanOrEqual(TOLERANCE);
        expect(worst.serverShare ?? 0).toBeLessThanOrEqual(TOLERANCE);
        expect(worst.validatorShare ?? 0).toBeLessThanOrEqual(TOLERANCE);
        // Stored u16 values floor the proportions: one unit apart at most.
        expect(worst.storedU16 ?? 0).toBeLessThanOrEqual(1);
        expect(worst.storedBondU16 ?? 0).toBeLessThanOrEqual(1);
      }),
      // A fixed seed keeps the suite deterministic: in rare graphs the chain's own I32F32 rounding
      // brings the gap near 1e-6 (over 25,000 random graphs: incentive 6.1e-7, Yuma 3 dividends
      // 6.6e-7). Change it to explore.
      { numRuns: 200, seed: 20_260_701 },
    );
  });

  it('agrees on larger subnets (up to 96 UIDs)', () => {
    const larger = shapeArb.chain((shape) =>
      fc.integer({ min: 32, max: 96 }).map((n) => ({ ...shape, n, epochs: 2 })),
    );
    fc.assert(
      fc.property(larger, (shape) => {
        const worst = compare(shape);
        expect(worst.incentive ?? 0).toBeLessThanOrEqual(TOLERANCE);
        expect(worst.dividends ?? 0).toBeLessThanOrEqual(TOLERANCE);
      }),
      { numRuns: 12, seed: 20_260_702 },
    );
  });
});
