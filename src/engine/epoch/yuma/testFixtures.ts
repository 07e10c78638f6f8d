/**
 * Small epoch inputs for tests: stakes in whole units, u16 weight rows, everyone registered at block 0
 * and updated at the epoch's block, mock-runtime hyperparameters unless overridden.
 */
import { RAO_PER_TAO } from '../../chainConstants.ts';
import { fromInt, I64F64 } from '../../fixed/index.ts';
import type { EpochParams, SparseRow } from '../../state/types.ts';
import type { EpochInput } from '../types.ts';

/** Defaults of the chain's test runtime (original Yuma, kappa ~0.5, bonds penalty 1, EMA 0.9). */
export const TEST_PARAMS: EpochParams = {
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
  stakeThreshold: 0n,
};

/** Inputs of {@link epochInputFixture}. */
export interface EpochInputFixture {
  /** Stake weight per UID in whole units. */
  readonly stakes: readonly (number | bigint)[];
  readonly weights?: readonly SparseRow[];
  readonly bonds?: readonly SparseRow[];
  /** Stored permits; default: every UID with stake. */
  readonly permits?: readonly boolean[];
  readonly params?: Partial<EpochParams>;
  readonly ownerUid?: number | null;
  readonly raoEmission?: bigint;
  readonly block?: number;
}

/** Build an {@link EpochInput} for a test. */
export function epochInputFixture(f: EpochInputFixture): EpochInput {
  const block = f.block ?? 100;
  return {
    block,
    tempo: 360,
    ownerUid: f.ownerUid ?? null,
    lastMechanismStepBlock: 0,
    params: { ...TEST_PARAMS, ...f.params },
    neurons: f.stakes.map((s, i) => ({
      stake: fromInt(I64F64, s),
      lastUpdate: block,
      blockAtRegistration: 0,
      validatorPermit: f.permits?.[i] ?? BigInt(s) > 0n,
    })),
    weights: f.weights ?? f.stakes.map(() => []),
    bonds: f.bonds ?? f.stakes.map(() => []),
    raoEmission: f.raoEmission ?? RAO_PER_TAO,
  };
}
