/**
 * The scenario's `sweep` section: which model parameters `tensormarket sweep` varies, how it picks the
 * points (a grid, zipped lists, a Latin hypercube, or a Saltelli design of Sobol' points for
 * variance-based sensitivity indices), which outcomes it reports and how many paired runs each point gets.
 */
import { z } from 'zod';

/** How a sweep picks its points. */
export const SWEEP_METHODS = ['grid', 'zip', 'lhs', 'sobol'] as const;

/** One of {@link SWEEP_METHODS}. */
export type SweepMethod = (typeof SWEEP_METHODS)[number];

/** Methods that take each parameter's listed `values`; the others sample a `range`. */
export const LISTED_METHODS: readonly SweepMethod[] = ['grid', 'zip'];

/** One swept parameter: the values it takes (grid, zip) or the range it is sampled from (lhs, sobol). */
export const sweepParameterSchema = z
  .object({
    values: z
      .array(z.number())
      .min(1)
      .optional()
      .describe('For grid and zip: the values the parameter takes, in order.'),
    range: z
      .tuple([z.number(), z.number()])
      .optional()
      .meta({ examples: [[-0.5, 0.5]] })
      .describe(
        'For lhs and sobol: [low, high], sampled uniformly (an integer parameter uniformly over the whole values in it). Default: the range the model declares for the parameter.',
      ),
  })
  .describe(
    'How the parameter varies: `values` for grid and zip, `range` (or nothing, `{}`) for lhs and sobol.',
  );

/** The `sweep` section. */
export const sweepSchema = z
  .object({
    method: z
      .enum(SWEEP_METHODS)
      .describe(
        'grid: every combination of the listed values; zip: the i-th value of every list together (lists of one length); lhs: a seeded Latin hypercube of `samples` points over the ranges; sobol: Saltelli’s design of Sobol’ points, N(k + 2) points for k parameters, and first-order and total Sobol’ indices in the report.',
      ),
    parameters: z
      .record(z.string(), sweepParameterSchema)
      .meta({
        examples: [{ 'market.demandDriftPerYear': {}, 'teams.switchingCostDays': { range: [45, 180] } }],
      })
      .describe(
        'The model parameters to vary, by dotted path inside the model section (`tensormarket scenario schema` lists them); every other parameter stays as the scenario sets it.',
      ),
    samples: z
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .describe(
        'For lhs: the number of points. For sobol: the base sample size N, a power of 2 (N(k + 2) points are run). Not used by grid and zip.',
      ),
    outcomes: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .meta({ examples: [['holderReturnUnstaked', 'subnetsRetained']] })
      .describe(
        'The outcomes the sweep reports (and computes indices for), by key. Default: the model’s headline outcome.',
      ),
    runs: z
      .int()
      .min(1)
      .max(100_000)
      .optional()
      .describe(
        'Paired runs per point: run indices 0 … runs − 1 of the scenario’s seed at every point, so points differ by their parameters, not their luck. Default: the scenario’s runs.',
      ),
  })
  .superRefine((s, ctx) => {
    const names = Object.keys(s.parameters);
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (names.length === 0) issue(['parameters'], 'expected at least one parameter to sweep, got none');
    const listed = LISTED_METHODS.includes(s.method);
    for (const name of names) {
      const p = s.parameters[name]!;
      if (listed && p.values === undefined)
        issue(['parameters', name], `expected \`values: [...]\` for method ${s.method}, got none`);
      if (listed && p.range !== undefined)
        issue(['parameters', name, 'range'], `method ${s.method} takes \`values\`, not a range`);
      if (!listed && p.values !== undefined)
        issue(['parameters', name, 'values'], `method ${s.method} samples a \`range\`, not listed values`);
      if (p.range !== undefined && !(p.range[0] < p.range[1]))
        issue(
          ['parameters', name, 'range'],
          `expected [low, high] with low < high, got [${p.range.join(', ')}]`,
        );
    }
    if (s.method === 'zip') {
      const lengths = new Set(names.map((n) => s.parameters[n]!.values?.length ?? 0));
      if (lengths.size > 1)
        issue(
          ['parameters'],
          `method zip takes lists of one length, got ${names.map((n) => `${n}: ${s.parameters[n]!.values?.length ?? 0}`).join(', ')}`,
        );
    }
    if (listed && s.samples !== undefined)
      issue(['samples'], `method ${s.method} runs its listed values; remove samples`);
    if (!listed && s.samples === undefined)
      issue(
        ['samples'],
        `method ${s.method} needs samples${s.method === 'sobol' ? ' (N, a power of 2, e.g. 16)' : ''}`,
      );
    if (s.method === 'sobol' && s.samples !== undefined && (s.samples & (s.samples - 1)) !== 0)
      issue(['samples'], `expected a power of 2 for method sobol (e.g. 16, 32, 64), got ${s.samples}`);
    const outcomes = s.outcomes ?? [];
    if (new Set(outcomes).size < outcomes.length) issue(['outcomes'], 'expected distinct outcome keys');
  });

/** What the `sweep` section resolves to. */
export type SweepSettings = Readonly<z.output<typeof sweepSchema>>;
