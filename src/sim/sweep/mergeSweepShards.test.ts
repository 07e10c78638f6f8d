import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ModelRef } from '../runner/modelRef.ts';
import { testModelParamsSchema } from '../runner/testModel.testkit.ts';
import { parseScenario } from '../scenario/parseScenario.ts';
import { isSweepShard, mergeSweepShards } from './mergeSweepShards.ts';
import { runSweep } from './runSweep.ts';
import type { SweepManifest } from './sweepManifest.ts';
import { SWEEP_FILES, writeSweep } from './writeSweep.ts';

const testkit = fileURLToPath(new URL('../runner/testModel.testkit.ts', import.meta.url));
const model: ModelRef = { module: testkit, exportName: 'testModel' };
const dir = mkdtempSync(join(tmpdir(), 'tm-sweep-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const parsed = parseScenario({
  text: 'name: s\nhorizon: 60d\nrecordEvery: 30\nruns: 3\nseed: 5\nsweep:\n  method: sobol\n  samples: 4\n  outcomes: [return, best]\n  parameters:\n    drift: {}\n    volatility: {}\n',
  file: 's.yaml',
  modelSchema: testModelParamsSchema,
});
if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
const scenario = parsed.scenario;
const startedAt = new Date().toISOString();
const read = (folder: string, name: string) => readFileSync(join(dir, folder, name), 'utf8');

describe('mergeSweepShards', () => {
  it("merges 3 shards, given in any order, into a whole sweep's sweep.csv, sobol.csv and sweep.json byte for byte", async () => {
    const whole = await runSweep({ model, scenario, runs: 2, workers: 1 });
    await writeSweep({ outDir: join(dir, 'whole'), model, scenario, result: whole, startedAt });
    for (const k of [1, 2, 3]) {
      const result = await runSweep({ model, scenario, runs: 2, workers: 1, shard: { index: k, count: 3 } });
      expect(result.summary).toBeNull();
      const { manifest } = await writeSweep({
        outDir: join(dir, `part-${k}`),
        model,
        scenario,
        result,
        startedAt,
      });
      expect(manifest.shard).toEqual({
        index: k,
        count: 3,
        firstPoint: Math.floor(((k - 1) * 16) / 3),
        points: Math.floor((k * 16) / 3) - Math.floor(((k - 1) * 16) / 3),
      });
      expect(isSweepShard(join(dir, `part-${k}`))).toBe(true);
    }
    const merged = await mergeSweepShards({
      dirs: ['part-3', 'part-1', 'part-2'].map((p) => join(dir, p)),
      outDir: join(dir, 'merged'),
    });
    expect(merged.result.points.map((p) => p.index)).toEqual(whole.points.map((p) => p.index));
    for (const name of [SWEEP_FILES.points, SWEEP_FILES.sobol, SWEEP_FILES.summary])
      expect(read('merged', name), name).toBe(read('whole', name));
    const manifest = JSON.parse(read('merged', SWEEP_FILES.manifest)) as SweepManifest;
    expect(manifest.mergedFrom?.map((m) => m.shard.index)).toEqual([1, 2, 3]);
    expect(manifest).toMatchObject({ runs: 32, completed: 32, status: 'complete' });
  });

  it('refuses a missing shard and a shard given twice, naming them', async () => {
    await expect(
      mergeSweepShards({ dirs: ['part-1', 'part-3'].map((p) => join(dir, p)), outDir: join(dir, 'm2') }),
    ).rejects.toThrow('DIR: shard 2 of 3 is missing: pass its folder');
    await expect(
      mergeSweepShards({
        dirs: ['part-1', 'part-1', 'part-2'].map((p) => join(dir, p)),
        outDir: join(dir, 'm3'),
      }),
    ).rejects.toThrow(/is shard 1\/3 again/);
  });

  it('refuses a whole sweep as a shard', async () => {
    await expect(mergeSweepShards({ dirs: [join(dir, 'whole')], outDir: join(dir, 'm4') })).rejects.toThrow(
      /manifest\.json shard: is missing: this folder holds a whole sweep/,
    );
  });
});
