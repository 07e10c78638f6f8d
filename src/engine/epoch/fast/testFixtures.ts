/**
 * Small fast-epoch inputs for tests: stakes in raw units, u16 weight and bond rows, everyone
 * registered at block 0 and updated at the epoch's block, the chain's test-runtime hyperparameters
 * unless overridden.
 */
import { activeStake } from './activeStake.ts';
import { lastTempoBlock, markActive } from './activity.ts';
import { bondDividends, normalizeDividends } from './bondDividends.ts';
import { selectBondRows } from './bondRows.ts';
import { normalizeIncentive } from './clipWeights.ts';
import { stakeWeightedConsensus } from './consensus.ts';
import { csrFromRows } from './csrMatrix.ts';
import { epochEmission } from './epochEmission.ts';
import { epochStake } from './epochStake.ts';
import { epochWeights } from './epochWeights.ts';
import { originalBonds } from './originalBonds.ts';
import type { FastEpochInput, FastEpochParams } from './types.ts';
import { currentPermits, newValidatorPermits } from './validatorPermits.ts';
import { createFastEpochWorkspace, type FastEpochWorkspace, prepareFastEpochWorkspace } from './workspace.ts';
import { yuma3Bonds } from './yuma3Bonds.ts';

/** Original Yuma, kappa ~0.5, bonds penalty 1, bond EMA 0.1 (the chain's test runtime). */
export const FAST_TEST_PARAMS: FastEpochParams = {
  kappa: 32_767,
  bondsMovingAverage: 900_000,
  bondsPenalty: 65_535,
  yuma3: false,
  liquidAlpha: false,
  alphaLow: 45_875,
  alphaHigh: 58_982,
  alphaSigmoidSteepness: 1000,
  maxAllowedValidators: 64,
  activityCutoffFactorMilli: 13_889,
  stakeThreshold: 0,
};

/** Inputs of {@link fastInputFixture}. */
export interface FastInputFixture {
  /** Stake weight per UID, raw units. */
  readonly stakes: readonly number[];
  readonly weights?: readonly (readonly (readonly [number, number])[])[];
  readonly bonds?: readonly (readonly (readonly [number, number])[])[];
  /** Stored permits; default: every UID with stake. */
  readonly permits?: readonly boolean[];
  readonly params?: Partial<FastEpochParams>;
  readonly ownerUid?: number | null;
  readonly block?: number;
  readonly lastMechanismStepBlock?: number;
  readonly lastUpdate?: readonly number[];
  readonly blockAtRegistration?: readonly number[];
  readonly commitBlock?: readonly number[];
  readonly raoEmission?: number;
}

/** Build a {@link FastEpochInput} for a test. */
export function fastInputFixture(f: FastInputFixture): FastEpochInput {
  const n = f.stakes.length;
  const block = f.block ?? 100;
  return {
    block,
    tempo: 360,
    ownerUid: f.ownerUid ?? null,
    lastMechanismStepBlock: f.lastMechanismStepBlock ?? 0,
    params: { ...FAST_TEST_PARAMS, ...f.params },
    stake: Float64Array.from(f.stakes),
    lastUpdate: Float64Array.from(f.lastUpdate ?? f.stakes.map(() => block)),
    blockAtRegistration: Float64Array.from(f.blockAtRegistration ?? f.stakes.map(() => 0)),
    validatorPermit: Uint8Array.from((f.permits ?? f.stakes.map((s) => s > 0)).map((p) => (p ? 1 : 0))),
    weights: csrFromRows(f.weights ?? [], n),
    bonds: csrFromRows(f.bonds ?? [], n),
    raoEmission: f.raoEmission ?? 1_000_000_000,
    ...(f.commitBlock === undefined ? {} : { commitBlock: Float64Array.from(f.commitBlock) }),
  };
}

/** A workspace sized for `input`, with nothing computed yet. */
export function workspaceFor(input: FastEpochInput): FastEpochWorkspace {
  const ws = createFastEpochWorkspace(input.stake.length);
  prepareFastEpochWorkspace(ws, input);
  return ws;
}

/** The epoch's steps in the order `runFastEpoch` takes them. */
export type FastStep = 'stake' | 'weights' | 'consensus' | 'bonds' | 'dividends' | 'emission';

/** A workspace for `input` after running the epoch's steps up to and including `last`. */
export function runThrough(input: FastEpochInput, last: FastStep): FastEpochWorkspace {
  const ws = workspaceFor(input);
  const steps: [FastStep, () => void][] = [
    [
      'stake',
      () => {
        epochStake(ws, input);
        currentPermits(ws, input);
        newValidatorPermits(ws, input);
        markActive(ws, input);
        activeStake(ws);
      },
    ],
    ['weights', () => epochWeights(ws, input)],
    ['consensus', () => stakeWeightedConsensus(ws, input)],
    [
      'bonds',
      () => {
        selectBondRows(ws, input);
        if (input.params.yuma3) yuma3Bonds(ws, input, lastTempoBlock(input));
        else originalBonds(ws, input, lastTempoBlock(input));
        normalizeIncentive(ws);
      },
    ],
    [
      'dividends',
      () => {
        bondDividends(ws, input.params.yuma3);
        normalizeDividends(ws);
      },
    ],
    ['emission', () => epochEmission(ws, input)],
  ];
  for (const [name, run] of steps) {
    run();
    if (name === last) break;
  }
  return ws;
}

/**
 * The chain's `weighted_median` as written: order-keeping partitions, pivot at index len/2, the same
 * descent rule. The reference the selection must reproduce.
 */
export function chainMedian(value: readonly number[], stake: readonly number[], minority: number): number {
  let current = value.map((_, i) => i);
  let lo = 0;
  let hi = stake.reduce((a, b) => a + b, 0);
  for (let step = 0; step <= value.length; step++) {
    const n = current.length;
    if (n === 0) return 0;
    if (n === 1) return value[current[0]!]!;
    const pivot = value[current[n >> 1]!]!;
    const lower = current.filter((i) => value[i]! < pivot);
    const upper = current.filter((i) => value[i]! > pivot);
    const loStake = lower.reduce((a, i) => a + stake[i]!, 0);
    const hiStake = upper.reduce((a, i) => a + stake[i]!, 0);
    if (minority < lo + loStake && lower.length > 0) {
      current = lower;
      hi = lo + loStake;
    } else if (hi - hiStake <= minority && upper.length > 0) {
      current = upper;
      lo = hi - hiStake;
    } else {
      return pivot;
    }
  }
  return 0;
}
