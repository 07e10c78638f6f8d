import { describe, expect, it } from 'vitest';
import { schemaAt } from '../../scenario/describeExpected.ts';
import { RANGE_KEY } from '../../scenario/parameterRange.ts';
import { scenarioJsonSchema } from '../../scenario/scenarioJsonSchema.ts';
import { numericParameters, rangedParameters } from '../../scenario/schemaParameters.ts';
import { modelParamsSchema } from './params.ts';

/**
 * Sections whose numbers are not behavioural or market assumptions, so they declare no range: the
 * network at the start (a recorded start replaces it), the mechanisms under test, and the per-neuron
 * detail mode. Every other section's numbers must declare one, new sections included.
 */
const UNRANGED_SECTIONS = new Set(['network', 'mechanisms', 'neurons']);

/** `{ a: { b: value } }` for the path `a.b`. */
function sectionWith(path: string, value: number): Record<string, unknown> {
  return path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<
    string,
    unknown
  >;
}

const ranged = rangedParameters(modelParamsSchema);

describe('parameter ranges', () => {
  it('every behavioural and market number declares a range and has a default', () => {
    const missing = numericParameters(modelParamsSchema)
      .filter((p) => !UNRANGED_SECTIONS.has(p.path.split('.')[0]!))
      .filter((p) => p.range === undefined || p.defaultValue === undefined)
      .map((p) => p.path);
    expect(missing).toEqual([]);
    expect(ranged.length).toBeGreaterThanOrEqual(41);
  });

  it('low < high and low <= default <= high, integers at integer ends, and a source', () => {
    const bad = ranged
      .filter(
        ({ range: r, defaultValue: d, integer }) =>
          !(r.low < r.high && r.low <= d && d <= r.high) ||
          (integer && !(Number.isInteger(r.low) && Number.isInteger(r.high))) ||
          r.source.trim().length < 10,
      )
      .map((p) => `${p.path}: ${p.range.low} <= ${p.defaultValue} <= ${p.range.high} (${p.range.source})`);
    expect(bad).toEqual([]);
  });

  it('each end is a valid value of the whole model section, the others at their defaults', () => {
    const rejected = ranged.flatMap((p) =>
      [p.range.low, p.range.high].flatMap((value) => {
        const parsed = modelParamsSchema.safeParse(sectionWith(p.path, value));
        return parsed.success ? [] : [`${p.path} = ${value}: ${parsed.error.issues[0]?.message}`];
      }),
    );
    expect(rejected).toEqual([]);
  });

  it('the scenario JSON Schema shows each range beside the default and its description', () => {
    const root = scenarioJsonSchema(modelParamsSchema);
    const shown = ranged.filter((p) => {
      const node = schemaAt(root, ['model', ...p.path.split('.')]);
      return (
        JSON.stringify(node?.[RANGE_KEY]) === JSON.stringify(p.range) && node?.default === p.defaultValue
      );
    });
    expect(shown.map((p) => p.path)).toEqual(ranged.map((p) => p.path));
    expect(schemaAt(root, ['model', 'market', 'jumpsPerYear'])).toMatchObject({
      default: 8.16,
      range: { low: 4.4, high: 11.9, source: expect.stringMatching(/Poisson/) },
      description: expect.stringMatching(/Rate of demand jumps/),
    });
  });

  it('re-validating a resolved section changes nothing (a variation re-validates after its change)', () => {
    const resolved = modelParamsSchema.parse({ market: { demandDriftPerYear: 0.2 } });
    expect(modelParamsSchema.parse(resolved)).toEqual(resolved);
  });
});
