/**
 * Random epoch inputs for the exact epoch's regression test, drawn from a seed so that a fixture can
 * name a case by its seed: sparse and dense u16 weights (explicit zeros, self-weights), stored bonds,
 * stakes from zero to 21e15 whole units, permits, an owner UID, both Yuma versions, liquid alpha,
 * extra mechanisms, commit blocks, inactive and re-registered UIDs, and now and then a row the chain
 * would never store (unsorted, duplicate or out-of-range columns).
 */

import { type Random, seededRandom } from '../../../../../test/support/seededRandom.ts';
import { RAO_PER_TAO } from '../../../chainConstants.ts';
import { fromInt, I64F64 } from '../../../fixed/index.ts';
import type { EpochParams, SparseRow } from '../../../state/types.ts';
import type { EpochInput, MechanismInput } from '../../types.ts';
import type { YumaEpochOutput } from '../types.ts';

/** Integer in [lo, hi]. */
const int = (rand: Random, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const chance = (rand: Random, p: number): boolean => rand() < p;
const pick = <T>(rand: Random, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
/** bigint in [0, max]. */
const bigBelow = (rand: Random, max: bigint): bigint => {
  const hi = BigInt(Math.floor(rand() * 2 ** 32));
  const lo = BigInt(Math.floor(rand() * 2 ** 32));
  return ((hi << 32n) | lo) % (max + 1n);
};

const MAX_STAKE = 21_000_000_000_000_000n;

function stakeOf(rand: Random): bigint {
  const r = rand();
  if (r < 0.3) return 0n;
  if (r < 0.55) return BigInt(int(rand, 1, 1_000_000));
  if (r < 0.6) return MAX_STAKE;
  if (r < 0.65) return 1n;
  return bigBelow(rand, MAX_STAKE);
}

function u16Value(rand: Random): number {
  const r = rand();
  if (r < 0.1) return 0;
  if (r < 0.2) return 65_535;
  if (r < 0.25) return 1;
  return int(rand, 0, 65_535);
}

/** A u16 row over `n` columns: sorted unique columns, sometimes broken in the ways the chain never stores. */
function u16Row(rand: Random, n: number, density: number, broken: boolean): SparseRow {
  const row: [number, number][] = [];
  for (let j = 0; j < n; j++) if (chance(rand, density)) row.push([j, u16Value(rand)]);
  if (broken && row.length > 0) {
    const how = int(rand, 0, 3);
    if (how === 0) row.reverse();
    else if (how === 1) row.push([row[0]![0], u16Value(rand)]);
    else if (how === 2) row.push([n + int(rand, 0, 3), u16Value(rand)]);
    else row.splice(int(rand, 0, row.length - 1), 0, [int(rand, 0, n + 2), u16Value(rand)]);
  }
  return row;
}

function params(rand: Random, n: number): EpochParams {
  const alphaLow = chance(rand, 0.5) ? 45_875 : int(rand, 1_638, 65_535);
  const alphaHigh = chance(rand, 0.5)
    ? 58_982
    : chance(rand, 0.9)
      ? int(rand, alphaLow, 65_535)
      : int(rand, 0, 65_535);
  return {
    kappa: pick(rand, [32_767, 32_767, 0, 65_535, int(rand, 0, 65_535)]),
    bondsMovingAverage: pick(rand, [900_000, 975_000, 0, 1_000_000, int(rand, 0, 1_000_000)]),
    bondsPenalty: pick(rand, [65_535, 65_535, 0, int(rand, 0, 65_535)]),
    yuma3: chance(rand, 0.6),
    liquidAlpha: chance(rand, 0.5),
    alphaLow,
    alphaHigh,
    alphaSigmoidSteepness: pick(rand, [
      1000,
      1000,
      0,
      100,
      -1000,
      32_767,
      -32_768,
      int(rand, -32_768, 32_767),
    ]),
    maxAllowedValidators: pick(rand, [64, n, int(rand, 0, n + 2)]),
    activityCutoffFactorMilli: 13_889,
    stakeThreshold: pick(rand, [0n, 0n, 1000n, BigInt(int(rand, 0, 2_000_000))]),
  };
}

/** One mechanism's weights, bonds and LastUpdate. */
function mechanism(
  rand: Random,
  n: number,
  block: number,
  validators: number,
  broken: boolean,
): MechanismInput {
  const dense = chance(rand, 0.4);
  const density = dense ? 1 : rand();
  const brokenRow = broken ? int(rand, 0, n - 1) : -1;
  const weights = Array.from({ length: n }, (_, i) =>
    i < validators || chance(rand, 0.1) ? u16Row(rand, n, density, i === brokenRow) : [],
  );
  const withBonds = chance(rand, 0.6);
  const bonds = Array.from({ length: n }, (_, i) =>
    withBonds && (i < validators || chance(rand, 0.1))
      ? u16Row(rand, n, dense ? 1 : rand(), broken && chance(rand, 0.2))
      : [],
  );
  const lastUpdate = Array.from({ length: n }, () => {
    const r = rand();
    if (r < 0.1) return 0;
    if (r < 0.2) return block - int(rand, 4_000, 8_000);
    return block - int(rand, 0, 400);
  });
  return {
    weights,
    bonds,
    lastUpdate: chance(rand, 0.05) ? lastUpdate.slice(0, int(rand, 0, n)) : lastUpdate,
    ...(chance(rand, 0.1)
      ? {
          commitBlocks: Array.from({ length: n }, () =>
            chance(rand, 0.3) ? null : block - int(rand, 0, 800),
          ),
        }
      : {}),
  };
}

/** The first epoch of case `seed`, and how many epochs to chain. */
export function regressionCase(seed: number, maxN = 64): { input: EpochInput; epochs: number; seed: number } {
  const rand = seededRandom(seed);
  const n = chance(rand, 0.2) ? int(rand, 1, 6) : int(rand, 1, maxN);
  const block = 10_000;
  const validators = chance(rand, 0.3) ? n : int(rand, 0, n);
  const broken = chance(rand, 0.08);
  const main = mechanism(rand, n, block, validators, broken);
  const extraCount = chance(rand, 0.8) ? 0 : int(rand, 1, 2);
  const extra = Array.from({ length: extraCount }, () => mechanism(rand, n, block, validators, broken));
  const neurons = Array.from({ length: n }, (_, i) => ({
    stake: fromInt(I64F64, i < validators || chance(rand, 0.2) ? stakeOf(rand) : 0n),
    lastUpdate: main.lastUpdate[i] ?? 0,
    blockAtRegistration: pick(rand, [0, 0, 0, 1, block - int(rand, 0, 1_000), block + 1]),
    validatorPermit: chance(rand, 0.7),
  }));
  const split =
    extraCount > 0 && chance(rand, 0.5)
      ? Array.from({ length: extraCount + 1 }, () => int(rand, 0, 65_535 >> extraCount))
      : undefined;
  const input: EpochInput = {
    block,
    tempo: 360,
    ownerUid: chance(rand, 0.4) ? int(rand, 0, n - 1) : null,
    lastMechanismStepBlock: chance(rand, 0.3) ? 0 : block - 361,
    params: params(rand, n),
    neurons,
    weights: main.weights,
    bonds: main.bonds,
    raoEmission: pick(rand, [0n, RAO_PER_TAO, 360_000_000_000n, bigBelow(rand, (1n << 64n) - 1n)]),
    ...(main.commitBlocks === undefined ? {} : { commitBlocks: main.commitBlocks }),
    ...(extraCount > 0 ? { extraMechanisms: extra } : {}),
    ...(split === undefined ? {} : { mechanismEmissionSplit: split }),
  };
  return { input, epochs: int(rand, 1, 4), seed };
}

/** The next epoch's input: the stored bonds and permits carried over, one tempo later. */
export function nextEpochInput(input: EpochInput, out: YumaEpochOutput): EpochInput {
  const block = input.block + input.tempo + 1;
  return {
    ...input,
    block,
    lastMechanismStepBlock: input.block,
    neurons: input.neurons.map((u, i) => ({
      ...u,
      lastUpdate: u.lastUpdate + input.tempo,
      validatorPermit: out.validatorPermit[i] === true,
    })),
    bonds: out.bonds,
    ...(input.extraMechanisms === undefined
      ? {}
      : {
          extraMechanisms: input.extraMechanisms.map((m, k) => ({
            ...m,
            lastUpdate: m.lastUpdate.map((b) => b + input.tempo),
            bonds: out.mechanisms[k + 1]?.bonds ?? [],
          })),
        }),
  };
}

/** Chain params for the benchmark-shaped graph. */
export type BenchMode = 'original' | 'yuma3' | 'liquid';

/**
 * The benchmark graph: n UIDs, the first `validators` weighting every other UID (dense, random u16),
 * random stakes; bonds are folded in by running a few epochs with `epoch`.
 */
export function denseCase(
  mode: BenchMode,
  epoch: (input: EpochInput) => YumaEpochOutput,
  n = 256,
  validators = 64,
): EpochInput {
  const rand = seededRandom(12_345);
  const weights: SparseRow[] = Array.from({ length: n }, (_, i) => {
    if (i >= validators) return [];
    const row: [number, number][] = [];
    for (let j = validators; j < n; j++) row.push([j, 1 + Math.floor(rand() * 65_534)]);
    return row;
  });
  const block = 10_000;
  let input: EpochInput = {
    block,
    tempo: 360,
    ownerUid: null,
    lastMechanismStepBlock: block - 361,
    params: {
      kappa: 32_767,
      bondsMovingAverage: 900_000,
      bondsPenalty: 65_535,
      yuma3: mode !== 'original',
      liquidAlpha: mode === 'liquid',
      alphaLow: 45_875,
      alphaHigh: 58_982,
      alphaSigmoidSteepness: 1000,
      maxAllowedValidators: validators,
      activityCutoffFactorMilli: 13_889,
      stakeThreshold: 0n,
    },
    neurons: Array.from({ length: n }, (_, i) => ({
      stake: fromInt(
        I64F64,
        i < validators ? BigInt(Math.floor(1_000 + rand() * 100_000)) * RAO_PER_TAO : 0n,
      ),
      lastUpdate: block - 10,
      blockAtRegistration: 1,
      validatorPermit: i < validators,
    })),
    weights,
    bonds: Array.from({ length: n }, () => []),
    raoEmission: 360_000_000_000n,
  };
  for (let e = 0; e < 3; e++) input = { ...input, bonds: epoch(input).bonds };
  return input;
}

/** Plain data with object keys sorted, so that the serialisation does not depend on property order. */
function canonical(v: unknown): unknown {
  if (typeof v === 'bigint') return `${v}n`;
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, canonical(o[k])]),
    );
  }
  return v;
}

/** Everything an epoch returns, as one string (bigints tagged, keys sorted), traces included. */
export function serializeOutput(out: YumaEpochOutput): string {
  return JSON.stringify(canonical(out));
}

/** cyrb53: a 53-bit string hash, as 14 hex digits (enough to catch any change in a fixture). */
export function digest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2_654_435_761);
    h2 = Math.imul(h2 ^ c, 1_597_334_677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2_246_822_507) ^ Math.imul(h2 ^ (h2 >>> 13), 3_266_489_909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2_246_822_507) ^ Math.imul(h1 ^ (h1 >>> 13), 3_266_489_909);
  return (4_294_967_296 * (2_097_151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** Digest of a chained case: every epoch's full output in turn. */
export function caseDigest(
  c: { input: EpochInput; epochs: number },
  epoch: (input: EpochInput) => YumaEpochOutput,
): string {
  let input = c.input;
  const parts: string[] = [];
  for (let e = 0; e < c.epochs; e++) {
    const out = epoch(input);
    parts.push(digest(serializeOutput(out)));
    input = nextEpochInput(input, out);
  }
  return digest(parts.join(','));
}
