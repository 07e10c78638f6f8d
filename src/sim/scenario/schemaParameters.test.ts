import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RANGE_KEY, rangeOf, withRange } from './parameterRange.ts';
import { numericParameters, parameterAt, rangedParameters } from './schemaParameters.ts';

const jumps = withRange(z.number().min(0).default(8).describe('Jumps a year.'), {
  low: 4,
  high: 12,
  source: 'test',
});
const schema = z
  .object({
    market: z
      .object({
        jumps,
        drift: z.number().default(0).describe('No range.'),
        name: z.string().default('x'),
      })
      .refine((m) => m.jumps >= 0)
      .prefault({}),
    teams: z
      .object({
        reviewDays: withRange(z.int().min(1).default(30), { low: 15, high: 60, source: 'test' }),
        cap: withRange(z.number().optional(), { low: 1, high: 2, source: 'no default' }),
      })
      .prefault({}),
  })
  .prefault({});

describe('schema parameters', () => {
  it('lists every numeric field by path, through defaults, prefaults, optionals and refinements', () => {
    expect(
      numericParameters(schema).map((p) => [p.path, p.defaultValue, p.integer, p.range?.low ?? null]),
    ).toEqual([
      ['market.jumps', 8, false, 4],
      ['market.drift', 0, false, null],
      ['teams.reviewDays', 30, true, 15],
      ['teams.cap', undefined, false, 1],
    ]);
  });

  it('keeps only the ranged parameters with a default, and reads a range back from where it was declared', () => {
    expect(rangedParameters(schema).map((p) => p.path)).toEqual(['market.jumps', 'teams.reviewDays']);
    expect(rangeOf(jumps)).toEqual({ low: 4, high: 12, source: 'test' });
    // The description survives the range, and the range survives a later description.
    expect(jumps.meta()).toMatchObject({ description: 'Jumps a year.', [RANGE_KEY]: { low: 4 } });
    expect(rangeOf(jumps.describe('Renamed.'))?.high).toBe(12);
    expect(rangeOf(z.number())).toBeUndefined();
  });

  it('finds a field by dotted path, or nothing', () => {
    expect(parameterAt(schema, 'market.jumps')).toBe(jumps);
    expect(parameterAt(schema, 'market.nope')).toBeUndefined();
    expect(parameterAt(schema, 'market.jumps.deeper')).toBeUndefined();
    expect(parameterAt(schema, 'toString')).toBeUndefined();
  });
});
