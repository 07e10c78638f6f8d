/**
 * The checks of a `sweep` section that need the model's schema: every swept name is a numeric parameter
 * of the model, each listed value is one the parameter accepts, and a sampled parameter without its
 * own range has one declared by the model.
 */
import { z } from 'zod';
import { describeSchema, describeValue, type JsonSchema } from './describeExpected.ts';
import { numericParameters } from './schemaParameters.ts';
import { LISTED_METHODS, type SweepSettings } from './sweepSchema.ts';

/** A problem with the section: its path from the scenario's root, and what is wrong. */
export interface SweepIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * Every problem of `sweep` against the model's schema (none: an empty list).
 * @example checkSweepParameters({ sweep, modelSchema })[0]?.path // ['sweep', 'parameters', 'market.jumpz']
 */
export function checkSweepParameters({
  sweep,
  modelSchema,
}: {
  sweep: SweepSettings;
  modelSchema: z.ZodType;
}): SweepIssue[] {
  const known = numericParameters(modelSchema);
  const issues: SweepIssue[] = [];
  const listed = LISTED_METHODS.includes(sweep.method);
  for (const [name, settings] of Object.entries(sweep.parameters)) {
    const at = ['sweep', 'parameters', name];
    const parameter = known.find((p) => p.path === name);
    if (parameter === undefined) {
      const close = known
        .filter((p) => p.path.split('.').at(-1) === name.split('.').at(-1))
        .map((p) => p.path);
      issues.push({
        path: at,
        message:
          close.length > 0
            ? `not a numeric parameter of the model; did you mean ${close.join(' or ')}?`
            : `not a numeric parameter of the model; it has ${known.map((p) => p.path).join(', ')}`,
      });
      continue;
    }
    settings.values?.forEach((value, i) => {
      if (!parameter.schema.safeParse(value).success) {
        const expected = describeSchema(z.toJSONSchema(parameter.schema, { io: 'input' }) as JsonSchema);
        issues.push({
          path: [...at, 'values', i],
          message: `expected ${expected}, got ${describeValue(value)}`,
        });
      }
    });
    if (!listed && settings.range === undefined && parameter.range === undefined)
      issues.push({
        path: at,
        message: `the model declares no range for ${name}; give one: \`range: [low, high]\``,
      });
  }
  return issues;
}
