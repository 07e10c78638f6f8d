/**
 * `tensormarket epoch --in CASE.json [--path exact|fast] [--json-output]`: run Yuma Consensus on a case
 * described in a file (black-box use of the epoch; format in README.md, example in examples/).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseLosslessJson } from '../conformance/vector.ts';
import { fastEpoch } from '../engine/epoch/fast/index.ts';
import type { EpochFunction, EpochInput, EpochOutput } from '../engine/epoch/types.ts';
import { yumaEpoch } from '../engine/epoch/yuma/index.ts';
import { InputError } from '../engine/errors.ts';
import type { I64F64 } from '../engine/fixed/index.ts';
import { DEFAULT_CHAIN_PARAMS, DEFAULT_EPOCH_PARAMS } from '../engine/state/defaults.ts';
import type { EpochParams, SparseRow } from '../engine/state/types.ts';
import { amountJson } from '../sdk/amount/amount.ts';
import { addJsonOptions, type JsonOptions, printJson, wantsJson } from './commandOutput.ts';

const u16 = z.number().int().min(0).max(65_535);
const int = z.union([z.number().int().min(0), z.bigint().min(0n)]).transform((v) => BigInt(v));
const matrix = z.array(z.array(u16));

const hyperparametersSchema = z
  .object({
    kappa: u16.default(DEFAULT_EPOCH_PARAMS.kappa),
    bonds_moving_average: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .default(DEFAULT_EPOCH_PARAMS.bondsMovingAverage),
    bonds_penalty: u16.default(DEFAULT_EPOCH_PARAMS.bondsPenalty),
    liquid_alpha: z.boolean().default(DEFAULT_EPOCH_PARAMS.liquidAlpha),
    alpha_low: u16.default(DEFAULT_EPOCH_PARAMS.alphaLow),
    alpha_high: u16.default(DEFAULT_EPOCH_PARAMS.alphaHigh),
    alpha_sigmoid_steepness: z.number().int().default(DEFAULT_EPOCH_PARAMS.alphaSigmoidSteepness),
    max_allowed_validators: z.number().int().min(0).default(DEFAULT_EPOCH_PARAMS.maxAllowedValidators),
    tempo: z.number().int().min(1).default(DEFAULT_CHAIN_PARAMS.defaultTempo),
    activity_cutoff: z.number().int().min(1).optional(),
    stake_threshold: int.default(0n),
    owner_uid: z.number().int().min(0).nullable().default(null),
  })
  .strict()
  .prefault({});

/** The case file's format. */
export const epochCaseSchema = z
  .object({
    yuma: z.enum(['yuma3', 'original']).default('yuma3'),
    hyperparameters: hyperparametersSchema,
    block: z.number().int().min(0),
    neurons: z
      .array(
        z
          .object({
            stake: int,
            last_update: z.number().int().min(0).default(0),
            block_at_registration: z.number().int().min(0).default(0),
            validator_permit: z.boolean().default(false),
          })
          .strict(),
      )
      .min(1),
    weights: matrix.default([]),
    bonds: matrix.default([]),
    rao_emission: int,
    epochs: z
      .array(z.object({ block: z.number().int().min(0), weights: matrix.optional() }).strict())
      .default([]),
  })
  .strict();

export type EpochCase = z.infer<typeof epochCaseSchema>;

/** Parse and validate a case; errors name the field and what was expected. */
export function parseEpochCase(file: string, text: string): EpochCase {
  let raw: unknown;
  try {
    raw = parseLosslessJson(text);
  } catch (cause) {
    throw new InputError(file, `is not valid JSON (${(cause as Error).message})`, { cause });
  }
  const r = epochCaseSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new InputError(`${file}: ${issue.path.join('.') || '(root)'}`, issue.message);
  }
  const c = r.data;
  const n = c.neurons.length;
  const check = (name: string, m: number[][]) => {
    if (m.length !== 0 && m.length !== n)
      throw new InputError(`${file}: ${name}`, `must have ${n} rows (one per neuron)`);
    m.forEach((row, i) => {
      if (row.length !== n)
        throw new InputError(`${file}: ${name}[${i}]`, `must have ${n} entries (one per neuron)`);
    });
  };
  check('weights', c.weights);
  check('bonds', c.bonds);
  c.epochs.forEach((e, i) => {
    if (e.weights !== undefined) check(`epochs[${i}].weights`, e.weights);
  });
  return c;
}

/** Dense u16 rows to the chain's sparse rows (zeros dropped). */
function sparse(m: readonly (readonly number[])[], n: number): SparseRow[] {
  if (m.length === 0) return Array.from({ length: n }, () => []);
  return m.map((row) => row.flatMap((v, j) => (v === 0 ? [] : [[j, v] as const])));
}

function dense(rows: readonly SparseRow[], n: number): number[][] {
  return rows.map((row) => {
    const out = new Array<number>(n).fill(0);
    for (const [j, v] of row) out[j] = v;
    return out;
  });
}

/** One epoch's printed result. */
export interface EpochCaseResult {
  readonly block: number;
  readonly consensus: readonly number[];
  readonly incentive: readonly number[];
  readonly dividends: readonly number[];
  readonly validator_trust: readonly number[];
  readonly validator_permit: readonly boolean[];
  readonly bonds: readonly number[][];
  readonly server_emission: readonly bigint[];
  readonly validator_emission: readonly bigint[];
}

/** Run the case's epochs in sequence, carrying bonds and permits as the chain stores them. */
export function runEpochCase(c: EpochCase, path: 'exact' | 'fast'): EpochCaseResult[] {
  const epoch: EpochFunction = path === 'exact' ? yumaEpoch : fastEpoch;
  const h = c.hyperparameters;
  const n = c.neurons.length;
  const factorMilli =
    h.activity_cutoff === undefined
      ? DEFAULT_EPOCH_PARAMS.activityCutoffFactorMilli
      : Math.ceil((h.activity_cutoff * 1000) / h.tempo); // floor(f * tempo / 1000) = activity_cutoff for tempo <= 1000
  const params: EpochParams = {
    kappa: h.kappa,
    bondsMovingAverage: h.bonds_moving_average,
    bondsPenalty: h.bonds_penalty,
    yuma3: c.yuma === 'yuma3',
    liquidAlpha: h.liquid_alpha,
    alphaLow: h.alpha_low,
    alphaHigh: h.alpha_high,
    alphaSigmoidSteepness: h.alpha_sigmoid_steepness,
    maxAllowedValidators: h.max_allowed_validators,
    activityCutoffFactorMilli: factorMilli,
    stakeThreshold: h.stake_threshold,
  };
  let weights = sparse(c.weights, n);
  let bonds = sparse(c.bonds, n);
  let permits = c.neurons.map((x) => x.validator_permit);
  const lastUpdate = c.neurons.map((x) => x.last_update);
  let lastStep = 0;
  const steps = [{ block: c.block, weights: undefined as number[][] | undefined }, ...c.epochs];
  return steps.map((step, k) => {
    if (k > 0 && step.weights !== undefined) {
      weights = sparse(step.weights, n);
      // Rows set in this entry count as set_weights at this block (LastUpdate).
      step.weights.forEach((row, i) => {
        if (row.some((v) => v > 0)) lastUpdate[i] = step.block;
      });
    }
    const input: EpochInput = {
      block: step.block,
      tempo: h.tempo,
      ownerUid: h.owner_uid,
      lastMechanismStepBlock: lastStep,
      params,
      neurons: c.neurons.map((x, i) => ({
        stake: (x.stake << 64n) as I64F64,
        lastUpdate: lastUpdate[i]!,
        blockAtRegistration: x.block_at_registration,
        validatorPermit: permits[i]!,
      })),
      weights,
      bonds,
      raoEmission: c.rao_emission,
    };
    const out: EpochOutput = epoch(input);
    bonds = [...out.bonds];
    permits = [...out.validatorPermit];
    lastStep = step.block;
    return {
      block: step.block,
      consensus: out.consensus,
      incentive: out.incentive,
      dividends: out.dividends,
      validator_trust: out.validatorTrust,
      validator_permit: out.validatorPermit,
      bonds: dense(out.bonds, n),
      server_emission: out.serverEmission,
      validator_emission: out.validatorEmission,
    };
  });
}

function table(r: EpochCaseResult): string {
  const p = (x: number) => (x / 65_535).toFixed(6);
  const lines = [
    `epoch at block ${r.block}`,
    ' uid  consensus  incentive  dividends  v_trust  permit  server_rao  validator_rao',
  ];
  r.consensus.forEach((_, i) => {
    lines.push(
      `${String(i).padStart(4)}  ${p(r.consensus[i]!)}   ${p(r.incentive[i]!)}   ${p(r.dividends[i]!)}   ${p(r.validator_trust[i]!)}  ${String(r.validator_permit[i]).padEnd(6)}  ${String(r.server_emission[i]).padStart(10)}  ${String(r.validator_emission[i]).padStart(13)}`,
    );
  });
  lines.push(' bonds (u16 rows):');
  for (const row of r.bonds) lines.push(`  [${row.join(', ')}]`);
  return lines.join('\n');
}

export function registerEpoch(program: Command): void {
  const command = program
    .command('epoch')
    .description('run Yuma Consensus on a case file (see README: "The epoch command")')
    .requiredOption('--in <file>', 'case file (JSON)')
    .option('--path <path>', 'exact (bit-exact fixed point) or fast (float64)', 'exact');
  addJsonOptions(command).action((opts: { in: string; path: string } & JsonOptions) => {
    if (opts.path !== 'exact' && opts.path !== 'fast')
      throw new InputError('--path', 'must be "exact" or "fast"');
    let text: string;
    try {
      text = readFileSync(opts.in, 'utf8');
    } catch (cause) {
      throw new InputError('--in', `cannot read ${opts.in}; check the path`, { cause });
    }
    const results = runEpochCase(parseEpochCase(opts.in, text), opts.path);
    if (wantsJson(opts))
      printJson('epoch', {
        path: opts.path,
        epochs: results.map((r) => ({
          block: r.block,
          consensus: [...r.consensus],
          incentive: [...r.incentive],
          dividends: [...r.dividends],
          validator_trust: [...r.validator_trust],
          validator_permit: [...r.validator_permit],
          bonds: r.bonds.map((row) => [...row]),
          server_emission: r.server_emission.map((x) => amountJson(x)),
          validator_emission: r.validator_emission.map((x) => amountJson(x)),
        })),
      });
    else process.stdout.write(`${results.map(table).join('\n\n')}\n`);
  });
}
