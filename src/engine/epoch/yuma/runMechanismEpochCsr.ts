/**
 * One mechanism's epoch on typed arrays: the same steps as {@link runMechanismEpochRows}, with every
 * matrix held as compressed rows of I32F32 raw bits in float64 (math/csr.ts) instead of a bigint and a
 * tuple per cell. Each step is the typed twin of the bigint step and returns the same bits under the
 * bounds {@link csrPathApplies} checks; the O(n) vectors of stake stay bigint.
 */
import type { SparseRow } from '../../state/types.ts';
import { bigintToRaw, type CsrMat32, csrToRows, rawToBigint } from '../math/csr.ts';
import { interpolateCsr } from '../math/interpolate.ts';
import { proportionToU16Raw } from '../math/u16.ts';
import { activityCutoffBlocks, inactiveMask, lastTempoBlock } from './activity.ts';
import { consensusAndIncentiveCsr } from './consensus.ts';
import { epochEmissionRaw } from './emission.ts';
import { withLazyTrace } from './lazyTrace.ts';
import { originalYumaBondsCsr } from './originalBonds.ts';
import { activeStakeRaw } from './permits.ts';
import { readBondsCsr } from './readBonds.ts';
import type { MechanismEpochInput, MechanismRun } from './runMechanismEpoch.ts';
import { epochWeightsCsr } from './weights.ts';
import { yuma3BondsCsr } from './yuma3Bonds.ts';

// A local copy: an imported binding costs a check on every read in the hot loops.
const toU16Raw = proportionToU16Raw;

/** Stored u16 values of raw proportions, one per UID (missing ones 0). */
function toU16(v: Float64Array, n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < n && i < v.length; i++) out[i] = toU16Raw(v[i]!);
  return out;
}

/** Run one mechanism's epoch on typed arrays (call only when {@link csrPathApplies} holds). */
export function runMechanismEpochCsr(input: MechanismEpochInput): MechanismRun {
  const { params, stake, permits, mechanism, blockAtRegistration } = input;
  const n = stake.length;

  const cutoff = activityCutoffBlocks({ factorMilli: params.activityCutoffFactorMilli, tempo: input.tempo });
  const inactive = inactiveMask({ lastUpdate: mechanism.lastUpdate, block: input.block, cutoff });
  const active = Array.from({ length: n }, (_, i) => inactive[i] === false);
  const stakeRaw = bigintToRaw(stake);
  const activeRaw = activeStakeRaw({ stake: stakeRaw, inactive, permits });

  const weights = epochWeightsCsr({
    weights: mechanism.weights,
    n,
    permits,
    ownerUid: input.ownerUid,
    lastUpdate: mechanism.lastUpdate,
    blockAtRegistration,
    commitBlocks: mechanism.commitBlocks,
  });
  const { consensus, clippedWeights, validatorTrust, incentive } = consensusAndIncentiveCsr({
    activeStake: activeRaw,
    weights,
    n,
    kappa: Number(params.kappa),
  });
  const weightsForBonds = interpolateCsr({
    a: weights,
    b: clippedWeights,
    ratio: Number(params.bondsPenalty),
  });

  const bonds = readBondsCsr({
    bonds: mechanism.bonds,
    n,
    asProportion: params.yuma3,
    lastTempo: lastTempoBlock(input),
    blockAtRegistration,
  });
  let emaBonds: CsrMat32;
  let bondsToStore: CsrMat32;
  let bondsDelta: CsrMat32 | null = null;
  let dividends: Float64Array;
  if (params.yuma3) {
    const y3 = yuma3BondsCsr({
      weightsForBonds,
      bonds,
      consensus,
      activeStake: activeRaw,
      incentive,
      n,
      liquidAlpha: params.liquidAlpha
        ? { alphaLow: params.alphaLow, alphaHigh: params.alphaHigh, steepness: params.alphaSigmoidSteepness }
        : null,
      alpha: Number(params.bondsAlpha),
    });
    emaBonds = y3.emaBonds;
    bondsToStore = y3.emaBonds;
    dividends = y3.dividends;
  } else {
    const original = originalYumaBondsCsr({
      weightsForBonds,
      bonds,
      activeStake: activeRaw,
      incentive,
      n,
      alpha: Number(params.bondsAlpha),
    });
    emaBonds = original.emaBonds;
    bondsToStore = original.bondsToStore;
    bondsDelta = original.bondsDelta;
    dividends = original.dividends;
  }

  const emission = epochEmissionRaw({
    incentive,
    dividends,
    stake: stakeRaw,
    activeStake: activeRaw,
    raoEmission: input.raoEmission,
  });

  // Only validators holding a new permit keep bonds; everyone else's row is stored empty.
  const storedBonds: SparseRow[] = new Array<SparseRow>(n);
  const { start, col, val } = bondsToStore;
  for (let uid = 0; uid < n; uid++) {
    if (input.newPermits[uid] !== true) {
      storedBonds[uid] = [];
      continue;
    }
    const from = start[uid]!;
    const row = new Array<readonly [number, number]>(start[uid + 1]! - from);
    for (let k = 0; k < row.length; k++) row[k] = [col[from + k]!, toU16Raw(val[from + k]!)];
    storedBonds[uid] = row;
  }
  const at = <T>(v: readonly T[], fallback: T) => Array.from({ length: n }, (_, i) => v[i] ?? fallback);

  const terms = {
    serverEmission: at(emission.server, 0n),
    validatorEmission: at(emission.validator, 0n),
    emission: at(emission.combined, 0n),
    stakeWeight: toU16(stakeRaw, n),
    consensus: toU16(consensus, n),
    incentive: toU16(incentive, n),
    dividends: toU16(dividends, n),
    validatorTrust: toU16(validatorTrust, n),
    active,
    validatorPermit: at(input.newPermits, false),
    bonds: storedBonds,
  };
  return withLazyTrace(terms, () => ({
    stake,
    inactive,
    validatorPermits: permits,
    activeStake: rawToBigint(activeRaw),
    weights: csrToRows(weights),
    consensus: rawToBigint(consensus),
    clippedWeights: csrToRows(clippedWeights),
    validatorTrust: rawToBigint(validatorTrust),
    incentive: rawToBigint(incentive),
    weightsForBonds: csrToRows(weightsForBonds),
    bonds: csrToRows(bonds),
    bondsDelta: bondsDelta === null ? null : csrToRows(bondsDelta),
    emaBonds: csrToRows(emaBonds),
    dividends: rawToBigint(dividends),
    normalizedServerEmission: rawToBigint(emission.normalizedServer),
    normalizedValidatorEmission: rawToBigint(emission.normalizedValidator),
    normalizedCombinedEmission: rawToBigint(emission.normalizedCombined),
  }));
}
