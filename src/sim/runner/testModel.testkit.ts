/**
 * A small deterministic test model for the runner's tests and benchmark (not a model of anything):
 * a price that follows a geometric random walk per "subnet", recorded every `recordEveryDays`.
 * Runs listed in `failRuns` throw, to exercise errored runs; `spinPerStep` adds busy work per subnet
 * step, to give the benchmark a measurable cost. Two holder classes (the basket of all subnets, the
 * first subnet alone) and an attribution of the basket's log return: ln(mean price) is the drift of
 * the typical path, plus its shocks, plus the spread of the subnets around it (a Jensen gap, never
 * negative), each computed on its own so that the identity is tested, not assumed.
 */
import { threadId } from 'node:worker_threads';
import { z } from 'zod';
import { BLOCKS_PER_DAY } from '../../engine/chainConstants.ts';
import type { Summary } from '../collect/summary.ts';
import type { Model, ModelShape, RunOutput } from '../contract/types.ts';
import { createStream } from '../rng/stream.ts';
import { withRange } from '../scenario/parameterRange.ts';
import { type Scenario, STEP_BLOCKS } from '../scenario/scenarioSchema.ts';

/** Parameters of the test model's `model` section. */
export const testModelParamsSchema = z.object({
  subnets: withRange(z.int().min(1).max(128).default(4).describe('Independent price paths. Test value.'), {
    low: 2,
    high: 8,
    source: 'test range',
  }),
  drift: withRange(z.number().default(0.05).describe('Log drift per year. Test value.'), {
    low: -1,
    high: 1,
    source: 'test range: the effect that dominates the return',
  }),
  volatility: withRange(z.number().min(0).default(0.6).describe('Log volatility per year. Test value.'), {
    low: 0.4,
    high: 0.8,
    source: 'test range',
  }),
  failRuns: z.array(z.int().min(0)).default([]).describe('Run indices that throw. Test value.'),
  spinPerStep: z.int().min(0).default(0).describe('Busy-work iterations per subnet step. Test value.'),
});

/** Resolved parameters of the test model. */
export type TestModelParams = z.output<typeof testModelParamsSchema>;

const shape: ModelShape = {
  series: [
    { key: 'price', label: 'Mean price', unit: 'USD', description: 'Mean of the subnet prices.' },
    { key: 'spread', label: 'Price spread', unit: 'ratio', description: 'Max over min subnet price.' },
  ],
  outcomes: [
    {
      key: 'return',
      label: 'Return',
      unit: 'return',
      description: 'Final mean price over the first, minus 1.',
    },
    { key: 'best', label: 'Best subnet', unit: 'USD', description: 'Highest final subnet price.' },
    {
      key: 'firstReturn',
      label: 'First subnet return',
      unit: 'return',
      description: 'Final price of the first subnet over its first, minus 1.',
    },
    {
      key: 'fromDrift',
      label: 'From drift',
      unit: 'ratio',
      description: 'Drift of the log price over the horizon, the same for every subnet.',
    },
    {
      key: 'fromShocks',
      label: 'From shocks',
      unit: 'ratio',
      description: 'Mean over subnets of the sum of the random log-price shocks.',
    },
    {
      key: 'fromSpread',
      label: 'From spread',
      unit: 'ratio',
      description:
        'ln(mean final price) − mean ln(final price): what the basket gains from the subnets differing.',
    },
  ],
  events: [
    {
      key: 'doubled',
      label: 'Doubled',
      unit: 'boolean',
      description: 'The mean price ended above twice its start.',
    },
    {
      key: 'halved',
      label: 'Halved',
      unit: 'boolean',
      description: 'The mean price ended below half its start.',
    },
  ],
  holderClasses: [
    { key: 'return', label: 'Basket holder' },
    { key: 'firstReturn', label: 'First-subnet holder' },
  ],
  attribution: {
    of: 'return',
    parts: ['fromDrift', 'fromShocks', 'fromSpread'],
    label: "Basket holder's log return",
  },
};

/** The test model. */
export const testModel: Model<Scenario<TestModelParams>> = {
  name: 'test-random-walk',
  schema: testModelParamsSchema,
  shape: () => shape,
  describe: () => ({ rulePack: null }),
  run({ scenario, seed, runIndex }): RunOutput {
    const p = testModelParamsSchema.parse(scenario.model ?? {});
    if (p.failRuns.includes(runIndex)) throw new Error(`test failure in run ${runIndex}`);
    const rng = createStream(seed, runIndex, 'test-model');
    const dt = STEP_BLOCKS[scenario.step] / BLOCKS_PER_DAY;
    const total = Math.round(scenario.horizonDays / dt);
    const every = Math.max(1, Math.round(scenario.recordEveryDays / dt));
    const steps: number[] = [];
    for (let s = 0; s <= total; s += every) steps.push(s);
    if (steps.at(-1) !== total) steps.push(total);
    const prices = new Float64Array(p.subnets).fill(1);
    const shocks = new Float64Array(p.subnets);
    const series = new Float64Array(steps.length * 2);
    const sigma = p.volatility * Math.sqrt(dt / 365);
    const mu = (p.drift * dt) / 365 - (sigma * sigma) / 2;
    let sink = 0;
    const record = (r: number) => {
      let sum = 0;
      let lo = Number.POSITIVE_INFINITY;
      let hi = 0;
      for (const x of prices) {
        sum += x;
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
      series[r * 2] = sum / prices.length;
      series[r * 2 + 1] = hi / lo;
    };
    let r = 0;
    for (let step = 0; step <= total; step++) {
      if (step > 0) {
        for (let i = 0; i < prices.length; i++) {
          const shock = sigma * rng.normal();
          shocks[i]! += shock;
          prices[i] = prices[i]! * Math.exp(mu + shock);
          for (let k = 0; k < p.spinPerStep; k++) sink += Math.sqrt(k + prices[i]!);
        }
      }
      if (steps[r] === step) record(r++);
    }
    const last = series[(steps.length - 1) * 2]!;
    let meanShock = 0;
    let meanLog = 0;
    for (let i = 0; i < prices.length; i++) {
      meanShock += shocks[i]! / prices.length;
      meanLog += Math.log(prices[i]!) / prices.length;
    }
    const outcomes = Float64Array.of(
      last - 1 + sink * 0,
      Math.max(...prices),
      prices[0]! - 1,
      total * mu,
      meanShock,
      Math.log(last) - meanLog,
    );
    const events = Uint8Array.of(last > 2 ? 1 : 0, last < 0.5 ? 1 : 0);
    return { steps: Int32Array.from(steps), series, outcomes, events };
  },
  headlineOutcome: 'return',
  headline(summary: Omit<Summary, 'headline'>): string[] {
    const ret = summary.outcomes.find((o) => o.key === 'return');
    return ret === undefined
      ? []
      : [`Median return ${(ret.median * 100).toFixed(1)}% over ${summary.runs.completed} runs.`];
  },
};

/** The test model with an attribution part that is not one of its outcomes (a shape the runner refuses). */
export const misdeclaredModel: Model<Scenario<TestModelParams>> = {
  ...testModel,
  name: 'test-misdeclared',
  shape: () => ({
    ...shape,
    attribution: { of: 'return', parts: ['fromDrift', 'fromLuck'], label: 'Misdeclared' },
  }),
};

/** A test model whose one outcome is the id of the thread that ran it (0 on the main thread). */
export const threadProbeModel: Model<Scenario<TestModelParams>> = {
  name: 'test-thread-probe',
  schema: testModelParamsSchema,
  describe: () => ({ rulePack: null }),
  shape: () => ({
    series: [],
    outcomes: [{ key: 'threadId', label: 'Thread', unit: 'count', description: 'Thread that ran the run.' }],
    events: [],
  }),
  run: () => ({
    steps: Int32Array.of(0),
    series: new Float64Array(0),
    outcomes: Float64Array.of(threadId),
    events: new Uint8Array(0),
  }),
  headline: () => [],
};
