/**
 * The parameters a model's schema declares, found by walking its objects (through defaults, prefaults
 * and optionals): each field by its dotted path, and every numeric one with its default, whether it is
 * an integer, and its declared range.
 */
import { z } from 'zod';
import { type ParameterRange, rangeOf } from './parameterRange.ts';

/** One numeric parameter of a model schema. */
export interface NumericParameter {
  /** Dotted path inside the model section, e.g. `market.jumpsPerYear`. */
  readonly path: string;
  /** The field as its object holds it (validates a value, carries the description and range). */
  readonly schema: z.ZodType;
  /** The value the schema fills in when the field is left out, or undefined without a default. */
  readonly defaultValue: number | undefined;
  readonly integer: boolean;
  readonly range: ParameterRange | undefined;
}

/** A numeric parameter with a default and a declared range: what a sensitivity screen moves. */
export interface RangedParameter extends NumericParameter {
  readonly defaultValue: number;
  readonly range: ParameterRange;
}

/** The wrappers looked through, outermost first, down to the value's own schema. */
function unwrap(schema: z.ZodType): z.ZodType[] {
  const layers = [schema];
  let s = schema;
  while (s instanceof z.ZodDefault || s instanceof z.ZodPrefault || s instanceof z.ZodOptional) {
    s = s.unwrap() as z.ZodType;
    layers.push(s);
  }
  return layers;
}

const core = (schema: z.ZodType) => unwrap(schema).at(-1)!;

/**
 * The field at a dotted `path` of `schema` (as its object holds it), or undefined when there is none.
 * @example parameterAt(modelParamsSchema, 'market.jumpsPerYear')
 */
export function parameterAt(schema: z.ZodType, path: string): z.ZodType | undefined {
  let field: z.ZodType | undefined = schema;
  for (const key of path.split('.')) {
    const object: z.ZodType | undefined = field === undefined ? undefined : core(field);
    if (!(object instanceof z.ZodObject) || !Object.hasOwn(object.shape, key)) return undefined;
    field = object.shape[key] as z.ZodType;
  }
  return field;
}

function defaultOf(field: z.ZodType): number | undefined {
  const parsed = field.safeParse(undefined);
  return parsed.success && typeof parsed.data === 'number' ? parsed.data : undefined;
}

/**
 * Every numeric parameter of `schema`, in declaration order.
 * @example numericParameters(modelParamsSchema).find((p) => p.path === 'teams.decisionEveryDays')?.integer // true
 */
export function numericParameters(schema: z.ZodType): NumericParameter[] {
  const found: NumericParameter[] = [];
  const walk = (object: z.ZodObject, prefix: string) => {
    for (const [key, value] of Object.entries(object.shape)) {
      const field = value as z.ZodType;
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const inner = core(field);
      if (inner instanceof z.ZodObject) walk(inner, path);
      else if (inner instanceof z.ZodNumber) {
        const range = unwrap(field)
          .map(rangeOf)
          .find((r) => r !== undefined);
        found.push({ path, schema: field, defaultValue: defaultOf(field), integer: inner.isInt, range });
      }
    }
  };
  const root = core(schema);
  if (root instanceof z.ZodObject) walk(root, '');
  return found;
}

/**
 * The parameters of `schema` that declare a range and have a default, in declaration order.
 * @example rangedParameters(modelParamsSchema).map((p) => p.path)
 */
export function rangedParameters(schema: z.ZodType): RangedParameter[] {
  return numericParameters(schema).filter(
    (p): p is RangedParameter => p.range !== undefined && p.defaultValue !== undefined,
  );
}
