import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Model } from '../contract/types.ts';
import type { ModelRef } from '../runner/modelRef.ts';
import { testModel, testModelParamsSchema } from '../runner/testModel.testkit.ts';
import { parseScenario } from '../scenario/parseScenario.ts';
import { planSweep } from './planSweep.ts';
import { pointFigures, runSweep } from './runSweep.ts';
import { SOBOL_CSV_COLUMNS } from './sobolCsv.ts';
import { SWEEP_FILES, writeSweep } from './writeSweep.ts';

const testkit = fileURLToPath(new URL('../runner/testModel.testkit.ts', import.meta.url));
const model: ModelRef = { module: testkit, exportName: 'testModel' };
const loaded = testModel as unknown as Model<unknown>;
const dir = mkdtempSync(join(tmpdir(), 'tm-sweep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenarioWith = (sweep: string) => {
  const r = parseScenario({
    text: `name: s\nhorizon: 60d\nrecordEvery: 30\nruns: 3\nseed: 2\nsweep:\n${sweep}`,
    file: 's.yaml',
    modelSchema: testModelParamsSchema,
  });
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return r.scenario;
};

describe('planSweep', () => {
  it('runs every combination of a grid, the last parameter fastest', () => {
    const plan = planSweep({
      model: loaded,
      scenario: scenarioWith(
        '  method: grid\n  parameters:\n    drift: { values: [-1, 1] }\n    subnets: { values: [2, 3, 4] }\n',
      ),
    });
    expect(plan.points).toEqual([
      [-1, 2],
      [-1, 3],
      [-1, 4],
      [1, 2],
      [1, 3],
      [1, 4],
    ]);
    expect(plan.outcomes.map((o) => o.key)).toEqual(['return']);
  });

  it('pairs the i-th values of zipped lists', () => {
    const plan = planSweep({
      model: loaded,
      scenario: scenarioWith(
        '  method: zip\n  parameters:\n    drift: { values: [-1, 0, 1] }\n    subnets: { values: [2, 3, 4] }\n',
      ),
    });
    expect(plan.points).toEqual([
      [-1, 2],
      [0, 3],
      [1, 4],
    ]);
  });

  it('samples a Latin hypercube inside the ranges, integer parameters over their whole values', () => {
    const plan = planSweep({
      model: loaded,
      scenario: scenarioWith(
        '  method: lhs\n  samples: 14\n  parameters:\n    volatility: { range: [0.1, 0.3] }\n    subnets: {}\n',
      ),
    });
    expect(plan.points).toHaveLength(14);
    for (const [volatility, subnets] of plan.points) {
      expect(volatility! >= 0.1 && volatility! < 0.3, String(volatility)).toBe(true);
      expect(Number.isInteger(subnets) && subnets! >= 2 && subnets! <= 8, String(subnets)).toBe(true);
    }
    // 14 strata over the 7 whole values 2 … 8: each taken twice.
    const counts = new Map<number, number>();
    for (const p of plan.points) counts.set(p[1]!, (counts.get(p[1]!) ?? 0) + 1);
    expect([...counts.entries()].sort((a, b) => a[0] - b[0])).toEqual(
      [2, 3, 4, 5, 6, 7, 8].map((v) => [v, 2]),
    );
    expect(plan.parameters[1]).toMatchObject({
      path: 'subnets',
      low: 2,
      high: 8,
      integer: true,
      source: 'test range',
    });
  });

  it('lays out N(k + 2) Saltelli points for sobol', () => {
    const plan = planSweep({
      model: loaded,
      scenario: scenarioWith(
        '  method: sobol\n  samples: 8\n  parameters:\n    drift: {}\n    volatility: {}\n    subnets: {}\n',
      ),
    });
    expect(plan.points).toHaveLength(8 * 5);
    expect(plan.saltelliN).toBe(8);
    // Point 1 of the sequence is the middle of every range.
    expect(plan.points[1]).toEqual([0, 0.6000000000000001, 5]);
  });

  it('refuses an outcome the model does not have, naming sweep.outcomes and the ones it has', () => {
    expect(() =>
      planSweep({
        model: loaded,
        scenario: scenarioWith(
          '  method: grid\n  outcomes: [retrun]\n  parameters:\n    drift: { values: [0] }\n',
        ),
      }),
    ).toThrow(/sweep\.outcomes: model "test-random-walk" has no outcome "retrun"; it has return, best, /);
  });

  it('refuses a scenario without a sweep section', () => {
    const r = parseScenario({ text: 'name: s\n', file: 's.yaml', modelSchema: testModelParamsSchema });
    if (!r.ok) throw new Error('unexpected issues');
    expect(() => planSweep({ model: loaded, scenario: r.scenario })).toThrow(
      /sweep: scenario "s" has no `sweep:` section/,
    );
  });
});

describe('pointFigures', () => {
  it('takes the mean, median and 5th and 95th percentiles of the finite values', () => {
    const values = [4, Number.NaN, 1, 3, 2, 5];
    expect(pointFigures(values)).toEqual({ mean: 3, median: 3, p5: 1.2, p95: 4.8 });
  });
});

describe('runSweep', () => {
  it('runs every point on the same seeds: points that differ only in busy work have the same figures', async () => {
    const scenario = scenarioWith(
      '  method: grid\n  outcomes: [return, best]\n  parameters:\n    spinPerStep: { values: [0, 3] }\n    drift: { values: [-1, 1] }\n',
    );
    const { summary, points } = await runSweep({ model, scenario, runs: 5, workers: 2 });
    if (summary === null) throw new Error('stopped');
    expect(summary).toMatchObject({
      method: 'grid',
      points: 4,
      runsPerPoint: 5,
      seed: 2,
      completed: 20,
      errored: 0,
      sobol: null,
    });
    expect(points[2]!.outcomes).toEqual(points[0]!.outcomes);
    expect(points[3]!.outcomes).toEqual(points[1]!.outcomes);
    expect(points[1]!.outcomes.return!.mean).toBeGreaterThan(points[0]!.outcomes.return!.mean);
  });

  it("finds with a small Sobol' design that drift drives the test model's return, and writes the outputs", async () => {
    const scenario = scenarioWith(
      '  method: sobol\n  samples: 16\n  runs: 2\n  parameters:\n    drift: {}\n    volatility: {}\n',
    );
    const startedAt = new Date().toISOString();
    const result = await runSweep({ model, scenario, runs: 2, workers: 2 });
    const sobol = result.summary?.sobol;
    if (sobol == null) throw new Error('no indices');
    const [drift, volatility] = sobol.outcomes[0]!.parameters;
    const shown = JSON.stringify(sobol.outcomes[0]);
    expect(drift!.totalEffect.value, shown).toBeGreaterThan(0.5);
    expect(volatility!.totalEffect.value, shown).toBeLessThan(drift!.totalEffect.value);
    expect(drift!.firstOrder.low, shown).toBeLessThanOrEqual(drift!.firstOrder.value);
    expect(drift!.firstOrder.high, shown).toBeGreaterThanOrEqual(drift!.firstOrder.value);

    const out = join(dir, 'sobol');
    const { files, manifest } = await writeSweep({ outDir: out, model, scenario, result, startedAt });
    for (const name of Object.values(SWEEP_FILES)) expect(existsSync(join(out, name)), name).toBe(true);
    expect(files).toHaveLength(Object.values(SWEEP_FILES).length);
    expect(manifest).toMatchObject({
      runs: 64 * 2,
      completed: 128,
      status: 'complete',
      sweep: { method: 'sobol', points: 64, sobolN: 16 },
    });
    const sweepRows = readFileSync(join(out, SWEEP_FILES.points), 'utf8').trim().split('\n');
    expect(sweepRows[0]).toBe(
      'point,drift,volatility,return_mean,return_median,return_p5,return_p95,completed,errored',
    );
    expect(sweepRows).toHaveLength(65);
    const sobolRows = readFileSync(join(out, SWEEP_FILES.sobol), 'utf8').trim().split('\n');
    expect(sobolRows[0]).toBe(SOBOL_CSV_COLUMNS.join(','));
    expect(sobolRows[1]!.split(',').slice(0, 3)).toEqual([
      'return',
      'drift',
      String(drift!.firstOrder.value),
    ]);
    const html = readFileSync(join(out, SWEEP_FILES.report), 'utf8');
    expect(html).toContain('Sobol’ indices');
    expect(html).toContain('<svg');
  });

  it('stops when asked and writes only the manifest and the scenario', async () => {
    const scenario = scenarioWith('  method: grid\n  parameters:\n    drift: { values: [-1, 0, 1] }\n');
    const controller = new AbortController();
    controller.abort();
    const result = await runSweep({ model, scenario, runs: 4, workers: 1, signal: controller.signal });
    expect(result).toMatchObject({ aborted: true, summary: null, points: [] });
    const out = join(dir, 'stopped');
    const { files, manifest } = await writeSweep({ outDir: out, model, scenario, result, startedAt: '' });
    expect(files.map((f) => f.slice(out.length + 1)).sort()).toEqual([
      SWEEP_FILES.manifest,
      SWEEP_FILES.scenario,
    ]);
    expect(manifest.status).toBe('partial');
  });
});
