import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTempDirs } from '../../../test/support/tempDirs.ts';
import type { ModelRef } from '../runner/modelRef.ts';
import { testModelParamsSchema } from '../runner/testModel.testkit.ts';
import { parseScenario } from '../scenario/parseScenario.ts';
import type { Scenario } from '../scenario/scenarioSchema.ts';
import { COMPARE_SHARD_FILE, type CompareShard } from './compareShard.ts';
import { mergeComparison } from './mergeComparison.ts';
import { runComparison } from './runComparison.ts';

const testModel: ModelRef = {
  module: fileURLToPath(new URL('../runner/testModel.testkit.ts', import.meta.url)),
  exportName: 'testModel',
};
const tempDir = createTempDirs('tm-merge-compare-');

function scenario(runs: number): Scenario {
  const r = parseScenario({
    text: `name: c\nruns: ${runs}\nhorizon: 60d\nrecordEvery: 14\nmodel:\n  subnets: 3\n  failRuns: [4]\nvariants:\n  - name: base\n  - name: bull\n    title: Higher drift\n    model: { drift: 0.8 }\n`,
    file: 'c.yaml',
    modelSchema: testModelParamsSchema,
  });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.scenario as Scenario;
}

const text = (dir: string, ...path: string[]) => readFileSync(join(dir, ...path), 'utf8');

async function shards(s: Scenario, count: number): Promise<string[]> {
  const dirs: string[] = [];
  for (let index = 1; index <= count; index++) {
    const outDir = tempDir();
    const r = await runComparison({
      model: testModel,
      scenario: s,
      workers: 1,
      outDir,
      shard: { index, count },
    });
    expect(r.comparison).toBeNull();
    dirs.push(outDir);
  }
  return dirs;
}

describe('mergeComparison', () => {
  it("merges compare shards into the whole comparison's compare.json and each variant's bytes", async () => {
    const s = scenario(13);
    const whole = tempDir();
    const full = await runComparison({ model: testModel, scenario: s, workers: 2, outDir: whole });
    const dirs = await shards(s, 3);
    const marker = JSON.parse(text(dirs[1] as string, COMPARE_SHARD_FILE)) as CompareShard;
    expect(marker.shard).toEqual({ index: 2, count: 3 });
    expect(marker.variants.map((v) => v.name)).toEqual(['base', 'bull']);

    const out = tempDir();
    const merged = await mergeComparison({ dirs: [...dirs].reverse(), outDir: out });
    expect(text(out, 'compare.json')).toBe(text(whole, 'compare.json'));
    for (const variant of ['base', 'bull'])
      for (const name of ['runs.csv', 'summary.json'])
        expect(text(out, variant, name)).toBe(text(whole, variant, name));
    expect(merged.comparison.headline).toEqual(full.comparison?.headline);
    expect(text(out, 'bull', 'report.html')).toContain('<html');
  });

  it('refuses a missing shard, naming it, and a shard of another comparison', async () => {
    const [a, b] = (await shards(scenario(6), 2)) as [string, string];
    await expect(mergeComparison({ dirs: [b], outDir: tempDir() })).rejects.toThrow(
      'shard 1 of 2 is missing: pass its folder',
    );
    const [, other] = (await shards(scenario(8), 2)) as [string, string];
    await expect(mergeComparison({ dirs: [a, other], outDir: tempDir() })).rejects.toThrow(
      `${join(other, COMPARE_SHARD_FILE)} scenarioHash: is `,
    );
    await expect(mergeComparison({ dirs: [a, b], outDir: a, outDirField: '--out' })).rejects.toThrow(
      `--out: is the shard folder ${a}`,
    );
  });
});
