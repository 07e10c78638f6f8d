import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { overrideModel } from './overrideModel.ts';
import { parseScenario } from './parseScenario.ts';

const modelSchema = z
  .object({
    market: z
      .object({
        low: z.number().min(0).default(1),
        high: z.number().default(2),
        steps: z.int().min(1).default(3),
      })
      .refine((m) => m.low <= m.high, { path: ['low'], message: 'low must not exceed high' })
      .prefault({}),
    keep: z.string().default('as written'),
  })
  .prefault({});

const scenario = (() => {
  const r = parseScenario({ text: 'name: m\nmodel:\n  keep: mine\n', file: 'm.yaml', modelSchema });
  if (!r.ok) throw new Error('bad fixture');
  return r.scenario;
})();

describe('overrideModel', () => {
  it('sets parameters by dotted path and keeps everything else, without touching the input', () => {
    const s = overrideModel({
      scenario,
      modelSchema,
      overrides: [
        { path: 'market.high', value: 5 },
        { path: 'market.steps', value: 4 },
      ],
    });
    expect(s.model).toEqual({ market: { low: 1, high: 5, steps: 4 }, keep: 'mine' });
    expect(scenario.model).toEqual({ market: { low: 1, high: 2, steps: 3 }, keep: 'mine' });
    expect(s.name).toBe('m');
    expect(overrideModel({ scenario, modelSchema, overrides: [] })).toBe(scenario);
  });

  it('names the parameter when the path is unknown, the value out of bounds or a rule between fields broken', () => {
    const set = (path: string, value: unknown) =>
      overrideModel({ scenario, modelSchema, overrides: [{ path, value }] });
    expect(() => set('market.hgih', 1)).toThrow(/^model\.market\.hgih: is not a parameter of the model/);
    expect(() => set('keep.deeper', 1)).toThrow(/^model\.keep\.deeper: is not a parameter/);
    expect(() => set('market.low', -1)).toThrow(/^model\.market\.low: expected a number >= 0, got -1$/);
    expect(() => set('market.steps', 1.5)).toThrow(/^model\.market\.steps: expected an integer/);
    expect(() => set('market.low', 3)).toThrow(
      /^model\.market\.low: low must not exceed high \(with market\.low = 3\)$/,
    );
  });
});
