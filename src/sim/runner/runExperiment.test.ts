import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createTempDirs } from '../../../test/support/tempDirs.ts';
import { parseScenario } from '../scenario/parseScenario.ts';
import type { ModelRef } from './modelRef.ts';
import { runExperiment } from './runExperiment.ts';
import { testModelParamsSchema } from './testModel.testkit.ts';

const testkit = fileURLToPath(new URL('./testModel.testkit.ts', import.meta.url));
const testModelRef: ModelRef = { module: testkit, exportName: 'testModel' };
const tempDir = createTempDirs('tm-runner-');

function scenario(yaml: string) {
  const r = parseScenario({ text: `name: t\n${yaml}`, file: 't.yaml', modelSchema: testModelParamsSchema });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.scenario;
}

const digest = (dir: string) =>
  createHash('sha256')
    .update(readFileSync(join(dir, 'summary.json')))
    .update(readFileSync(join(dir, 'runs.csv')))
    .digest('hex');

describe('runExperiment', () => {
  it('writes the same summary.json and runs.csv bytes with 1 and 2 workers', async () => {
    const s = scenario('runs: 40\nhorizon: 180d\nrecordEvery: 14\nmodel:\n  failRuns: [7]\n');
    const one = tempDir();
    const two = tempDir();
    const a = await runExperiment({ model: testModelRef, scenario: s, workers: 1, outDir: one });
    const b = await runExperiment({ model: testModelRef, scenario: s, workers: 2, outDir: two });
    expect(a.manifest.workers).toBe(1);
    expect(b.manifest.workers).toBe(2);
    expect(digest(two)).toBe(digest(one));
    expect(a.manifest.scenarioHash).toBe(b.manifest.scenarioHash);
    expect(a.summary.series[0]!.days.at(-1)).toBe(180);
  });

  it('really runs in worker threads when workers > 1', async () => {
    const s = scenario('runs: 16\n');
    const probe: ModelRef = { module: testkit, exportName: 'threadProbeModel' };
    const inline = await runExperiment({ model: probe, scenario: s, workers: 1, outDir: tempDir() });
    const pooled = await runExperiment({ model: probe, scenario: s, workers: 2, outDir: tempDir() });
    expect(inline.summary.outcomes[0]!.max).toBe(0);
    expect(pooled.summary.outcomes[0]!.min).toBeGreaterThan(0);
  });

  it('lists a run that throws as errored and completes the others', async () => {
    const out = tempDir();
    const s = scenario('runs: 12\nhorizon: 30d\nmodel:\n  failRuns: [2, 9]\n');
    const r = await runExperiment({ model: testModelRef, scenario: s, workers: 2, outDir: out });
    expect(r.summary.runs).toEqual({ requested: 12, completed: 10, errored: 2 });
    expect(r.summary.errors).toEqual([
      { runIndex: 2, message: 'test failure in run 2' },
      { runIndex: 9, message: 'test failure in run 9' },
    ]);
    expect(r.summary.outcomes[0]!.count).toBe(10);
    const rows = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n');
    expect(rows).toHaveLength(13);
    expect(rows[0]).toBe(
      'run,status,return,best,firstReturn,fromDrift,fromShocks,fromSpread,doubled,halved,error',
    );
    expect(rows[3]).toBe('2,error,,,,,,,,,test failure in run 2');
    expect(rows[4]).toMatch(/^3,ok,[-0-9.e]+,[0-9.e]+(,[-0-9.e]+){4},[01],[01],$/);
    expect(r.manifest.status).toBe('complete');
    // Where each run threw, from a worker thread, for whoever fixes the model.
    expect(r.manifest.files).toContain('errors.txt');
    const errors = readFileSync(join(out, 'errors.txt'), 'utf8');
    expect(errors).toMatch(
      /^run 2: test failure in run 2\n {4}Error: test failure in run 2\n {4}at .*testModel\.testkit\.ts/,
    );
    expect(errors).toContain('\nrun 9: test failure in run 9\n');
  });

  it('writes no errors.txt when no run threw', async () => {
    const out = tempDir();
    const r = await runExperiment({
      model: testModelRef,
      scenario: scenario('runs: 3\nhorizon: 30d\n'),
      outDir: out,
    });
    expect(r.manifest.files).not.toContain('errors.txt');
    expect(readdirSync(out)).not.toContain('errors.txt');
  });

  for (const workers of [1, 2]) {
    it(`stops on abort, waits for runs in flight and writes partial results (${workers} worker${workers > 1 ? 's' : ''})`, async () => {
      const out = tempDir();
      // Runs slow enough (tens of ms) that a worker which starts late under load cannot see the other
      // finish every run before run 0 is collected: progress counts runs collected in order.
      const s = scenario('runs: 400\nhorizon: 1y\nmodel:\n  subnets: 8\n  spinPerStep: 3000\n');
      const controller = new AbortController();
      const r = await runExperiment({
        model: testModelRef,
        scenario: s,
        workers,
        outDir: out,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done >= 5) controller.abort();
        },
      });
      expect(r.aborted).toBe(true);
      expect(r.manifest.status).toBe('partial');
      const done = r.summary.runs.completed + r.summary.runs.errored;
      expect(done).toBeGreaterThanOrEqual(5);
      expect(done).toBeLessThan(400);
      const rows = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n');
      expect(rows).toHaveLength(done + 1);
      expect(rows.slice(1).map((row) => Number(row.split(',')[0]))).toEqual([...Array(done).keys()]);
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      expect(summary.runs.requested).toBe(400);
      expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).status).toBe('partial');
    });
  }

  it('records the manifest and the resolved scenario', async () => {
    const out = tempDir();
    const s = scenario('runs: 3\nhorizon: 14d\nseed: 5\n');
    const r = await runExperiment({ model: testModelRef, scenario: s, runs: 4, seed: 9, outDir: out });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      package: 'tensormarket',
      model: 'test-random-walk',
      modelExport: 'src/sim/runner/testModel.testkit.ts#testModel',
      rulePack: null,
      scenario: 't',
      seed: 9,
      runs: 4,
      completed: 4,
      errored: 0,
      workers: 1,
      node: process.version,
    });
    expect(manifest.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    const file = JSON.parse(readFileSync(join(out, 'scenario.json'), 'utf8'));
    expect(file).toMatchObject({ name: 't', runs: 4, seed: 9, horizon: '14d' });
    const again = parseScenario({
      text: JSON.stringify(file),
      file: 'scenario.json',
      modelSchema: testModelParamsSchema,
    });
    expect(again).toMatchObject({ ok: true });
    expect(r.summary.headline[0]).toMatch(/^Median return/);
  });

  it('checks the shape before writing anything: an attribution part that is no outcome is refused', async () => {
    const out = tempDir();
    await expect(
      runExperiment({
        model: { module: testkit, exportName: 'misdeclaredModel' },
        scenario: scenario('runs: 2\n'),
        outDir: out,
      }),
    ).rejects.toMatchObject({
      code: 'SHAPE_UNKNOWN_OUTCOME',
      model: 'test-misdeclared',
      field: 'attribution.parts[1]',
      key: 'fromLuck',
    });
    expect(readdirSync(out)).toEqual([]);
  });

  it('fails fast with MODEL_NOT_FOUND for a bad model reference', async () => {
    await expect(
      runExperiment({
        model: { module: testkit, exportName: 'nothing' },
        scenario: scenario('runs: 1\n'),
        outDir: tempDir(),
      }),
    ).rejects.toMatchObject({ code: 'MODEL_NOT_FOUND' });
  });
});
