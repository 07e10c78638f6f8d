/**
 * One mechanism's epoch, `epoch_mechanism` (spec §7.1-§7.7): the sparse algorithm the chain runs,
 * step for step in emulated fixed point, on the subnet's shared stake and permits.
 */

import type { SparseRow } from '../../../../state/types.ts';
import type { MechanismInput } from '../../../types.ts';
import type { I32F32 } from '../fixed/index.testkit.ts';
import { fixedProportionToU16, interpolateSparse, type SparseEntry32 } from '../math/index.testkit.ts';
import { activityCutoffBlocks, inactiveMask, lastTempoBlock } from './activity.testkit.ts';
import { consensusAndIncentive } from './consensus.testkit.ts';
import { epochEmission } from './emission.testkit.ts';
import { originalYumaBonds } from './originalBonds.testkit.ts';
import type { YumaParams } from './params.testkit.ts';
import { activeStake } from './permits.testkit.ts';
import { readBonds } from './readBonds.testkit.ts';
import type { MechanismTerms, MechanismTrace } from './types.testkit.ts';
import { epochWeights } from './weights.testkit.ts';
import { yuma3Bonds } from './yuma3Bonds.testkit.ts';

/** Inputs of {@link runMechanismEpoch}: the subnet-wide values plus this mechanism's state. */
export interface MechanismEpochInput {
  readonly block: number;
  readonly tempo: number;
  readonly ownerUid: number | null;
  readonly lastMechanismStepBlock: number;
  readonly params: YumaParams;
  /** Normalised epoch stake per UID (shared by all mechanisms); its length is n. */
  readonly stake: readonly I32F32[];
  /** Permits used this epoch (stored ones, owner forced). */
  readonly permits: readonly boolean[];
  /** Permits to store for the next epoch. */
  readonly newPermits: readonly boolean[];
  readonly blockAtRegistration: readonly number[];
  readonly mechanism: MechanismInput;
  /** Alpha this mechanism distributes, raw units. */
  readonly raoEmission: bigint;
}

/** Stored terms and intermediates of one mechanism's epoch. */
export interface MechanismRun extends MechanismTerms {
  readonly trace: MechanismTrace;
}

const toU16 = (v: readonly I32F32[]): number[] => v.map(fixedProportionToU16);

/** Run one mechanism's epoch. */
export function runMechanismEpoch(input: MechanismEpochInput): MechanismRun {
  const { params, stake, permits, mechanism, blockAtRegistration } = input;
  const n = stake.length;

  const cutoff = activityCutoffBlocks({ factorMilli: params.activityCutoffFactorMilli, tempo: input.tempo });
  const inactive = inactiveMask({ lastUpdate: mechanism.lastUpdate, block: input.block, cutoff });
  const active = Array.from({ length: n }, (_, i) => inactive[i] === false);
  const activeStakeVec = activeStake({ stake, inactive, permits });

  const weights = epochWeights({
    weights: mechanism.weights,
    n,
    permits,
    ownerUid: input.ownerUid,
    lastUpdate: mechanism.lastUpdate,
    blockAtRegistration,
    commitBlocks: mechanism.commitBlocks,
  });
  const { consensus, clippedWeights, validatorTrust, incentive } = consensusAndIncentive({
    activeStake: activeStakeVec,
    weights,
    n,
    kappa: params.kappa,
  });
  const weightsForBonds = interpolateSparse({
    a: weights,
    b: clippedWeights,
    columns: n,
    ratio: params.bondsPenalty,
  });

  const bonds = readBonds({
    bonds: mechanism.bonds,
    n,
    asProportion: params.yuma3,
    lastTempo: lastTempoBlock(input),
    blockAtRegistration,
  });
  let emaBonds: SparseEntry32[][];
  let bondsToStore: SparseEntry32[][];
  let bondsDelta: SparseEntry32[][] | null = null;
  let dividends: I32F32[];
  if (params.yuma3) {
    const y3 = yuma3Bonds({
      weightsForBonds,
      bonds,
      consensus,
      activeStake: activeStakeVec,
      incentive,
      n,
      liquidAlpha: params.liquidAlpha
        ? { alphaLow: params.alphaLow, alphaHigh: params.alphaHigh, steepness: params.alphaSigmoidSteepness }
        : null,
      alpha: params.bondsAlpha,
    });
    emaBonds = y3.emaBonds;
    bondsToStore = y3.emaBonds;
    dividends = y3.dividends;
  } else {
    const original = originalYumaBonds({
      weightsForBonds,
      bonds,
      activeStake: activeStakeVec,
      incentive,
      n,
      alpha: params.bondsAlpha,
    });
    emaBonds = original.emaBonds;
    bondsToStore = original.bondsToStore;
    bondsDelta = original.bondsDelta;
    dividends = original.dividends;
  }

  const emission = epochEmission({
    incentive,
    dividends,
    stake,
    activeStake: activeStakeVec,
    raoEmission: input.raoEmission,
  });

  // Only validators holding a new permit keep bonds; everyone else's row is stored empty.
  const storedBonds: SparseRow[] = Array.from({ length: n }, (_, uid) =>
    input.newPermits[uid] === true
      ? (bondsToStore[uid] ?? []).map(([j, v]) => [j, fixedProportionToU16(v)] as const)
      : [],
  );
  const at = <T>(v: readonly T[], fallback: T) => Array.from({ length: n }, (_, i) => v[i] ?? fallback);

  return {
    serverEmission: at(emission.server, 0n),
    validatorEmission: at(emission.validator, 0n),
    emission: at(emission.combined, 0n),
    stakeWeight: toU16(stake),
    consensus: at(toU16(consensus), 0),
    incentive: at(toU16(incentive), 0),
    dividends: at(toU16(dividends), 0),
    validatorTrust: at(toU16(validatorTrust), 0),
    active,
    validatorPermit: at(input.newPermits, false),
    bonds: storedBonds,
    trace: {
      stake,
      inactive,
      validatorPermits: permits,
      activeStake: activeStakeVec,
      weights,
      consensus,
      clippedWeights,
      validatorTrust,
      incentive,
      weightsForBonds,
      bonds,
      bondsDelta,
      emaBonds,
      dividends,
      normalizedServerEmission: emission.normalizedServer,
      normalizedValidatorEmission: emission.normalizedValidator,
      normalizedCombinedEmission: emission.normalizedCombined,
    },
  };
}
