/**
 * Per-neuron detail of one subnet for the kernel's neurons mode: UIDs (validators first, then miners),
 * their stake, the validators' weights, the bonds the last epoch stored, and what each UID has earned.
 * In this mode the subnet's miner and validator alpha still go to the kernel's holder classes (so the
 * supply identities are untouched); Yuma Consensus decides how each class's alpha splits among UIDs.
 */
import { type CsrMatrix, createCsrMatrix } from '../../epoch/fast/csrMatrix.ts';
import type { FastEpochParams } from '../../epoch/fast/types.ts';
import { DEFAULT_EPOCH_PARAMS } from '../../state/defaults.ts';

/** One subnet's neurons. Arrays have one entry per UID; row i of `weights` is UID i's weights. */
export interface NeuronSubnet {
  readonly validators: number;
  readonly miners: number;
  readonly params: FastEpochParams;
  /** Stake weight per UID (alpha); miners hold none. Validator dividends compound into it. */
  readonly stake: Float64Array;
  /** Block each UID last set weights (validators) or registered (miners). */
  readonly lastUpdate: Float64Array;
  readonly blockAtRegistration: Float64Array;
  /** Permits stored by the last epoch. */
  readonly validatorPermit: Uint8Array;
  /** Weights on the u16 scale; only validator rows are non-empty. */
  weights: CsrMatrix;
  /** Bonds the last epoch stored (u16 scale). */
  bonds: CsrMatrix;
  /** Alpha earned per UID so far: as a miner (incentive) and as a validator (dividends). */
  readonly minerAlpha: Float64Array;
  readonly validatorAlpha: Float64Array;
  /** Block of the last epoch run (0 before the first). */
  lastEpochBlock: number;
}

/** The chain's default epoch hyperparameters (spec §11) on the fast path: Yuma 3, liquid alpha off. */
export const DEFAULT_NEURON_EPOCH_PARAMS: FastEpochParams = { ...DEFAULT_EPOCH_PARAMS, stakeThreshold: 0 };

/** Inputs of {@link createNeuronSubnet}. */
export interface NeuronSubnetInput {
  /** Stake of each validator (alpha); the validators are UIDs 0 .. length - 1. */
  readonly validatorStake: readonly number[];
  readonly miners: number;
  readonly block: number;
  readonly params?: Partial<FastEpochParams>;
}

/**
 * A subnet whose validators hold permits from the start and have set no weights yet.
 * @example createNeuronSubnet({ validatorStake: [1000, 500], miners: 8, block: 0 })
 */
export function createNeuronSubnet(input: NeuronSubnetInput): NeuronSubnet {
  const validators = input.validatorStake.length;
  const n = validators + input.miners;
  const stake = new Float64Array(n);
  input.validatorStake.forEach((s, i) => {
    stake[i] = s;
  });
  const permit = new Uint8Array(n);
  permit.fill(1, 0, validators);
  return {
    validators,
    miners: input.miners,
    params: { ...DEFAULT_NEURON_EPOCH_PARAMS, ...input.params },
    stake,
    lastUpdate: new Float64Array(n).fill(input.block),
    blockAtRegistration: new Float64Array(n),
    validatorPermit: permit,
    weights: createCsrMatrix(n, validators * input.miners),
    bonds: createCsrMatrix(n, validators * input.miners),
    minerAlpha: new Float64Array(n),
    validatorAlpha: new Float64Array(n),
    lastEpochBlock: 0,
  };
}

const copyCsr = (m: CsrMatrix): CsrMatrix => ({
  rows: m.rows,
  rowStart: m.rowStart.slice(),
  col: m.col.slice(),
  value: m.value.slice(),
});

/** A deep copy (for forks and clones of the kernel state). */
export function cloneNeuronSubnet(s: NeuronSubnet): NeuronSubnet {
  return {
    ...s,
    stake: s.stake.slice(),
    lastUpdate: s.lastUpdate.slice(),
    blockAtRegistration: s.blockAtRegistration.slice(),
    validatorPermit: s.validatorPermit.slice(),
    weights: copyCsr(s.weights),
    bonds: copyCsr(s.bonds),
    minerAlpha: s.minerAlpha.slice(),
    validatorAlpha: s.validatorAlpha.slice(),
  };
}

/**
 * Set every validator's weights at `block` from a dense row-major `validators x miners` block of u16
 * weights (0 = no weight); validators whose row `fresh[v]` is 0 keep their stored weights and their
 * LastUpdate (a lazy validator).
 * @example setNeuronWeights(subnet, { weights: u16Block, fresh: Uint8Array.of(1, 0), block })
 */
export function setNeuronWeights(
  s: NeuronSubnet,
  input: { readonly weights: Float64Array; readonly fresh: Uint8Array; readonly block: number },
): void {
  const { validators, miners } = s;
  const n = validators + miners;
  const old = s.weights;
  const next = createCsrMatrix(n, validators * miners);
  let e = 0;
  for (let v = 0; v <= n; v++) {
    next.rowStart[v] = e;
    if (v >= validators) continue;
    if (input.fresh[v] === 1) {
      s.lastUpdate[v] = input.block;
      for (let m = 0; m < miners; m++) {
        const w = input.weights[v * miners + m]!;
        if (w <= 0) continue;
        next.col[e] = validators + m;
        next.value[e] = w;
        e++;
      }
    } else {
      for (let k = old.rowStart[v]!; k < old.rowStart[v + 1]!; k++) {
        next.col[e] = old.col[k]!;
        next.value[e] = old.value[k]!;
        e++;
      }
    }
  }
  s.weights = next;
}
