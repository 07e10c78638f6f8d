/**
 * One mechanism's epoch on bigint rows: `epoch_mechanism` (spec §7.1-§7.7), the sparse algorithm the
 * chain runs, step for step in emulated fixed point. It takes any input the chain could hold (rows in
 * any order, duplicate or out-of-range columns); {@link runMechanismEpoch} sends ordinary inputs to the
 * faster typed-array twin instead.
 */
import type { I32F32 } from '../../fixed/index.ts';
import type { SparseRow } from '../../state/types.ts';
import { fixedProportionToU16, interpolateSparse, type SparseEntry32 } from '../math/index.ts';
import { activityCutoffBlocks, inactiveMask, lastTempoBlock } from './activity.ts';
import { consensusAndIncentive } from './consensus.ts';
import { epochEmission } from './emission.ts';
import { originalYumaBonds } from './originalBonds.ts';
import { activeStake } from './permits.ts';
import { readBonds } from './readBonds.ts';
import type { MechanismEpochInput, MechanismRun } from './runMechanismEpoch.ts';
import { epochWeights } from './weights.ts';
import { yuma3Bonds } from './yuma3Bonds.ts';

const toU16 = (v: readonly I32F32[]): number[] => v.map(fixedProportionToU16);

/** Run one mechanism's epoch on bigint rows. */
export function runMechanismEpochRows(input: MechanismEpochInput): MechanismRun {
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
