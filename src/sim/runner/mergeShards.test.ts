import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createTempDirs } from '../../../test/support/tempDirs.ts';
import { modelParamsSchema } from '../model/index.ts';
import { parseScenario } from '../scenario/parseScenario.ts';
import type { Scenario } from '../scenario/scenarioSchema.ts';
import { readStartingState } from '../start/readStartingState.ts';
import type { ExperimentShard } from './experimentShard.ts';
import { type Manifest, PROJECT_ROOT } from './manifest.ts';
import { mergeShards } from './mergeShards.ts';
import type { ModelRef } from './modelRef.ts';
import { runExperiment } from './runExperiment.ts';
import { SHARD_RECORDS_FILE, SHARD_START_FILE } from './shardRecords.ts';
import { testModelParamsSchema } from './testModel.testkit.ts';

const testModelRef: ModelRef = {
  module: fileURLToPath(new URL('./testModel.testkit.ts', import.meta.url)),
  exportName: 'testModel',
};
const realModelRef: ModelRef = {
  module: fileURLToPath(new URL('../model/index.ts', import.meta.url)),
  exportName: 'bittensorModel',
};
const tempDir = createTempDirs('tm-merge-');

function scenario(yaml: string, modelSchema: z.ZodType = testModelParamsSchema): Scenario {
  const r = parseScenario({ text: `name: t\n${yaml}`, file: 't.yaml', modelSchema });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.scenario as Scenario;
}

const bytes = (dir: string, name: string) => readFileSync(join(dir, name));
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
/** The manifest without the fields a merge may change. */
const comparable = (m: Manifest) => {
  const { wallTimeMs: _w, workers: _k, startedAt: _s, shard: _h, mergedFrom: _f, ...rest } = m;
  return rest;
};

async function runShards(s: Scenario, model: ModelRef, count: number, workers: number): Promise<string[]> {
  const dirs: string[] = [];
  for (let index = 1; index <= count; index++) {
    const shard: ExperimentShard = { index, count };
    const outDir = tempDir();
    await runExperiment({ model, scenario: s, workers, outDir, shard });
    dirs.push(outDir);
  }
  return dirs;
}

describe('mergeShards', () => {
  // 20 runs in 3 shards: blocks of 6, 7 and 7 runs; run 7 throws, in shard 2.
  const small = scenario('runs: 20\nhorizon: 60d\nrecordEvery: 7\nmodel:\n  failRuns: [7]\n');

  for (const workers of [1, 2]) {
    it(`merges 3 shards into the whole run's runs.csv and summary.json bytes (${workers} worker${workers > 1 ? 's' : ''})`, async () => {
      const whole = tempDir();
      await runExperiment({ model: testModelRef, scenario: small, workers, outDir: whole });
      const dirs = await runShards(small, testModelRef, 3, workers);
      expect(dirs.map((d) => manifestOf(d).shard)).toEqual([
        { index: 1, count: 3, firstRun: 0, runs: 6 },
        { index: 2, count: 3, firstRun: 6, runs: 7 },
        { index: 3, count: 3, firstRun: 13, runs: 7 },
      ]);
      const out = tempDir();
      const merged = await mergeShards({ dirs, outDir: out });
      expect(bytes(out, 'runs.csv').equals(bytes(whole, 'runs.csv'))).toBe(true);
      expect(bytes(out, 'summary.json').toString()).toBe(bytes(whole, 'summary.json').toString());
      expect(bytes(out, 'scenario.json').toString()).toBe(bytes(whole, 'scenario.json').toString());
      expect(comparable(manifestOf(out))).toEqual(comparable(manifestOf(whole)));
      expect(merged.manifest.mergedFrom?.map((m) => m.dir)).toEqual(dirs);
      expect(merged.summary.runs).toEqual({ requested: 20, completed: 19, errored: 1 });
    });
  }

  it('gives the same bytes whatever order the shards are passed in', async () => {
    const dirs = await runShards(small, testModelRef, 3, 1);
    const [a, b, c] = dirs as [string, string, string];
    const inOrder = tempDir();
    const shuffled = tempDir();
    await mergeShards({ dirs: [a, b, c], outDir: inOrder });
    await mergeShards({ dirs: [c, a, b], outDir: shuffled });
    for (const name of ['runs.csv', 'summary.json'])
      expect(bytes(shuffled, name).toString()).toBe(bytes(inOrder, name).toString());
    expect(manifestOf(shuffled).mergedFrom?.map((m) => m.dir)).toEqual([a, b, c]);
  });

  it('a shard 1/1 holds every run of the whole experiment', async () => {
    const [dir] = await runShards(small, testModelRef, 1, 2);
    const lines = readFileSync(join(dir as string, SHARD_RECORDS_FILE), 'utf8')
      .trim()
      .split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { runIndex: number }).runIndex)).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
    const errored = JSON.parse(lines[7] as string);
    expect(errored).toMatchObject({ runIndex: 7, ok: false, message: 'test failure in run 7' });
    // The stack travels with the record, so the merge can say where the run threw.
    expect(errored.stack).toContain('test failure in run 7');
    expect(errored.stack).toContain('testModel.testkit.ts');
    expect(manifestOf(dir as string).files).toEqual([SHARD_RECORDS_FILE, 'manifest.json', 'scenario.json']);
  });

  it("merges the real model's shards into the whole run's bytes", async () => {
    const real = scenario('runs: 6\nhorizon: 14d\n', modelParamsSchema);
    const whole = tempDir();
    await runExperiment({ model: realModelRef, scenario: real, workers: 2, outDir: whole });
    const dirs = await runShards(real, realModelRef, 3, 1);
    const out = tempDir();
    await mergeShards({ dirs: dirs.reverse(), outDir: out });
    for (const name of ['runs.csv', 'summary.json'])
      expect(bytes(out, name).toString()).toBe(bytes(whole, name).toString());
    expect(comparable(manifestOf(out))).toEqual(comparable(manifestOf(whole)));
  });

  it('reads the starting state of a scenario that starts from a snapshot from the scenario file given', async () => {
    const started = scenario('runs: 4\nhorizon: 14d\nstart: start/mainnet-2026-09-30.json\n');
    const dirs = await runShards(started, testModelRef, 2, 1);
    await expect(mergeShards({ dirs, outDir: tempDir(), scenarioField: '--scenario' })).rejects.toThrow(
      "--scenario: the shards' scenario starts from start/mainnet-2026-09-30.json",
    );
    const merged = await mergeShards({
      dirs,
      outDir: tempDir(),
      // Any file in scenarios/ locates the path the scenario names.
      scenarioFile: join(PROJECT_ROOT, 'scenarios', 'default.yaml'),
    });
    expect(merged.scenario.startingState?.snapshot.date).toMatch(/^2026-09-30/);
    expect(merged.manifest.completed).toBe(4);
  });

  it('reads the starting state a shard ran from out of the shard itself, refusing shards that ran from different ones', async () => {
    const read = readStartingState(join(PROJECT_ROOT, 'scenarios', 'start', 'mainnet-2026-09-30.json'));
    if (!read.ok) throw new Error(read.message);
    const started = {
      ...scenario('runs: 4\nhorizon: 14d\nstart: start/mainnet-2026-09-30.json\n'),
      startingState: read.state,
    };
    const dirs = (await runShards(started, testModelRef, 2, 1)) as [string, string];
    expect(manifestOf(dirs[0]).files).toContain(SHARD_START_FILE);
    const merged = await mergeShards({ dirs, outDir: tempDir() });
    expect(merged.scenario.startingState).toEqual(read.state);
    expect(merged.manifest.completed).toBe(4);

    const other = {
      ...read.state,
      snapshot: { ...read.state.snapshot, block: read.state.snapshot.block + 1 },
    };
    writeFileSync(join(dirs[1], SHARD_START_FILE), JSON.stringify(other));
    await expect(mergeShards({ dirs, outDir: tempDir() })).rejects.toThrow(
      `${join(dirs[1], SHARD_START_FILE)}: is missing or not the starting state shard 1 ran from`,
    );
  });

  describe('refuses', () => {
    const shardsOf = (s: Scenario) => runShards(s, testModelRef, 3, 1);
    const tiny = scenario('runs: 9\nhorizon: 30d\n');

    it('a missing shard, naming it', async () => {
      const [a, , c] = (await shardsOf(tiny)) as [string, string, string];
      await expect(mergeShards({ dirs: [a, c], outDir: tempDir() })).rejects.toThrow(
        'shard 2 of 3 is missing: pass its folder',
      );
    });

    it('a shard passed twice', async () => {
      const [a, b, c] = (await shardsOf(tiny)) as [string, string, string];
      await expect(mergeShards({ dirs: [a, b, b, c], outDir: tempDir() })).rejects.toThrow(
        `${b}: is shard 2/3 again (so is ${b}): pass each shard once`,
      );
    });

    it('a shard of another scenario or seed, naming the folder and field', async () => {
      const [a, b] = (await shardsOf(tiny)) as [string, string, string];
      const [, , other] = (await shardsOf(scenario('runs: 9\nhorizon: 60d\n'))) as [string, string, string];
      await expect(mergeShards({ dirs: [a, b, other], outDir: tempDir() })).rejects.toThrow(
        `${join(other, 'manifest.json')} scenarioHash: is `,
      );
      const [, , seeded] = (await shardsOf({ ...tiny, seed: 2 })) as [string, string, string];
      await expect(mergeShards({ dirs: [a, b, seeded], outDir: tempDir() })).rejects.toThrow(
        // A new seed changes the scenario's hash too; either field names the mismatch.
        new RegExp(`${join(seeded, 'manifest.json').replaceAll('/', '\\/')} (scenarioHash|seed): is `),
      );
    });

    it('a damaged records line, naming the file and line', async () => {
      const [a, b, c] = (await shardsOf(tiny)) as [string, string, string];
      const file = join(b, SHARD_RECORDS_FILE);
      const lines = readFileSync(file, 'utf8').split('\n');
      lines[1] = (lines[1] as string).slice(0, 40);
      writeFileSync(file, lines.join('\n'));
      await expect(mergeShards({ dirs: [a, b, c], outDir: tempDir() })).rejects.toThrow(
        `${file} line 2: is not a JSON run record`,
      );
    });

    it('records out of order, naming the file and line', async () => {
      const [a, b, c] = (await shardsOf(tiny)) as [string, string, string];
      const file = join(c, SHARD_RECORDS_FILE);
      const [l1, l2, l3] = readFileSync(file, 'utf8').trim().split('\n') as [string, string, string];
      writeFileSync(file, `${l1}\n${l3}\n${l2}\n`);
      await expect(mergeShards({ dirs: [a, b, c], outDir: tempDir() })).rejects.toThrow(
        `${file} line 2: holds run 8, expected run 7`,
      );
    });

    it('an output folder that is one of the shards, and writes nothing into it', async () => {
      const [a, b, c] = (await shardsOf(tiny)) as [string, string, string];
      const before = bytes(b, 'manifest.json').toString();
      await expect(mergeShards({ dirs: [a, b, c], outDir: b, outDirField: '--out' })).rejects.toThrow(
        `--out: is the shard folder ${b}`,
      );
      expect(bytes(b, 'manifest.json').toString()).toBe(before);
    });

    it('a folder that is a whole run, not a shard', async () => {
      const whole = tempDir();
      await runExperiment({ model: testModelRef, scenario: tiny, workers: 1, outDir: whole });
      await expect(mergeShards({ dirs: [whole], outDir: tempDir() })).rejects.toThrow(
        `${join(whole, 'manifest.json')} shard: is missing`,
      );
    });
  });
});
