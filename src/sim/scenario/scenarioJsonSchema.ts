/** The JSON Schema of a whole scenario file, model section included, for editors and validation messages. */
import { z } from 'zod';
import type { JsonSchema } from './describeExpected.ts';
import { createScenarioSchema } from './scenarioSchema.ts';

/** Mark every object with listed fields and no rule for others as closed, as the loader treats it. */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    // Defaults and examples are data, not schemas.
    out[k] = k === 'default' || k === 'examples' || k === 'const' || k === 'enum' ? v : closeObjects(v);
  }
  if (out.type === 'object' && out.properties !== undefined && out.additionalProperties === undefined)
    out.additionalProperties = false;
  return out;
}

/**
 * The JSON Schema (draft 2020-12) of scenario files whose model section follows `modelSchema`: input
 * form (defaults shown, nothing required that has one), descriptions kept, unknown fields rejected.
 * @example JSON.stringify(scenarioJsonSchema(modelParamsSchema), null, 2)
 */
export function scenarioJsonSchema(modelSchema: z.ZodType): JsonSchema {
  const schema = z.toJSONSchema(createScenarioSchema(modelSchema), { io: 'input', unrepresentable: 'any' });
  return {
    ...(closeObjects(schema) as JsonSchema),
    title: 'Tensormarket scenario',
    description:
      'A Monte Carlo experiment: what to simulate (model), for how long (horizon, step, recordEvery) and how many seeded futures (runs, seed).',
  };
}
