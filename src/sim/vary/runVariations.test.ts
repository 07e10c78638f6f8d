import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/errors.ts';
import type { ModelRef } from '../runner/modelRef.ts';
import { testModel, testModelParamsSchema } from '../runner/testModel.testkit.ts';
import { overrideModel } from '../scenario/overrideModel.ts';
import { parseScenario } from '../scenario/parseScenario.ts';
import { runVariations, type Variation } from './runVariations.ts';

const testkit = fileURLToPath(new URL('../runner/testModel.testkit.ts', import.meta.url));
const model: ModelRef = { module: testkit, exportName: 'testModel' };

function scenario(yaml: string) {
  const r = parseScenario({ text: `name: t\n${yaml}`, file: 't.yaml', modelSchema: testModelParamsSchema });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.scenario;
}

const base = scenario('horizon: 180d\nmodel:\n  failRuns: [3]\n');
const variations: Variation[] = [
  { name: 'base', overrides: [] },
  { name: 'bull', overrides: [{ path: 'drift', value: 0.8 }] },
  // The default value set explicitly: the same scenario, so the same columns as the baseline.
  { name: 'same', overrides: [{ path: 'volatility', value: 0.6 }] },
  { name: 'calm', overrides: [{ path: 'volatility', value: 0.2 }] },
];

describe('runVariations', () => {
  it('gives every variation the same columns with 1 and 2 workers, and the baseline the scenario’s runs', async () => {
    const one = await runVariations({ model, scenario: base, variations, runs: 10, seed: 7, workers: 1 });
    const two = await runVariations({ model, scenario: base, variations, runs: 10, seed: 7, workers: 2 });
    expect(two.workers).toBe(2);
    const keys = testModel.shape(base).outcomes.map((o) => o.key);
    expect(one.outcomes.map((o) => o.key)).toEqual(keys);
    for (const [k, v] of one.variations.entries())
      for (const key of keys)
        expect(Array.from(two.variations[k]!.outcomes[key]!)).toEqual(Array.from(v.outcomes[key]!));
    // Run i of the baseline is run i of the scenario itself, errored run included.
    const direct = Array.from({ length: 10 }, (_, runIndex) => {
      try {
        return testModel.run({ scenario: base, seed: 7, runIndex }).outcomes[0]!;
      } catch {
        return Number.NaN;
      }
    });
    expect(Array.from(one.variations[0]!.outcomes.return!)).toEqual(direct);
    expect(one.variations[0]).toMatchObject({
      completed: 9,
      errored: 1,
      firstError: 'test failure in run 3',
    });
    expect(one.aborted).toBe(false);
  });

  it('pairs runs: a change to the default repeats the baseline; a change of drift moves every run the same way', async () => {
    const r = await runVariations({ model, scenario: base, variations, runs: 12, seed: 1, workers: 2 });
    const [b, bull, same, calm] = r.variations.map((v) => Array.from(v.outcomes.return!));
    expect(same).toEqual(b);
    // Same random streams: higher drift lifts every completed run's return.
    const lifted = b!.filter((x, i) => Number.isFinite(x) && bull![i]! > x).length;
    expect(lifted).toBe(11);
    expect(calm).not.toEqual(b);
  });

  it('refuses a change that is not a parameter or not a valid value, naming it, before any run', async () => {
    const bad = (overrides: Variation['overrides']) =>
      runVariations({ model, scenario: base, variations: [{ name: 'x', overrides }], runs: 2, seed: 1 });
    await expect(bad([{ path: 'drfit', value: 1 }])).rejects.toThrow(/^model\.drfit: is not a parameter/);
    await expect(bad([{ path: 'volatility', value: -1 }])).rejects.toThrow(
      /^model\.volatility: expected a number >= 0, got -1/,
    );
    await expect(bad([{ path: 'subnets', value: 2.5 }])).rejects.toThrow(
      /^model\.subnets: expected an integer/,
    );
    await expect(runVariations({ model, scenario: base, variations: [], runs: 2, seed: 1 })).rejects.toThrow(
      /^variations: expected at least one variation/,
    );
  });

  it('keeps each asked series whole: run i’s own column at the model’s recorded steps, NaN for an errored run', async () => {
    // Asked in the reverse of the model's order, so a mixed-up column shows.
    const kept = ['spread', 'price'];
    const runs = 5;
    const pair = variations.slice(0, 2);
    const r = await runVariations({
      model,
      scenario: base,
      variations: pair,
      runs,
      seed: 3,
      workers: 2,
      series: kept,
    });
    const keys = testModel.shape(base).series.map((s) => s.key);
    for (const [k, v] of r.variations.entries()) {
      const scenario = overrideModel({
        scenario: base,
        modelSchema: testModelParamsSchema,
        overrides: pair[k]!.overrides,
      });
      const reference = testModel.run({ scenario, seed: 3, runIndex: 0 });
      expect(Array.from(v.steps)).toEqual(Array.from(reference.steps));
      const points = reference.steps.length;
      expect(Object.keys(v.series).sort()).toEqual([...kept].sort());
      for (const key of kept) {
        const column = keys.indexOf(key);
        const expected: number[] = [];
        for (let runIndex = 0; runIndex < runs; runIndex++) {
          if (runIndex === 3) {
            expected.push(...Array<number>(points).fill(Number.NaN));
            continue;
          }
          const own = testModel.run({ scenario, seed: 3, runIndex });
          for (let t = 0; t < points; t++) expected.push(own.series[t * keys.length + column]!);
        }
        expect(v.series[key]!.length).toBe(runs * points);
        expect(Array.from(v.series[key]!), `${v.name} ${key}`).toEqual(expected);
      }
    }
    // The two kept series are different columns, and the variations differ (drift changes the prices).
    expect(Array.from(r.variations[0]!.series.price!)).not.toEqual(
      Array.from(r.variations[0]!.series.spread!),
    );
    expect(Array.from(r.variations[1]!.series.price!)).not.toEqual(
      Array.from(r.variations[0]!.series.price!),
    );
    // Nothing asked: no series and no steps.
    const none = await runVariations({ model, scenario: base, variations: pair, runs: 2, seed: 3 });
    expect(none.variations[0]!.series).toEqual({});
    expect(none.variations[0]!.steps.length).toBe(0);
  });

  it('refuses a series the model does not have, naming the field and the keys it has, before any run', async () => {
    const started: number[] = [];
    const run = runVariations({
      model,
      scenario: base,
      variations,
      runs: 2,
      seed: 1,
      series: ['price', 'volume'],
      onProgress: (p) => started.push(p.done),
    });
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toMatchObject({
      field: 'series',
      message: expect.stringMatching(/^series: the model has no series "volume"; it has price, spread$/),
    });
    expect(started).toEqual([]);
  });

  it('stops on abort and says the result is partial', async () => {
    const slow = scenario('horizon: 1y\nmodel:\n  subnets: 8\n  spinPerStep: 3000\n');
    const controller = new AbortController();
    const r = await runVariations({
      model,
      scenario: slow,
      variations,
      runs: 50,
      seed: 1,
      workers: 2,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 4) controller.abort();
      },
    });
    expect(r.aborted).toBe(true);
    const done = r.variations.reduce((n, v) => n + v.completed + v.errored, 0);
    expect(done).toBeGreaterThanOrEqual(4);
    expect(done).toBeLessThan(200);
  });
});
