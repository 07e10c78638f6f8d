/**
 * Command-line overrides of a scenario's run count, horizon, seed and sensitivity runs, validated like
 * the file's fields.
 */
import { z } from 'zod';
import { InputError } from '../../engine/errors.ts';
import { describeSchema, describeValue, type JsonSchema } from './describeExpected.ts';
import { parseDuration } from './duration.ts';
import { resolveScenario, type Scenario, scenarioFields, sensitivitySchema } from './scenarioSchema.ts';

/** Values given on the command line (as typed) that replace the scenario's. */
export interface ScenarioOverrides {
  readonly runs?: string | number | undefined;
  readonly horizon?: string | undefined;
  readonly seed?: string | number | undefined;
  /** Paired runs per variation of the sensitivity screen; 0 turns it off. */
  readonly sensitivityRuns?: string | number | undefined;
}

function check<T>(option: string, schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const expected = describeSchema(z.toJSONSchema(schema, { io: 'input' }) as JsonSchema);
  throw new InputError(option, `expected ${expected}, got ${describeValue(raw)}`);
}

const asNumber = (v: string | number) =>
  typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v);

/**
 * The scenario with overrides applied (`sensitivityRuns` 0 removes the screen, any other count adds it
 * with its defaults when the scenario has none); throws `InputError` naming the option (`--runs`, ...)
 * when a value is not valid.
 * @example overrideScenario(scenario, { runs: '200', horizon: '180d' })
 */
export function overrideScenario<M>(scenario: Scenario<M>, overrides: ScenarioOverrides): Scenario<M> {
  const runs =
    overrides.runs === undefined
      ? scenario.runs
      : check('--runs', scenarioFields.runs, asNumber(overrides.runs));
  const seed =
    overrides.seed === undefined
      ? scenario.seed
      : check('--seed', scenarioFields.seed, asNumber(overrides.seed));
  const horizon =
    overrides.horizon === undefined
      ? scenario.horizon
      : check('--horizon', scenarioFields.horizon, overrides.horizon);
  const days = parseDuration(horizon) ?? 0;
  if (scenario.fork !== undefined && scenario.fork.atDays >= days)
    throw new InputError(
      '--horizon',
      `expected more than the fork point (day ${scenario.fork.atDays}), got ${horizon}`,
    );
  if (scenario.recordEvery > days)
    throw new InputError(
      '--horizon',
      `expected at least recordEvery (${scenario.recordEvery} days), got ${horizon}`,
    );
  let sensitivity = scenario.sensitivity;
  if (overrides.sensitivityRuns !== undefined) {
    const n = check(
      '--sensitivity-runs',
      sensitivitySchema.shape.runs.unwrap(),
      asNumber(overrides.sensitivityRuns),
    );
    sensitivity = n === 0 ? undefined : { ...(sensitivity ?? sensitivitySchema.parse({})), runs: n };
  }
  return resolveScenario({ ...scenario, runs, seed, horizon, sensitivity });
}
