/**
 * The scenario file: what to simulate (`model`, validated by the model's own schema), for how long,
 * how often to record, and how many seeded futures to run.
 */
import { z } from 'zod';
import { BLOCKS_PER_DAY } from '../../engine/chainConstants.ts';
import { invariant } from '../../engine/errors.ts';
import { DEFAULT_CHAIN_PARAMS } from '../../engine/state/defaults.ts';
import type { StartingState } from '../start/startingState.ts';
import { DURATION_PATTERN, parseDuration } from './duration.ts';
import { dateSchema, type RuleChange, ruleTimelineSchema } from './ruleTimeline.ts';
import { type SweepSettings, sweepSchema } from './sweepSchema.ts';

/** Granularity of a model step. */
export const STEP_KINDS = ['block', 'tempo', 'day'] as const;

/** A model step: one block (12 s), one tempo (360 blocks) or one day (7,200 blocks). */
export type StepKind = (typeof STEP_KINDS)[number];

/** Blocks per step of each kind. */
export const STEP_BLOCKS: Readonly<Record<StepKind, number>> = {
  block: 1,
  tempo: DEFAULT_CHAIN_PARAMS.defaultTempo,
  day: BLOCKS_PER_DAY,
};

/** A scenario name: also the output folder's name, so letters, digits, `.`, `_` and `-` only. */
export const SCENARIO_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Paired runs per variation of the sensitivity screen when a scenario turns it on without saying. */
export const DEFAULT_SENSITIVITY_RUNS = 8;

/** The `sensitivity` section: the one-at-a-time screen `tensormarket simulate` runs after the main runs. */
export const sensitivitySchema = z.object({
  runs: z
    .int()
    .min(0)
    .max(100_000)
    .default(DEFAULT_SENSITIVITY_RUNS)
    .describe(
      `Paired runs per variation (run indices 0 … runs − 1 of the scenario’s seed for every variation); 0 turns the screen off. Default ${DEFAULT_SENSITIVITY_RUNS}: enough to rank, few enough that screening tens of parameters (two variations each) costs less than 1,000 main runs.`,
    ),
  top: z
    .int()
    .min(1)
    .max(100)
    .default(8)
    .describe(
      'Parameters the report’s tornado shows, largest effects first (sensitivity.csv lists every one). Default 8.',
    ),
});

/** Fields of a scenario file other than `model`, with their defaults. */
export const scenarioFields = {
  name: z
    .string()
    .regex(SCENARIO_NAME_PATTERN)
    .meta({ examples: ['default', 'bear-market'] })
    .describe('Short name; also the default output folder out/<name>.'),
  title: z.string().optional().describe('Title for reports. Default: the name.'),
  description: z.string().default('').describe('What the scenario asks, in a sentence or two.'),
  runs: z
    .int()
    .min(1)
    .max(10_000_000)
    .default(1000)
    .describe('Seeded futures to run. Default 1000: bands and tail probabilities to about ±1–3 points.'),
  horizon: z
    .string()
    .regex(DURATION_PATTERN)
    .default('2y')
    .meta({ examples: ['2y', '180d', '26w'] })
    .describe('Simulated time: whole days (d), weeks (w) or years (y = 365 days). Default 2y.'),
  seed: z
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(1)
    .describe('Master seed: with the run index it determines every random stream. Default 1.'),
  step: z
    .enum(STEP_KINDS)
    .default('day')
    .describe('Model step: block (12 s), tempo (360 blocks) or day (7,200 blocks). Default day.'),
  recordEvery: z
    .number()
    .positive()
    .default(7)
    .describe('Days between recorded points of the time series. Default 7 (weekly).'),
  start: z
    .string()
    .min(1)
    .optional()
    .meta({ examples: ['start/mainnet-2026-09-30.json'] })
    .describe(
      'A starting-state file made by `tensormarket snapshot import` (the recorded network at a chain block), relative to the scenario file; read when the scenario is loaded, and the Bittensor model starts from it.',
    ),
  calibration: z
    .string()
    .min(1)
    .optional()
    .meta({ examples: ['calibration/dtao-2025.json'] })
    .describe(
      'A calibration file made by `tensormarket calibrate`, relative to the scenario file: its fitted values set the model parameters this file’s model section does not set itself.',
    ),
  startDate: dateSchema
    .optional()
    .describe(
      'The calendar date (UTC) of day 0, which a rule timeline reads. Default: the date of the start file’s snapshot.',
    ),
  rules: ruleTimelineSchema
    .optional()
    .describe(
      'A rule timeline: the rule pack (and its variant and chain parameters) in force from each date, replacing model.rulePack from the first entry’s date on. Without a variant a pack’s dated variants switch on their own dates. Needs the start’s date (startDate or a dated start file).',
    ),
  fork: z
    .object({
      atDays: z
        .int()
        .min(1)
        .describe('Day of the fork point: every variant follows the first one until then.'),
    })
    .optional()
    .describe(
      'For `tensormarket compare`: fork the futures at a day. Every variant runs the first variant’s model until then and its own from that state on, with the same random streams.',
    ),
  sensitivity: sensitivitySchema
    .optional()
    .describe(
      'For `tensormarket simulate`: a one-at-a-time sensitivity screen after the main runs. Each parameter with a declared range is set to its low and then its high end, the others as the scenario sets them, all on the same seeds; the report opens with a tornado chart of the largest effects on the model’s headline outcome. Absent: no screen.',
    ),
  sweep: sweepSchema
    .optional()
    .describe(
      'For `tensormarket sweep`: the model parameters to vary and how (grid, zipped lists, Latin hypercube or Sobol’ points), every point run on the same seeds; with sobol the report gives first-order and total Sobol’ indices of the key outcomes with bootstrap intervals.',
    ),
} as const;

/**
 * The schema of a scenario file whose `model` section is validated by `modelSchema` (its defaults fill
 * whatever the file leaves out, including a missing `model` section).
 * @example createScenarioSchema(modelParamsSchema).parse(yamlValue)
 */
export function createScenarioSchema<M extends z.ZodType>(modelSchema: M) {
  return z
    .object({
      ...scenarioFields,
      model: modelSchema
        .prefault({} as z.input<M>)
        .describe("The model's parameters (defaults from its schema)."),
      variants: z
        .array(
          z.object({
            name: z
              .string()
              .regex(SCENARIO_NAME_PATTERN)
              .meta({ examples: ['status-quo', 'covenant'] })
              .describe('Short name; also the folder of its outputs under the comparison.'),
            title: z.string().optional().describe('Title in reports. Default: the name.'),
            description: z.string().default('').describe('What this variant changes, in a sentence.'),
            model: modelSchema
              .optional()
              .describe("Model parameters this variant changes; the rest come from the scenario's model."),
          }),
        )
        .default([])
        .describe(
          'Variants for `tensormarket compare`: each runs the same seeds with its model changes; the first is the baseline.',
        ),
    })
    .superRefine((s, ctx) => {
      const days = parseDuration(s.horizon);
      if (days !== null && s.fork !== undefined && s.fork.atDays >= days) {
        ctx.addIssue({
          code: 'custom',
          path: ['fork', 'atDays'],
          input: s.fork.atDays,
          message: `expected a day before the horizon (${days} days), got ${s.fork.atDays}`,
        });
      }
      if (days !== null && s.recordEvery > days) {
        ctx.addIssue({
          code: 'custom',
          path: ['recordEvery'],
          input: s.recordEvery,
          message: `expected at most the horizon (${days} days), got ${s.recordEvery}`,
        });
      }
    });
}

/** One variant of a scenario, its model fully resolved (the scenario's model plus its changes). */
export interface ScenarioVariant<M = unknown> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly model: M;
}

/** A scenario file with every default filled in (what `scenario.json` in an output folder holds). */
export interface ScenarioFile<M = unknown> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly runs: number;
  readonly horizon: string;
  readonly seed: number;
  readonly step: StepKind;
  readonly recordEvery: number;
  readonly model: M;
  /** The starting-state file, as written (relative to the scenario file); absent unless the file names one. */
  readonly start?: string | undefined;
  /** Variants for a comparison (none unless the file lists some). */
  readonly variants?: readonly ScenarioVariant<M>[];
  /** The calibration file whose values the model takes, as written; absent unless the file names one. */
  readonly calibration?: string | undefined;
  /** The date of day 0 (YYYY-MM-DD); absent unless the file sets it. */
  readonly startDate?: string | undefined;
  /** The rule timeline; absent unless the file lists one. */
  readonly rules?: readonly RuleChange[] | undefined;
  /**
   * A fork point for a comparison. In a variant's run it also carries `baseModel`: the model the future
   * follows until the fork.
   */
  readonly fork?: { readonly atDays: number; readonly baseModel?: M } | undefined;
  /** The sensitivity screen `simulate` runs after the main runs; absent unless the file asks for one. */
  readonly sensitivity?: SensitivitySettings | undefined;
  /** The sweep `tensormarket sweep` runs; absent unless the file declares one. */
  readonly sweep?: SweepSettings | undefined;
}

/** What the `sensitivity` section resolves to. */
export type SensitivitySettings = Readonly<z.output<typeof sensitivitySchema>>;

/** A resolved scenario as models read it: the file plus derived figures. */
export interface Scenario<M = unknown> extends ScenarioFile<M> {
  /** The horizon in days. */
  readonly horizonDays: number;
  /** Days between recorded points (same as `recordEvery`, named with its unit for models). */
  readonly recordEveryDays: number;
  /** The content of the file `start` names, read at load so that models (in any thread) get it as data. */
  readonly startingState?: StartingState;
}

/**
 * Fill the title and the derived figures of a validated scenario file.
 * @example resolveScenario({ ...file, horizon: '26w' }).horizonDays // 182
 */
export function resolveScenario<M>(
  file: Omit<ScenarioFile<M>, 'title'> & {
    title?: string | undefined;
    startingState?: StartingState | undefined;
  },
): Scenario<M> {
  const horizonDays = parseDuration(file.horizon);
  invariant(horizonDays !== null, 'SCENARIO_UNVALIDATED', `horizon ${file.horizon} was not validated`);
  return {
    name: file.name,
    title: file.title !== undefined && file.title !== '' ? file.title : file.name,
    description: file.description,
    runs: file.runs,
    horizon: file.horizon,
    seed: file.seed,
    step: file.step,
    recordEvery: file.recordEvery,
    model: file.model,
    // Only when set, so that scenarios without one keep their hash.
    ...(file.start === undefined ? {} : { start: file.start }),
    ...(file.calibration === undefined ? {} : { calibration: file.calibration }),
    ...(file.startDate === undefined ? {} : { startDate: file.startDate }),
    ...(file.rules === undefined ? {} : { rules: file.rules }),
    ...(file.variants === undefined || file.variants.length === 0 ? {} : { variants: file.variants }),
    ...(file.fork === undefined ? {} : { fork: file.fork }),
    ...(file.sensitivity === undefined ? {} : { sensitivity: file.sensitivity }),
    ...(file.sweep === undefined ? {} : { sweep: file.sweep }),
    horizonDays,
    recordEveryDays: file.recordEvery,
    ...(file.startingState === undefined ? {} : { startingState: file.startingState }),
  };
}

/**
 * The file form of a scenario (drops derived figures and the starting state read from `start`, which
 * stays named by its path as written): what is hashed and written to scenario.json.
 * @example toScenarioFile(scenario).horizon // '2y'
 */
export function toScenarioFile<M>(scenario: Scenario<M>): ScenarioFile<M> {
  const { horizonDays: _days, recordEveryDays: _every, startingState: _start, ...file } = scenario;
  return file;
}
