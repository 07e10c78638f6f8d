/**
 * The options `simulate`, `compare` and `sweep` share, declared once (flag, description, default, parser), and
 * what they resolve to: the scenario with its overrides, the model, the workers and the output folder.
 */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { InputError } from '../engine/errors.ts';
import { withCalibration } from '../sim/calibration/withCalibration.ts';
import { parseQueueUrl, type QueueTarget } from '../sim/queue/queueUrl.ts';
import { checkShard, type ExperimentShard } from '../sim/runner/experimentShard.ts';
import { PROJECT_ROOT } from '../sim/runner/manifest.ts';
import { type ModelRef, parseModelRef } from '../sim/runner/modelRef.ts';
import { loadScenario } from '../sim/scenario/loadScenario.ts';
import { overrideScenario } from '../sim/scenario/overrideScenario.ts';
import type { Scenario } from '../sim/scenario/scenarioSchema.ts';
import { addJsonOptions, type JsonOptions } from './commandOutput.ts';
import { resolveModelSchema } from './scenario.ts';

/** The commands that take the shared options. */
export type RunCommand = 'simulate' | 'compare' | 'sweep';

/** The model run unless `--model` names another. */
export const DEFAULT_MODEL: ModelRef = {
  module: join(PROJECT_ROOT, 'src', 'sim', 'model', 'index.ts'),
  exportName: 'bittensorModel',
};

/** The option that names the output folder: the runners cite it when the folder cannot be used. */
export const OUT_OPTION = '--out';

/** The option that sends the runs to a Redis queue (`simulate`, `compare` and `worker` share it). */
export const QUEUE_OPTION = '--queue';

/**
 * Worker threads for `--workers`: `auto` is every core the process may use.
 * @example parseWorkers('auto') // os.availableParallelism()
 */
export function parseWorkers(text: string): number {
  if (text === 'auto') return availableParallelism();
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 1024)
    throw new InputError('--workers', `expected auto or an integer between 1 and 1024, got "${text}"`);
  return n;
}

/** The option that runs one shard of an experiment. */
export const SHARD_OPTION = '--shard';

/**
 * A shard from `k/n` (k from 1 to n).
 * @example parseShard('2/3') // { index: 2, count: 3 }
 */
export function parseShard(text: string): ExperimentShard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (match === null)
    throw new InputError(
      SHARD_OPTION,
      `expected k/n, shard k of n with k from 1 to n (e.g. 2/3), got "${text}"`,
    );
  return checkShard({ index: Number(match[1]), count: Number(match[2]) }, SHARD_OPTION);
}

/** The ways runs leave this machine: shards merged later, or a queue's workers. */
export type Distribution = 'shard' | 'queue';

/** One shared option: its flags, help (per command where the meaning differs), default and parser. */
interface RunOptionSpec {
  readonly flags: string;
  /** One text, or one per command (a command it does not name never shows the option). */
  readonly description: string | Readonly<Partial<Record<RunCommand, string>>>;
  /** The default as typed on the command line (it goes through `parse` too). */
  readonly defaultText?: string;
  readonly parse?: (text: string) => unknown;
  /** How the option sends runs beyond this machine, for commands that leave it out (`backtest`, `sweep`). */
  readonly distributes?: Distribution;
}

/** The shared options, in the order help lists them. */
export const RUN_OPTIONS: readonly RunOptionSpec[] = [
  {
    flags: '--runs <n>',
    description: {
      simulate: "number of runs (default: the scenario's)",
      compare: "runs per variant (default: the scenario's)",
      sweep: "paired runs per point (default: the sweep's runs, else the scenario's)",
    },
  },
  {
    flags: '--horizon <duration>',
    description: "simulated time, e.g. 2y, 180d, 26w (default: the scenario's)",
  },
  {
    flags: '--seed <n>',
    description: {
      simulate: "master seed (default: the scenario's, 1 unless it says otherwise)",
      compare: "master seed shared by every variant (default: the scenario's)",
      sweep: "master seed shared by every point (default: the scenario's)",
    },
  },
  {
    flags: '--workers <n>',
    description: 'worker threads, or auto for all cores; 1 runs in the main thread (none with --queue)',
    defaultText: 'auto',
    parse: parseWorkers,
  },
  {
    flags: `${QUEUE_OPTION} <url>`,
    description:
      'run through the Redis queue at redis://HOST:PORT instead of local threads; start `tensormarket worker --queue URL` on any machines',
    parse: (text) => parseQueueUrl(text, QUEUE_OPTION),
    distributes: 'queue',
  },
  { flags: `${OUT_OPTION} <dir>`, description: 'output folder (default: out/<scenario name>)' },
  { flags: '--quiet', description: 'no progress; print only where the outputs are' },
  { flags: '--model <module#export>', description: 'run another model (module path and export name)' },
  {
    flags: `${SHARD_OPTION} <k/n>`,
    description: {
      simulate:
        'run only shard k of n: of the R runs, run indices floor((k-1)R/n) to floor(kR/n)-1, with the same seeds as the whole run; writes records.jsonl for `tensormarket merge` instead of the summary and report (default folder: out/<scenario name>-shard-k-of-n)',
      compare:
        'run only shard k of n of every variant: runs floor((k-1)R/n) to floor(kR/n)-1 of each, same seeds; combine the shards with `tensormarket merge` (default folder: out/<scenario name>-shard-k-of-n)',
      sweep:
        'run only shard k of n of the points: of the P points, points floor((k-1)P/n) to floor(kP/n)-1, each on the same seeds as in the whole sweep; writes sweep-shard.json for `tensormarket merge` instead of the indices and report (default folder: out/<scenario name>-shard-k-of-n)',
    },
    parse: parseShard,
    distributes: 'shard',
  },
];

/** The shared options as commander parses them. */
export interface RunOptions extends JsonOptions {
  runs?: string;
  horizon?: string;
  seed?: string;
  workers: number;
  queue?: QueueTarget;
  out?: string;
  quiet?: boolean;
  model?: string;
  shard?: ExperimentShard;
  /** `simulate` only: paired runs per variation of the sensitivity screen. */
  sensitivityRuns?: string;
}

/**
 * Add {@link RUN_OPTIONS} to `command`, with the help text written for `name`; `without` leaves out the
 * ways of sending runs beyond this machine a command does not offer (`--shard`, `--queue`).
 */
export function addRunOptions(
  command: Command,
  name: RunCommand,
  { without = [] }: { without?: readonly Distribution[] } = {},
): Command {
  for (const spec of RUN_OPTIONS) {
    if (spec.distributes !== undefined && without.includes(spec.distributes)) continue;
    const description = typeof spec.description === 'string' ? spec.description : spec.description[name];
    if (description === undefined) continue;
    const option = new Option(spec.flags, description);
    if (spec.parse !== undefined) option.argParser(spec.parse);
    if (spec.defaultText !== undefined)
      option.default(spec.parse?.(spec.defaultText) ?? spec.defaultText, spec.defaultText);
    command.addOption(option);
  }
  return addJsonOptions(command);
}

/** What the shared options resolve to. */
export interface ResolvedRun {
  readonly scenario: Scenario;
  readonly model: ModelRef;
  readonly workers: number;
  /** The queue the runs go through instead of local threads, when `--queue` names one. */
  readonly queue?: QueueTarget;
  /** Absolute; the runners create it and check it is writable before any run starts. */
  readonly outDir: string;
  readonly quiet: boolean;
  /** The shard to run, when `--shard` was given. */
  readonly shard?: ExperimentShard;
}

/** Load the scenario with the options' overrides and resolve the model and the output folder. */
export async function resolveRunOptions(file: string, opts: RunOptions): Promise<ResolvedRun> {
  const modelSchema = await resolveModelSchema(opts);
  const loaded = withCalibration({
    scenario: loadScenario({ file, modelSchema }),
    file,
    modelSchema,
  }).scenario;
  const scenario = overrideScenario(loaded, {
    runs: opts.runs,
    horizon: opts.horizon,
    seed: opts.seed,
    sensitivityRuns: opts.sensitivityRuns,
  });
  const model = opts.model === undefined ? DEFAULT_MODEL : parseModelRef(opts.model);
  // Shards run side by side on one machine must not share a folder.
  const folder =
    opts.shard === undefined
      ? scenario.name
      : `${scenario.name}-shard-${opts.shard.index}-of-${opts.shard.count}`;
  const outDir = resolve(opts.out ?? join('out', folder));
  return {
    scenario,
    model,
    workers: opts.workers,
    outDir,
    quiet: opts.quiet === true,
    ...(opts.queue === undefined ? {} : { queue: opts.queue }),
    ...(opts.shard === undefined ? {} : { shard: opts.shard }),
  };
}
