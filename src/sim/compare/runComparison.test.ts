import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTempDirs } from '../../../test/support/tempDirs.ts';
import type { ModelRef } from '../runner/modelRef.ts';
import { runExperiment } from '../runner/runExperiment.ts';
import { testModelParamsSchema } from '../runner/testModel.testkit.ts';
import { parseScenario } from '../scenario/parseScenario.ts';
import type { Comparison } from './compareVariants.ts';
import { readRunsCsv } from './readRunsCsv.ts';
import { runComparison, variantScenario } from './runComparison.ts';

const testModel: ModelRef = {
  module: fileURLToPath(new URL('../runner/testModel.testkit.ts', import.meta.url)),
  exportName: 'testModel',
};
const tempDir = createTempDirs('tm-compare-');

const scenario = (() => {
  const r = parseScenario({
    text: 'name: c\nruns: 30\nhorizon: 120d\nrecordEvery: 30\nmodel:\n  subnets: 3\nvariants:\n  - name: base\n  - name: bull\n    title: Higher drift\n    model: { drift: 0.8 }\n',
    file: 'c.yaml',
    modelSchema: testModelParamsSchema,
  });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.scenario;
})();

describe('runComparison', () => {
  it('runs every variant on the same seeds and pairs their runs', async () => {
    const out = tempDir();
    const result = await runComparison({ model: testModel, scenario, workers: 1, outDir: out });
    expect(existsSync(join(out, 'compare.html'))).toBe(true);
    expect(existsSync(join(out, 'bull', 'report.html'))).toBe(true);
    const c = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8')) as Comparison;
    expect(c.variants.map((v) => v.name)).toEqual(['base', 'bull']);

    // The baseline variant is the plain experiment of its scenario: the same bytes.
    const alone = tempDir();
    await runExperiment({
      model: testModel,
      scenario: variantScenario(scenario, scenario.variants![0]!),
      workers: 1,
      outDir: alone,
    });
    expect(readFileSync(join(out, 'base', 'runs.csv'), 'utf8')).toBe(
      readFileSync(join(alone, 'runs.csv'), 'utf8'),
    );

    // The reported difference is the mean of the per-run differences of runs.csv.
    const a = readRunsCsv(join(out, 'base', 'runs.csv')).columns.get('return')!;
    const b = readRunsCsv(join(out, 'bull', 'runs.csv')).columns.get('return')!;
    let sum = 0;
    for (let i = 0; i < a.length; i++) sum += b[i]! - a[i]!;
    const d = result.comparison!.outcomes.find((o) => o.key === 'return')!.variants[1]!.difference!;
    expect(d.count).toBe(30);
    expect(d.mean).toBeCloseTo(sum / 30, 12);
    // Higher drift on the same shocks raises every run's return: a clear, positive difference.
    expect(d.low).toBeGreaterThan(0);
    expect(result.comparison!.headline.length).toBeGreaterThan(0);
  });

  it('asks for a variants list when the scenario has fewer than two', async () => {
    const { variants: _v, ...single } = scenario;
    await expect(runComparison({ model: testModel, scenario: single, outDir: tempDir() })).rejects.toThrow(
      /variants/,
    );
  });
});
