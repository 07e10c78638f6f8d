/**
 * The fast epoch behind the chain's epoch contract (`EpochFunction`, spec §7): the chain's bigint
 * input converted to typed arrays, one fast run per mechanism (spec §7.8) on its share of the
 * emission, and the results converted back to stored u16 values, u16 bond rows and integer alpha.
 */
import { U16_MAX } from '../../fixed/format.ts';
import type { SparseRow } from '../../state/types.ts';
import type { EpochFunction, EpochInput, EpochOutput, MechanismInput, MechanismOutput } from '../types.ts';
import { type CsrMatrix, csrFromRows } from './csrMatrix.ts';
import { proportionToU16 } from './grid.ts';
import { runFastEpoch } from './runFastEpoch.ts';
import type { FastEpochInput, FastEpochResult } from './types.ts';
import { createFastEpochWorkspace, type FastEpochWorkspace } from './workspace.ts';

const TWO_64 = 2 ** 64;

/**
 * `split_emissions`: the epoch's alpha per mechanism by `MechanismEmissionSplit` (u16 shares, floored)
 * or evenly; the rounding remainder goes to mechanism 0.
 */
export function splitMechanismEmission(input: EpochInput): bigint[] {
  const count = 1 + (input.extraMechanisms?.length ?? 0);
  const total = input.raoEmission;
  const split = input.mechanismEmissionSplit;
  const parts = Array.from({ length: count }, (_, k) =>
    split === undefined ? total / BigInt(count) : (total * BigInt(split[k] ?? 0)) / U16_MAX,
  );
  const used = parts.reduce((a, b) => a + b, 0n);
  if (total > used) parts[0] = (parts[0] ?? 0n) + (total - used);
  return parts;
}

const floats = (values: readonly number[]): Float64Array => Float64Array.from(values);

/**
 * The chain's epoch input as fast inputs, one per mechanism (mechanism 0 first), each with its share
 * of the emission. Stake weights become floats (I64F64 bits / 2^64); the stake threshold is applied
 * here on the exact values, so the fast inputs carry a threshold of 0.
 */
export function toFastEpochInputs(input: EpochInput): FastEpochInput[] {
  const { neurons, ownerUid } = input;
  const n = neurons.length;
  const threshold = input.params.stakeThreshold;
  const stake = new Float64Array(n);
  const blockAtRegistration = new Float64Array(n);
  const validatorPermit = new Uint8Array(n);
  neurons.forEach((u, i) => {
    // fixed64_to_u64: the floored stake weight is what the threshold compares.
    const below = i !== ownerUid && u.stake >> 64n < threshold;
    stake[i] = below ? 0 : Number(u.stake) / TWO_64;
    blockAtRegistration[i] = u.blockAtRegistration;
    validatorPermit[i] = u.validatorPermit ? 1 : 0;
  });
  const params = { ...input.params, stakeThreshold: 0 };
  const main: MechanismInput = {
    weights: input.weights,
    bonds: input.bonds,
    lastUpdate: neurons.map((u) => u.lastUpdate),
    ...(input.commitBlocks === undefined ? {} : { commitBlocks: input.commitBlocks }),
  };
  const parts = splitMechanismEmission(input);
  return [main, ...(input.extraMechanisms ?? [])].map((m, k) => ({
    block: input.block,
    tempo: input.tempo,
    ownerUid,
    lastMechanismStepBlock: input.lastMechanismStepBlock,
    params,
    stake,
    lastUpdate: floats(m.lastUpdate),
    blockAtRegistration,
    validatorPermit,
    weights: csrFromRows(m.weights, n),
    bonds: csrFromRows(m.bonds, n),
    raoEmission: Number(parts[k] ?? 0n),
    ...(m.commitBlocks === undefined
      ? {}
      : { commitBlock: floats(m.commitBlocks.map((b) => b ?? Number.POSITIVE_INFINITY)) }),
  }));
}

/** Bond rows (u16) of a fast result, as the chain stores them. */
function storedBondRows(bonds: CsrMatrix): SparseRow[] {
  const rows: SparseRow[] = [];
  for (let i = 0; i < bonds.rows; i++) {
    const row: (readonly [number, number])[] = [];
    const end = bonds.rowStart[i + 1] ?? 0;
    for (let e = bonds.rowStart[i] ?? 0; e < end; e++) row.push([bonds.col[e] ?? 0, bonds.value[e] ?? 0]);
    rows.push(row);
  }
  return rows;
}

const u16s = (v: Float64Array): number[] => Array.from(v, proportionToU16);

/** Per-UID values of one mechanism, copied out of the workspace. */
interface MechanismCopy extends MechanismOutput {
  readonly weight: number;
  readonly server: Float64Array;
  readonly validator: Float64Array;
  readonly combined: Float64Array;
  readonly stakeWeight: number[];
  readonly consensus: number[];
  readonly dividends: number[];
  readonly validatorTrust: number[];
  readonly active: Uint8Array;
  readonly validatorPermit: Uint8Array;
}

function copyResult(r: FastEpochResult, weight: number): MechanismCopy {
  return {
    weight,
    server: r.serverEmission.slice(),
    validator: r.validatorEmission.slice(),
    combined: r.combinedEmission.slice(),
    stakeWeight: u16s(r.stake),
    incentive: u16s(r.incentive),
    consensus: u16s(r.consensus),
    dividends: u16s(r.dividends),
    validatorTrust: u16s(r.validatorTrust),
    active: r.active.slice(),
    validatorPermit: r.validatorPermit.slice(),
    bonds: storedBondRows(r.bonds),
  };
}

/**
 * Fold the mechanisms into the subnet's values (spec §7.8): emissions summed, stored u16 values and the
 * combined emission as emission-weighted sums (floored at each step), flags ORed.
 */
function combine(mechanisms: readonly MechanismCopy[], n: number): EpochOutput {
  const server = new Float64Array(n);
  const validator = new Float64Array(n);
  const emission = new Float64Array(n);
  const acc = () => new Array<number>(n).fill(0);
  const stakeWeight = acc();
  const consensus = acc();
  const dividends = acc();
  const validatorTrust = acc();
  const active = new Array<boolean>(n).fill(false);
  const validatorPermit = new Array<boolean>(n).fill(false);
  const weighted = (a: number, x: number, w: number, max: number) => Math.min(max, Math.floor(a + x * w));
  for (const m of mechanisms) {
    const w = m.weight;
    for (let i = 0; i < n; i++) {
      server[i] = (server[i] ?? 0) + (m.server[i] ?? 0);
      validator[i] = (validator[i] ?? 0) + (m.validator[i] ?? 0);
      emission[i] = weighted(emission[i] ?? 0, m.combined[i] ?? 0, w, Number.MAX_VALUE);
      stakeWeight[i] = weighted(stakeWeight[i] ?? 0, m.stakeWeight[i] ?? 0, w, 65_535);
      consensus[i] = weighted(consensus[i] ?? 0, m.consensus[i] ?? 0, w, 65_535);
      dividends[i] = weighted(dividends[i] ?? 0, m.dividends[i] ?? 0, w, 65_535);
      validatorTrust[i] = weighted(validatorTrust[i] ?? 0, m.validatorTrust[i] ?? 0, w, 65_535);
      active[i] = active[i] === true || m.active[i] === 1;
      validatorPermit[i] = validatorPermit[i] === true || m.validatorPermit[i] === 1;
    }
  }
  const first = mechanisms[0];
  const big = (v: Float64Array) => Array.from(v, (x) => BigInt(x));
  return {
    serverEmission: big(server),
    validatorEmission: big(validator),
    incentive: first?.incentive ?? acc(),
    dividends,
    consensus,
    validatorTrust,
    validatorPermit,
    active,
    bonds: first?.bonds ?? [],
    stakeWeight,
    emission: big(emission),
    mechanisms: mechanisms.map((m) => ({ incentive: m.incentive, bonds: m.bonds })),
  };
}

/**
 * An {@link EpochFunction} running the fast epoch with its own reusable workspace: what the chain
 * calls when it runs on the fast path. Stored u16 values can differ by one from the exact path
 * where float64 and I32F32 round differently.
 */
export function createFastEpoch(ws: FastEpochWorkspace = createFastEpochWorkspace()): EpochFunction {
  return (input: EpochInput): EpochOutput => {
    const inputs = toFastEpochInputs(input);
    const total = input.raoEmission;
    const parts = splitMechanismEmission(input);
    const copies = inputs.map((fi, k) => {
      const part = parts[k] ?? 0n;
      // The mechanism's weight in the averages; with nothing to split mechanism 0 takes it all.
      const weight = total === 0n ? (k === 0 ? 1 : 0) : part === total ? 1 : Number(part) / Number(total);
      return copyResult(runFastEpoch(ws, fi), weight);
    });
    return combine(copies, input.neurons.length);
  };
}

/**
 * The fast Yuma Consensus epoch as the chain's {@link EpochFunction}.
 * @example const { state: next } = applyBlock(state, extrinsics, { epoch: fastEpoch })
 */
export const fastEpoch: EpochFunction = createFastEpoch();
