/**
 * Conformance handlers for epoch.json (Yuma Consensus, spec §7). Each vector's test setup is rebuilt as
 * epoch inputs (stake, permits, registration and update blocks, weights stored as `set_weights` stores
 * them) and run through the exact epoch, epoch after epoch where the test runs a sequence, carrying
 * permits and bonds over as the chain stores them.
 *
 * The epoch_logs tests assert the chain's log lines, which print I32F32 values with the fewest
 * decimals that identify them; those values are shown here the same way before comparing.
 */

import { RAO_PER_TAO } from '../../engine/chainConstants.ts';
import { type MechanismEpochResult, runYumaEpoch, type YumaEpochOutput } from '../../engine/epoch/index.ts';
import { type SparseEntry32, vecU16MaxUpscaleToU16 } from '../../engine/epoch/math/index.ts';
import type { EpochInput, MechanismInput } from '../../engine/epoch/types.ts';
import { InputError } from '../../engine/errors.ts';
import { fromInt, I32F32, I64F64, toF64, U16_MAX } from '../../engine/fixed/index.ts';
import type { EpochParams, SparseRow } from '../../engine/state/types.ts';
import { big, list, toBig, toNum } from '../read.ts';
import type { Handler } from '../registry.ts';
import type { Json, JsonObject, Vector } from '../vector.ts';

// ---------------------------------------------------------------------------------------------------
// The chain tests' environment (pallets/subtensor/src/tests/mock.rs defaults)

/** Mock runtime hyperparameters: Yuma3 and liquid alpha off, kappa ~0.5, bonds penalty 1, EMA 0.9. */
const MOCK_PARAMS: EpochParams = {
  kappa: 32_767,
  bondsMovingAverage: 900_000,
  bondsPenalty: 65_535,
  yuma3: false,
  liquidAlpha: false,
  alphaLow: 45_875,
  alphaHigh: 58_982,
  alphaSigmoidSteepness: 1000,
  maxAllowedValidators: 100,
  activityCutoffFactorMilli: 13_889,
  stakeThreshold: 0n,
};

/** `add_network_disable_commit_reveal(netuid, u16::MAX - 1, 0)`: a tempo that never fires by itself. */
const HIGH_TEMPO = 65_534;

/** One UID of a simulated subnet. */
interface SimNeuron {
  /** Stake weight in whole alpha units (tao_weight is 0 in these tests). */
  stake: bigint;
  registeredAt: number;
  lastUpdate: number;
  permit: boolean;
}

/** A subnet as the tests build it, advanced block by block and epoch by epoch. */
interface Sim {
  block: number;
  tempo: number;
  params: EpochParams;
  neurons: SimNeuron[];
  weights: SparseRow[];
  bonds: SparseRow[];
  /** Mechanisms 1, 2, ... when the subnet has several. */
  extra: MechanismInput[];
}

function newSim(args: { block: number; tempo: number; params: EpochParams; neurons: SimNeuron[] }): Sim {
  const n = args.neurons.length;
  return {
    ...args,
    weights: Array.from({ length: n }, () => []),
    bonds: Array.from({ length: n }, () => []),
    extra: [],
  };
}

/** `set_weights` without commit-reveal: values max-upscaled to u16, zeros kept, LastUpdate = block. */
function setWeights(
  sim: Sim,
  { uid, row }: { uid: number; row: readonly (readonly [number, number])[] },
): void {
  const upscaled = vecU16MaxUpscaleToU16(row.map(([, w]) => w));
  sim.weights[uid] = row.map(([j], k) => [j, upscaled[k] ?? 0] as const);
  const neuron = sim.neurons[uid];
  if (neuron === undefined) throw new InputError(`weights[${uid}]`, 'no such UID');
  neuron.lastUpdate = sim.block;
}

function epochInput(sim: Sim, raoEmission: bigint): EpochInput {
  return {
    block: sim.block,
    tempo: sim.tempo,
    ownerUid: null,
    // The tests call the epoch directly, which never records LastMechansimStepBlock.
    lastMechanismStepBlock: 0,
    params: sim.params,
    neurons: sim.neurons.map((u) => ({
      stake: fromInt(I64F64, u.stake),
      lastUpdate: u.lastUpdate,
      blockAtRegistration: u.registeredAt,
      validatorPermit: u.permit,
    })),
    weights: sim.weights,
    bonds: sim.bonds,
    raoEmission,
    ...(sim.extra.length > 0 ? { extraMechanisms: sim.extra } : {}),
  };
}

/** Run one epoch and store what the chain stores for the next one (permits, bonds). */
function runEpoch(sim: Sim, raoEmission: bigint): YumaEpochOutput {
  const out = runYumaEpoch(epochInput(sim, raoEmission));
  sim.neurons.forEach((u, uid) => {
    u.permit = out.validatorPermit[uid] ?? false;
  });
  sim.bonds = [...out.bonds];
  sim.extra = sim.extra.map((m, k) => ({ ...m, bonds: out.mechanisms[k + 1]?.bonds ?? [] }));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Reading values the way the tests do

/**
 * An I32F32 as the chain's logs print it: the fewest decimals that convert back (to nearest) to the
 * same bits. E.g. 0.1 in I32F32 prints 0.0999999999 and 1/3 prints 0.3333333333.
 */
function shownI32F32(raw: bigint): number {
  const negative = raw < 0n;
  const magnitude = negative ? -raw : raw;
  const one = 1n << 32n;
  const roundDiv = (a: bigint, b: bigint) => (2n * a + b) / (2n * b);
  for (let digits = 0; digits <= 12; digits++) {
    const scale = 10n ** BigInt(digits);
    const decimal = roundDiv(magnitude * scale, one);
    if (roundDiv(decimal * one, scale) === magnitude) {
      const text = `${negative ? '-' : ''}${decimal}e-${digits}`;
      return Number(text);
    }
  }
  return toF64(I32F32, raw as I32F32);
}

const shown = (v: readonly bigint[]): number[] => v.map(shownI32F32);
const shownRows = (m: readonly (readonly SparseEntry32[])[]): number[][][] =>
  m.map((row) => row.map(([j, v]) => [j, shownI32F32(v)]));
/** A stored u16 as the proportion `u16 / 65535` in I32F32 (`u16_proportion_to_fixed`). */
const proportion = (x: number): number => toF64(I32F32, ((BigInt(x) << 32n) / U16_MAX) as I32F32);
const json = (v: readonly bigint[]): Json[] => v.map((x) => x);

function arrayOf(v: Json | undefined, field: string): Json[] {
  if (!Array.isArray(v)) throw new InputError(field, 'expected an array');
  return v;
}

function objectOf(v: Json | undefined, field: string): JsonObject {
  if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v))
    throw new InputError(field, 'expected an object');
  return v;
}

const int = (v: Json | undefined, field: string): number => Number(toBig(v ?? null, field));

/** `[[target uid, u16], ...]` rows keyed by validator uid. */
function weightMap(v: Json | undefined, field: string): Map<number, [number, number][]> {
  const rows = new Map<number, [number, number][]>();
  if (v === undefined) return rows;
  for (const [uid, row] of Object.entries(objectOf(v, field))) {
    rows.set(
      Number(uid),
      arrayOf(row, `${field}.${uid}`).map((pair, k) => {
        const [j, w] = arrayOf(pair, `${field}.${uid}[${k}]`);
        return [int(j, `${field}.${uid}[${k}]`), int(w, `${field}.${uid}[${k}]`)];
      }),
    );
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// epoch_logs tests: one epoch on a state written directly (setup_epoch)

/** setup_epoch(): tempo 10, the listed neurons with their stake, permit, registration and update. */
function logsSim(v: Vector, params: EpochParams): Sim {
  const neurons = arrayOf(v.inputs.neurons, 'neurons').map((raw, k) => {
    const u = objectOf(raw, `neurons[${k}]`);
    if (int(u.uid, `neurons[${k}].uid`) !== k)
      throw new InputError(`neurons[${k}].uid`, 'UIDs must be 0..n-1');
    return {
      stake: toBig(u.stake ?? null, `neurons[${k}].stake`),
      registeredAt: int(u.registered, `neurons[${k}].registered`),
      lastUpdate: int(u.last_update, `neurons[${k}].last_update`),
      permit: u.validator_permit === true,
    };
  });
  return newSim({ block: int(v.inputs.current_block, 'current_block'), tempo: 10, params, neurons });
}

/** Every quantity the epoch_logs tests read from the log, for one mechanism's result. */
function logValues(m: MechanismEpochResult, out: YumaEpochOutput): JsonObject {
  const t = m.trace;
  const rows: JsonObject = {};
  t.weights.forEach((row, uid) => {
    rows[String(uid)] = row.map(([j, x]) => [j, shownI32F32(x)]);
  });
  return {
    normalised_stake: shown(t.stake),
    normalised_stake_prefix: t.stake.slice(0, 1).map((x) => toF64(I32F32, x)),
    inactive: [...t.inactive],
    active_stake: shown(t.activeStake),
    consensus: shown(t.consensus),
    validator_trust: shown(t.validatorTrust),
    dividends: shown(t.dividends),
    weights_row_normalized: rows,
    bonds_delta_col_normalized: t.bondsDelta === null ? null : shownRows(t.bondsDelta),
    normalized_validator_emission: shown(t.normalizedValidatorEmission),
    normalized_combined_emission: shown(t.normalizedCombinedEmission),
    combined_emission_rao: json(m.emission),
    new_validator_permits: [...out.validatorPermit],
  };
}

const logsHandler: Handler = (v) => {
  const maxValidators = v.inputs.max_allowed_validators;
  const params =
    maxValidators === undefined
      ? MOCK_PARAMS
      : { ...MOCK_PARAMS, maxAllowedValidators: int(maxValidators, 'max_allowed_validators') };
  const sim = logsSim(v, params);
  for (const [uid, row] of weightMap(v.inputs.weights_u16 ?? v.inputs.weights, 'weights_u16')) {
    setWeights(sim, { uid, row });
  }
  const out = runEpoch(
    sim,
    v.inputs.rao_emission === undefined ? RAO_PER_TAO : big(v.inputs, 'rao_emission'),
  );
  return { actual: logValues(out.mechanisms[0]!, out) };
};

/**
 * A subnet with several mechanisms, each written its own weights directly (no upscaling, no update).
 * The vector gives one mechanism's weights and its emission; the others have none, and the even split
 * hands each mechanism the same emission.
 */
const mechanismHandler: Handler = (v) => {
  const m = /(\d+) mechanisms; this is mechanism (\d+)/.exec(v.description);
  const count =
    v.inputs.mechanism_count === undefined
      ? Number(m?.[1] ?? 1)
      : int(v.inputs.mechanism_count, 'mechanism_count');
  const index = v.inputs.mechanism === undefined ? Number(m?.[2] ?? 0) : int(v.inputs.mechanism, 'mechanism');
  if (index >= count) throw new InputError('mechanism', `must be below the mechanism count ${count}`);
  const sim = logsSim(v, MOCK_PARAMS);
  const n = sim.neurons.length;
  const lastUpdate = sim.neurons.map((u) => u.lastUpdate);
  const rows: SparseRow[] = Array.from({ length: n }, () => []);
  for (const [uid, row] of weightMap(v.inputs.weights_u16, 'weights_u16')) rows[uid] = row;
  const empty = (): MechanismInput => ({ weights: [], bonds: [], lastUpdate });
  const mechanisms = Array.from({ length: count }, (_, k) =>
    k === index ? { ...empty(), weights: rows } : empty(),
  );
  sim.weights = [...mechanisms[0]!.weights];
  sim.extra = mechanisms.slice(1);
  const perMechanism = big(v.inputs, 'rao_emission');
  const out = runEpoch(sim, perMechanism * BigInt(count));
  const mech = out.mechanisms[index]!;
  if (mech.raoEmission !== perMechanism) {
    throw new InputError('rao_emission', `the even split gave ${mech.raoEmission}, not ${perMechanism}`);
  }
  return { actual: logValues(mech, out) };
};

// ---------------------------------------------------------------------------------------------------
// tests/epoch.rs graphs: neurons appended at block 0, a first epoch for permits, weights at block 1

/** Self-weights as in test_10_graph: "each uid i sets {i: 65535}". */
function selfWeights(text: string, n: number): [number, number][][] {
  const m = /each uid i sets \{i: (\d+)\}/.exec(text);
  if (m === null) throw new InputError('weights', `unsupported weights description "${text}"`);
  return Array.from({ length: n }, (_, i) => [[i, Number(m[1])]]);
}

const tenGraphHandler: Handler = (v) => {
  const n = int(v.inputs.n, 'n');
  const stakes = list(v.inputs, 'stake').map((s, i) => toBig(s, `stake[${i}]`));
  const permits = list(v.inputs, 'validator_permits_stored').map((p) => p === true);
  const weights = v.inputs.weights;
  const rows = typeof weights === 'string' ? selfWeights(weights, n) : [];
  const sim = newSim({
    block: 1,
    tempo: HIGH_TEMPO,
    params: { ...MOCK_PARAMS, yuma3: v.inputs.yuma3 === true },
    neurons: stakes.map((stake, i) => ({
      stake,
      registeredAt: 0,
      lastUpdate: 0,
      permit: permits[i] ?? false,
    })),
  });
  rows.forEach((row, uid) => {
    setWeights(sim, { uid, row });
  });
  const out = runEpoch(sim, big(v.inputs, 'rao_emission'));
  // The chain no longer computes Rank or Trust; their getters read 0 (spec §7.7).
  const zeros = new Array<number>(n).fill(0);
  return {
    actual: {
      rank: zeros,
      trust: zeros,
      consensus: [...out.consensus],
      incentive: [...out.incentive],
      dividends: [...out.dividends],
      emission_rao: json(out.emission),
    },
  };
};

/** "64..511" or a list of UIDs. */
function uidList(v: Json | undefined, field: string): number[] {
  if (typeof v === 'string') {
    const m = /^(\d+)\.\.(\d+)$/.exec(v.trim());
    if (m === null) throw new InputError(field, `expected "a..b" or a list, got "${v}"`);
    const lo = Number(m[1]);
    return Array.from({ length: Number(m[2]) - lo + 1 }, (_, k) => lo + k);
  }
  return arrayOf(v, field).map((x, i) => int(x, `${field}[${i}]`));
}

/** The one value every UID of a group shares, or the list when they differ (which then fails). */
function uniform(values: readonly number[]): Json {
  return values.every((x) => x === values[0]) ? (values[0] ?? null) : [...values];
}

/** init_run_epochs(): validators stake, a permit epoch, uniform weights on all servers, then epochs. */
function runGraph(v: Vector, serverSelf: boolean): JsonObject {
  const n = int(v.inputs.n, 'n');
  const validators = uidList(v.inputs.validators, 'validators');
  const servers = uidList(v.inputs.servers, 'servers');
  const stake = big(v.inputs, 'stake_per_validator');
  const rao = big(v.inputs, 'rao_emission');
  const isValidator = new Set(validators);
  const sim = newSim({
    block: 1,
    tempo: HIGH_TEMPO,
    params: { ...MOCK_PARAMS, bondsPenalty: 65_535, maxAllowedValidators: validators.length },
    neurons: Array.from({ length: n }, (_, uid) => ({
      stake: isValidator.has(uid) ? stake : 0n,
      registeredAt: 0,
      lastUpdate: 0,
      permit: false,
    })),
  });
  runEpoch(sim, rao);
  const weight = Math.floor(65_535 / n);
  for (const uid of validators) setWeights(sim, { uid, row: servers.map((j) => [j, weight] as const) });
  if (serverSelf) for (const uid of servers) setWeights(sim, { uid, row: [[uid, 65_535]] });
  let out: YumaEpochOutput | undefined;
  for (let e = 0; e < int(v.inputs.epochs, 'epochs'); e++) out = runEpoch(sim, rao);
  if (out === undefined) throw new InputError('epochs', 'must be at least 1');
  const done = out;
  const bond = (i: number, j: number) => done.bonds[i]?.find(([c]) => c === j)?.[1] ?? 0;
  const validator0 = validators[0] ?? 0;
  const server0 = servers[0] ?? 0;
  const group = (uids: readonly number[]) => ({
    consensus_u16: uniform(uids.map((u) => done.consensus[u] ?? -1)),
    incentive_u16: uniform(uids.map((u) => done.incentive[u] ?? -1)),
    dividends_u16: uniform(uids.map((u) => done.dividends[u] ?? -1)),
    emission_rao: uniform(uids.map((u) => Number(done.emission[u] ?? -1n))),
  });
  return {
    validator: {
      ...group(validators),
      bond_to_validator: uniform(validators.map((u) => bond(u, validator0))),
      bond_to_server_u16: uniform(validators.map((u) => bond(u, server0))),
    },
    server: {
      ...group(servers),
      bonds: uniform(servers.map((u) => Math.max(bond(u, validator0), bond(u, server0)))),
    },
  };
}

const graphHandler: Handler = (v) => {
  // The test runs with and without server self-weights (masked either way); both must agree.
  const plain = runGraph(v, false);
  const withSelf = runGraph(v, true);
  const same = JSON.stringify(plain) === JSON.stringify(withSelf);
  return {
    actual: plain,
    checks: same
      ? []
      : [
          {
            key: 'server',
            ok: false,
            detail: `self-weights changed the result: ${JSON.stringify(withSelf)}`,
          },
        ],
  };
};

// ---------------------------------------------------------------------------------------------------
// test_bonds: original Yuma over a sequence of weight changes, one block apart

type Action = (sim: Sim) => void;

/** The step actions test_bonds performs, as the vector words them. */
function bondsAction(text: string, validators: readonly number[]): Action {
  const all = /all validators weight servers (\d+)\.\.(\d+) with u16 \[([\d,\s]+)\]/.exec(text);
  if (all !== null) {
    const lo = Number(all[1]);
    const values = all[3]!.split(',').map((x) => Number(x.trim()));
    return (sim) => {
      for (const uid of validators) setWeights(sim, { uid, row: values.map((w, k) => [lo + k, w] as const) });
    };
  }
  const self = /uid (\d+) switches to a self-weight only/.exec(text);
  if (self !== null) {
    const uid = Number(self[1]);
    return (sim) => setWeights(sim, { uid, row: [[uid, 65_535]] });
  }
  const sets = /uid (\d+) sets \{(\d+): (\d+)\}/.exec(text);
  if (sets !== null) {
    const [uid, j, w] = [Number(sets[1]), Number(sets[2]), Number(sets[3])];
    return (sim) => setWeights(sim, { uid, row: [[j, w]] });
  }
  if (/no change/.test(text)) return () => {};
  throw new InputError('steps.action', `unsupported action "${text}"`);
}

const bondsSequenceHandler: Handler = (v) => {
  const stakes = list(v.inputs, 'stake').map((s, i) => toBig(s, `stake[${i}]`));
  const validators = stakes.flatMap((s, uid) => (s > 0n ? [uid] : []));
  // register() at block 1 with tempo 1; a first epoch without weights hands out the permits.
  const sim = newSim({
    block: 1,
    tempo: 1,
    params: { ...MOCK_PARAMS, maxAllowedValidators: stakes.length },
    neurons: stakes.map((stake) => ({ stake, registeredAt: 1, lastUpdate: 0, permit: false })),
  });
  const rao = RAO_PER_TAO;
  runEpoch(sim, rao);
  const steps = list(v.inputs, 'steps').map((raw, k) => {
    const step = objectOf(raw, `steps[${k}]`);
    const action = typeof step.action === 'string' ? step.action : '';
    const column = int(step.bonds_column_checked, `steps[${k}].bonds_column_checked`);
    sim.block += 1;
    bondsAction(action, validators)(sim);
    const out = runEpoch(sim, rao);
    return {
      step: step.step ?? k + 1,
      bonds_u16_rows_0_to_3: validators.map((i) => out.bonds[i]?.find(([c]) => c === column)?.[1] ?? 0),
      combined_emission_rao_unasserted: json(out.emission),
    };
  });
  return { actual: { steps } };
};

// ---------------------------------------------------------------------------------------------------
// Yuma 3 scenarios (setup_yuma_3_scenario): liquid alpha, validators 0..2 re-set weights every epoch

/** What happens before one epoch: the validators' weights (or none) and bond resets. */
interface Yuma3Step {
  readonly weights: readonly (readonly number[])[] | null;
  readonly resetBondsOf: readonly number[];
}

/** Epoch index -> step, from entries with `epoch: k` or `epochs: "a..b"`. */
function yuma3Schedule(entries: readonly Json[]): Map<number, Yuma3Step> {
  const schedule = new Map<number, Yuma3Step>();
  entries.forEach((raw, k) => {
    const e = objectOf(raw, `weights_per_epoch[${k}]`);
    const range =
      e.epochs === undefined
        ? [int(e.epoch, `weights_per_epoch[${k}].epoch`), int(e.epoch, `weights_per_epoch[${k}].epoch`)]
        : uidList(e.epochs, `weights_per_epoch[${k}].epochs`).filter(
            (_, i, a) => i === 0 || i === a.length - 1,
          );
    const lo = range[0]!;
    const hi = range[range.length - 1]!;
    const weights =
      e.weights === 'unchanged'
        ? null
        : arrayOf(e.weights, `weights_per_epoch[${k}].weights`).map((row, i) =>
            arrayOf(row, `weights_per_epoch[${k}].weights[${i}]`).map((w, j) =>
              toNum(w, `weights[${i}][${j}]`),
            ),
          );
    const resetAt = e.reset_bonds_of_uid_3_at_epoch;
    for (let epoch = lo; epoch <= hi; epoch++) {
      const reset =
        resetAt !== undefined && int(resetAt, 'reset_bonds_of_uid_3_at_epoch') === epoch ? [3] : [];
      schedule.set(epoch, { weights, resetBondsOf: reset });
    }
  });
  return schedule;
}

/** Dividends (stored u16 / 65535) and validator-to-server bonds (proportions) after one epoch. */
interface Yuma3Epoch {
  readonly dividends: number[];
  readonly bonds: number[][];
}

function runYuma3(v: Vector, schedule: Map<number, Yuma3Step>): Yuma3Epoch[] {
  const n = int(v.inputs.n, 'n');
  const stakes = list(v.inputs, 'stakes').map((s, i) => toBig(s, `stakes[${i}]`));
  const servers = uidList(v.inputs.servers, 'servers');
  const liquidOff = v.inputs.liquid_alpha === false || /liquid alpha is then disabled/i.test(v.description);
  const params: EpochParams = {
    ...MOCK_PARAMS,
    kappa: 32_767,
    bondsPenalty: 0,
    bondsMovingAverage: 975_000,
    alphaSigmoidSteepness: 1000,
    yuma3: true,
    liquidAlpha: true,
    // set_alpha_values_32(0.1, 0.3): floor(I32F32(x) * 65535).
    alphaLow: 6553,
    alphaHigh: 19_660,
    maxAllowedValidators: 3,
  };
  const sim = newSim({
    block: 1,
    tempo: 1,
    params,
    neurons: Array.from({ length: n }, (_, uid) => ({
      stake: stakes[uid] ?? 0n,
      registeredAt: 1,
      lastUpdate: 0,
      permit: false,
    })),
  });
  const rao = RAO_PER_TAO;
  // First epoch (one block on) without weights: permits to the top-3 stakes.
  sim.block += 1;
  runEpoch(sim, rao);
  if (liquidOff) sim.params = { ...sim.params, liquidAlpha: false };
  const last = Math.max(...schedule.keys());
  const results: Yuma3Epoch[] = [];
  for (let epoch = 0; epoch <= last; epoch++) {
    const step = schedule.get(epoch);
    if (step?.weights != null) {
      step.weights.forEach((row, uid) => {
        setWeights(sim, { uid, row: row.map((w, k) => [servers[k] ?? -1, w] as const) });
      });
    }
    for (const uid of step?.resetBondsOf ?? []) {
      // do_reset_bonds (BondsResetOn): remove the UID's column from every bond row.
      sim.bonds = sim.bonds.map((row) => row.filter(([j]) => j !== uid));
    }
    sim.block += 1;
    const out = runEpoch(sim, rao);
    results.push({
      dividends: out.dividends.map(proportion),
      bonds: Array.from({ length: params.maxAllowedValidators }, (_, i) =>
        servers.map((j) => proportion(out.bonds[i]?.find(([c]) => c === j)?.[1] ?? 0)),
      ),
    });
  }
  return results;
}

const yuma3SequenceHandler: Handler = (v) => {
  const epochs = runYuma3(v, yuma3Schedule(list(v.inputs, 'weights_per_epoch')));
  return {
    actual: {
      dividends_per_epoch: epochs.map((e) => e.dividends),
      bonds_per_epoch_unasserted: epochs.map((e) => e.bonds),
    },
  };
};

const yuma3BondsResetHandler: Handler = (v) => {
  const epochs = runYuma3(v, yuma3Schedule(list(v.inputs, 'weights_per_epoch')));
  const dividends: JsonObject = {};
  const bonds: JsonObject = {};
  epochs.forEach((e, k) => {
    dividends[String(k)] = e.dividends;
    bonds[String(k)] = e.bonds;
  });
  return { actual: { dividends_at_epoch: dividends, bonds_at_epoch_unasserted: bonds } };
};

/** Handlers for every kind in epoch.json. */
export const epochHandlers: Record<string, Handler> = {
  epoch_two_validators_no_weights: logsHandler,
  epoch_three_validators_two_servers_disjoint: logsHandler,
  epoch_three_validators_one_splits: logsHandler,
  epoch_topk_validator_permits: logsHandler,
  epoch_activity_cutoff_masks_inactive: logsHandler,
  epoch_all_inactive_falls_back_to_stake: logsHandler,
  epoch_permit_masks_active_stake: logsHandler,
  epoch_mechanism_split_weights: mechanismHandler,
  epoch_ten_self_weights_first_epoch: tenGraphHandler,
  epoch_512_graph_uniform_weights: graphHandler,
  original_yuma_bonds_sequence: bondsSequenceHandler,
  yuma3_sequence: yuma3SequenceHandler,
  yuma3_bonds_reset: yuma3BondsResetHandler,
};
