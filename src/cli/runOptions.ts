/**
 * The options `simulate` and `compare` share, declared once (flag, description, default, parser), and
 * what they resolve to: the scenario with its overrides, the model, the workers and the output folder.
 */
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { InputError } from '../engine/errors.ts';
import { withCalibration } from '../sim/calibration/withCalibration.ts';
import { parseQueueUrl, type QueueTarget } from '../sim/queue/queueUrl.ts';
import { PROJECT_ROOT } from '../sim/runner/manifest.ts';
import { type ModelRef, parseModelRef } from '../sim/runner/modelRef.ts';
import { loadScenario } from '../sim/scenario/loadScenario.ts';
import { overrideScenario } from '../sim/scenario/overrideScenario.ts';
import type { Scenario } from '../sim/scenario/scenarioSchema.ts';
import { addJsonOptions, type JsonOptions } from './commandOutput.ts';
import { resolveModelSchema } from './scenario.ts';

/** The commands that take the shared options. */
export type RunCommand = 'simulate' | 'compare';

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

/** One shared option: its flags, help (per command where the meaning differs), default and parser. */
interface RunOptionSpec {
  readonly flags: string;
  readonly description: string | Readonly<Record<RunCommand, string>>;
  /** The default as typed on the command line (it goes through `parse` too). */
  readonly defaultText?: string;
  readonly parse?: (text: string) => unknown;
}

/** The shared options, in the order help lists them. */
export const RUN_OPTIONS: readonly RunOptionSpec[] = [
  {
    flags: '--runs <n>',
    description: {
      simulate: "number of runs (default: the scenario's)",
      compare: "runs per variant (default: the scenario's)",
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
  },
  { flags: `${OUT_OPTION} <dir>`, description: 'output folder (default: out/<scenario name>)' },
  { flags: '--quiet', description: 'no progress; print only where the outputs are' },
  { flags: '--model <module#export>', description: 'run another model (module path and export name)' },
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
  /** `simulate` only: paired runs per variation of the sensitivity screen. */
  sensitivityRuns?: string;
}

/** Add {@link RUN_OPTIONS} to `command`, with the help text written for `name`. */
export function addRunOptions(command: Command, name: RunCommand): Command {
  for (const spec of RUN_OPTIONS) {
    const description = typeof spec.description === 'string' ? spec.description : spec.description[name];
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
  readonly queue: QueueTarget | undefined;
  /** Absolute; the runners create it and check it is writable before any run starts. */
  readonly outDir: string;
  readonly quiet: boolean;
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
  const outDir = resolve(opts.out ?? join('out', scenario.name));
  return { scenario, model, workers: opts.workers, queue: opts.queue, outDir, quiet: opts.quiet === true };
}
