/**
 * Cross-layer checks of the shipped model through the runner: the same seed gives the same bytes on
 * 1 and 2 workers, and every model parameter has a default and a description (its source).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelParamsSchema } from '../src/sim/model/bittensor/params.ts';
import { runExperiment } from '../src/sim/runner/runExperiment.ts';
import type { JsonSchema } from '../src/sim/scenario/describeExpected.ts';
import { loadScenario } from '../src/sim/scenario/loadScenario.ts';
import { overrideScenario } from '../src/sim/scenario/overrideScenario.ts';
import { scenarioJsonSchema } from '../src/sim/scenario/scenarioJsonSchema.ts';
import { createTempDirs } from './support/tempDirs.ts';

const root = resolve(import.meta.dirname, '..');
const dir = createTempDirs('tm-sim-determinism-')();

const digest = (out: string) =>
  createHash('sha256')
    .update(readFileSync(join(out, 'summary.json')))
    .update(readFileSync(join(out, 'runs.csv')))
    .digest('hex');

describe('the shipped model through the runner', () => {
  it('gives the same summary.json and runs.csv on 1 and 2 workers', async () => {
    const base = loadScenario({
      file: join(root, 'scenarios', 'default.yaml'),
      modelSchema: modelParamsSchema,
    });
    const scenario = overrideScenario({ ...base, recordEvery: 7 }, { runs: 6, horizon: '30d', seed: 11 });
    const model = { module: join(root, 'src', 'sim', 'model', 'index.ts'), exportName: 'bittensorModel' };
    const one = await runExperiment({ model, scenario, workers: 1, outDir: join(dir, 'one') });
    await runExperiment({ model, scenario, workers: 2, outDir: join(dir, 'two') });
    expect(one.summary.runs.errored).toBe(0);
    expect(digest(join(dir, 'two'))).toBe(digest(join(dir, 'one')));
    expect(one.manifest.rulePack).toBe('price-2026-06');
  });

  it('has a default and a description for every model parameter', () => {
    const missing: string[] = [];
    const walk = (node: JsonSchema, path: string) => {
      const props = node.properties as Record<string, JsonSchema> | undefined;
      if (props === undefined) {
        if (node.default === undefined || typeof node.description !== 'string') missing.push(path);
        return;
      }
      for (const [k, child] of Object.entries(props)) walk(child, `${path}.${k}`);
    };
    const model = (scenarioJsonSchema(modelParamsSchema).properties as Record<string, JsonSchema>).model!;
    walk(model, 'model');
    expect(missing).toEqual([]);
  });
});
