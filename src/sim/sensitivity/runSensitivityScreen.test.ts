import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Model } from '../contract/types.ts';
import type { ModelRef } from '../runner/modelRef.ts';
import { testModel, testModelParamsSchema } from '../runner/testModel.testkit.ts';
import { parseScenario } from '../scenario/parseScenario.ts';
import { planScreen, runSensitivityScreen } from './runSensitivityScreen.ts';
import { SENSITIVITY_CSV_COLUMNS, sensitivityCsv } from './sensitivityCsv.ts';

const testkit = fileURLToPath(new URL('../runner/testModel.testkit.ts', import.meta.url));
const model: ModelRef = { module: testkit, exportName: 'testModel' };

const scenario = (() => {
  const r = parseScenario({
    text: 'name: s\nhorizon: 1y\nseed: 3\nmodel:\n  failRuns: [5]\n',
    file: 's.yaml',
    modelSchema: testModelParamsSchema,
  });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.scenario;
})();

describe('runSensitivityScreen', () => {
  it('ranks the parameter with the known largest effect first, each end on its side of the baseline', async () => {
    const { screen, aborted } = await runSensitivityScreen({ model, scenario, runs: 16, top: 2, workers: 2 });
    expect(aborted).toBe(false);
    if (screen === null) throw new Error('no screen');
    // The test model's return is driven by drift over ±1 a year; volatility and subnets barely move it.
    expect(screen.parameters.map((p) => p.parameter).sort()).toEqual(['drift', 'subnets', 'volatility']);
    expect(screen.parameters.map((p) => p.rank)).toEqual([1, 2, 3]);
    const drift = screen.parameters[0]!;
    expect(drift).toMatchObject({ parameter: 'drift', rank: 1, value: 0.05, low: -1, high: 1 });
    expect(drift.atLow.median).toBeLessThan(screen.baseline.median);
    expect(drift.atHigh.median).toBeGreaterThan(screen.baseline.median);
    expect(drift.atLow.probLoss).toBeGreaterThan(drift.atHigh.probLoss);
    expect(screen).toMatchObject({
      outcome: { key: 'return', unit: 'return' },
      runs: 16,
      seed: 3,
      variations: 7,
      top: 2,
      // Run 5 fails in every variation.
      completed: 7 * 15,
      errored: 7,
    });
  });

  it('gives the same screen with 1 and 2 workers', async () => {
    const one = await runSensitivityScreen({ model, scenario, runs: 6, top: 8, workers: 1 });
    const two = await runSensitivityScreen({ model, scenario, runs: 6, top: 8, workers: 2 });
    expect(two.workers).toBe(2);
    expect(JSON.stringify(two.screen)).toBe(JSON.stringify(one.screen));
    const csv = sensitivityCsv(one.screen!).trim().split('\n');
    expect(csv[0]).toBe(SENSITIVITY_CSV_COLUMNS.join(','));
    expect(csv).toHaveLength(4);
    expect(csv[1]).toMatch(
      /^drift,0\.05,-1,1,-?[\d.e-]+,-?[\d.e-]+,-?[\d.e-]+,[\d.]+,[\d.]+,[\d.]+,1,"?test range/,
    );
  });

  it('refuses a model without ranges, or one naming a headline outcome it does not have', () => {
    const bare: Model<unknown> = {
      ...(testModel as Model<unknown>),
      schema: z.object({ x: z.number().default(1) }),
    };
    expect(() => planScreen(bare, scenario)).toThrow(
      /^sensitivity: model "test-random-walk" declares no parameter ranges/,
    );
    const misnamed: Model<unknown> = { ...(testModel as Model<unknown>), headlineOutcome: 'profit' };
    const outcomes = testModel.shape(scenario).outcomes.map((o) => o.key);
    expect(() => planScreen(misnamed, scenario)).toThrow(
      `model "test-random-walk": headlineOutcome "profit" is not one of its outcomes (${outcomes.join(', ')})`,
    );
    const { headlineOutcome: _h, ...unnamed } = testModel as Model<unknown>;
    expect(planScreen(unnamed, scenario).outcome.key).toBe('return');
  });
});
