import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeSchema, schemaAt } from './describeExpected.ts';
import { scenarioJsonSchema } from './scenarioJsonSchema.ts';

const modelSchema = z.object({
  market: z
    .object({ volatility: z.number().min(0).default(0.7).describe('Yearly volatility (source: test).') })
    .prefault({}),
});

describe('scenarioJsonSchema', () => {
  it('keeps model descriptions and defaults, and closes objects as the loader does', () => {
    const root = scenarioJsonSchema(modelSchema);
    const vol = schemaAt(root, ['model', 'market', 'volatility']);
    expect(vol).toMatchObject({
      type: 'number',
      minimum: 0,
      default: 0.7,
      description: 'Yearly volatility (source: test).',
    });
    expect(schemaAt(root, ['model', 'market'])).toMatchObject({ additionalProperties: false });
    expect(root.additionalProperties).toBe(false);
    expect(root.required).toEqual(['name']);
    expect(schemaAt(root, ['runs'])).toMatchObject({ default: 1000 });
  });

  it('describes accepted values in words', () => {
    expect(describeSchema({ type: 'number', exclusiveMinimum: 0 })).toBe('a number > 0');
    expect(describeSchema({ type: 'integer', minimum: 1, maximum: 9 })).toBe('an integer between 1 and 9');
    expect(describeSchema({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('a string or null');
    expect(describeSchema({ type: 'boolean' })).toBe('true or false');
    expect(describeSchema({ const: 'x' })).toBe('"x"');
  });
});
