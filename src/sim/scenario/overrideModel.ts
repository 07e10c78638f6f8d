/**
 * Set model parameters of a resolved scenario by dotted path (`market.jumpsPerYear = 4`), validated by
 * the model's schema as a whole, so a value that breaks a rule between fields is refused like one that
 * breaks its own bounds.
 */
import { z } from 'zod';
import { InputError } from '../../engine/errors.ts';
import { describeSchema, describeValue, type JsonSchema } from './describeExpected.ts';
import type { Scenario } from './scenarioSchema.ts';
import { parameterAt } from './schemaParameters.ts';

/** One model parameter set to a value: its dotted path inside the `model` section, and the value. */
export interface ParameterOverride {
  readonly path: string;
  readonly value: unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** `target` with the value at `keys` replaced, copying only the objects along the path. */
function setAt(target: unknown, keys: readonly string[], value: unknown): unknown {
  const [key, ...rest] = keys;
  if (key === undefined) return value;
  const object = isPlainObject(target) ? target : {};
  return { ...object, [key]: setAt(object[key], rest, value) };
}

/**
 * The scenario with each override applied to its `model` section, re-validated by `modelSchema`;
 * throws `InputError` naming `model.<path>` when a path is not a parameter or a value is refused.
 * @example overrideModel({ scenario, modelSchema, overrides: [{ path: 'market.jumpsPerYear', value: 4 }] })
 */
export function overrideModel<M>({
  scenario,
  modelSchema,
  overrides,
}: {
  scenario: Scenario<M>;
  modelSchema: z.ZodType;
  overrides: readonly ParameterOverride[];
}): Scenario<M> {
  if (overrides.length === 0) return scenario;
  let model: unknown = scenario.model;
  for (const { path, value } of overrides) {
    const field = parameterAt(modelSchema, path);
    if (field === undefined)
      throw new InputError(
        `model.${path}`,
        'is not a parameter of the model; `tensormarket scenario schema` lists them',
      );
    const own = field.safeParse(value);
    if (!own.success) {
      const expected = describeSchema(z.toJSONSchema(field, { io: 'input' }) as JsonSchema);
      throw new InputError(`model.${path}`, `expected ${expected}, got ${describeValue(value)}`);
    }
    model = setAt(model, path.split('.'), value);
  }
  const parsed = modelSchema.safeParse(model);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const set = overrides.map((o) => `${o.path} = ${describeValue(o.value)}`).join(', ');
    throw new InputError(`model.${issue.path.join('.')}`, `${issue.message} (with ${set})`);
  }
  return { ...scenario, model: parsed.data as M };
}
