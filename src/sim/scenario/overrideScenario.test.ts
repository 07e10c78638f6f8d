import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError } from '../../engine/errors.ts';
import { overrideScenario } from './overrideScenario.ts';
import { parseScenario } from './parseScenario.ts';

const base = (() => {
  const r = parseScenario({ text: 'name: o\nrecordEvery: 14\n', file: 'o.yaml', modelSchema: z.object({}) });
  if (!r.ok) throw new Error('bad fixture');
  return r.scenario;
})();

describe('overrideScenario', () => {
  it('applies command-line values and recomputes derived figures', () => {
    const s = overrideScenario(base, { runs: '200', horizon: '180d', seed: '7' });
    expect(s).toMatchObject({ runs: 200, horizon: '180d', horizonDays: 180, seed: 7, recordEveryDays: 14 });
    expect(overrideScenario(base, {})).toEqual(base);
  });

  it('names the option and the expected value when one is invalid', () => {
    expect(() => overrideScenario(base, { runs: 'many' })).toThrow(
      new InputError('--runs', 'expected an integer between 1 and 10000000, got NaN'),
    );
    expect(() => overrideScenario(base, { horizon: '2 years' })).toThrow(
      /--horizon: expected a string like "2y"/,
    );
    expect(() => overrideScenario(base, { seed: '-3' })).toThrow(
      /--seed: expected an integer between 0 and 4294967295/,
    );
    expect(() => overrideScenario(base, { horizon: '7d' })).toThrow(
      /--horizon: expected at least recordEvery \(14 days\)/,
    );
  });

  it('--sensitivity-runs adds the screen with its defaults, changes its runs, or turns it off with 0', () => {
    expect(base.sensitivity).toBeUndefined();
    expect(overrideScenario(base, { sensitivityRuns: '12' }).sensitivity).toEqual({ runs: 12, top: 8 });
    const on = overrideScenario(base, { sensitivityRuns: 5 });
    expect(overrideScenario(on, { sensitivityRuns: '3' }).sensitivity).toEqual({ runs: 3, top: 8 });
    const off = overrideScenario(on, { sensitivityRuns: '0' });
    expect(off.sensitivity).toBeUndefined();
    expect('sensitivity' in off).toBe(false);
    expect(() => overrideScenario(base, { sensitivityRuns: 'few' })).toThrow(
      /^--sensitivity-runs: expected an integer between 0 and 100000, got NaN/,
    );
    expect(() => overrideScenario(base, { sensitivityRuns: '2.5' })).toThrow(/^--sensitivity-runs:/);
  });
});
