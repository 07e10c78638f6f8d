/**
 * The `sweep` command end to end, through `npx tensormarket`'s entry point, with the runner's test model
 * so that the runs are fast; plus the shipped sweep scenario, validated.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_JSON_SHAPES } from '../src/cli/cliJsonShapes.ts';
import { TEST_MODEL_ARGS as modelArgs, REPO_ROOT as root, runCli, runCliAsync } from './support/runCli.ts';
import { createTempDirs } from './support/tempDirs.ts';

const dir = createTempDirs('tm-sweep-cli-')();
const cli = (args: string[]) => runCli(args, { cwd: dir, timeout: 120_000 });

describe('tensormarket sweep', () => {
  it("runs a Sobol' sweep and prints its indices and where its outputs are as JSON", () => {
    const scenario = join(dir, 'sobol.yaml');
    writeFileSync(
      scenario,
      'name: sobol\nruns: 9\nhorizon: 60d\nrecordEvery: 30\nsweep:\n  method: sobol\n  samples: 8\n  outcomes: [return, best]\n  parameters:\n    drift: {}\n    volatility: {}\n',
    );
    const r = cli(['sweep', scenario, ...modelArgs, '--workers', '2', '--runs', '2', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = CLI_JSON_SHAPES.sweep.parse(JSON.parse(r.stdout));
    expect(out).toMatchObject({
      scenario: 'sobol',
      outDir: join(dir, 'out', 'sobol'),
      method: 'sobol',
      points: 32,
      runsPerPoint: 2,
      completed: 64,
      errored: 0,
      stopped: false,
      report: join(dir, 'out', 'sobol', 'report.html'),
    });
    expect(out.sobol?.map((s) => `${s.outcome}/${s.parameter}`)).toEqual([
      'return/drift',
      'return/volatility',
      'best/drift',
      'best/volatility',
    ]);
    for (const f of out.files) expect(existsSync(f), f).toBe(true);
    const csv = readFileSync(join(out.outDir, 'sobol.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(5);
    expect(readFileSync(join(out.outDir, 'report.html'), 'utf8')).not.toMatch(/<script/);
  });

  it('runs a sweep in shards and merges them into the whole sweep, byte for byte', async () => {
    const scenario = join(dir, 'split.yaml');
    writeFileSync(
      scenario,
      'name: split\nruns: 2\nhorizon: 60d\nrecordEvery: 30\nsweep:\n  method: sobol\n  samples: 4\n  parameters:\n    drift: {}\n    volatility: {}\n',
    );
    const sweep = (args: string[]) =>
      runCliAsync(['sweep', scenario, ...modelArgs, '--workers', '1', ...args], { cwd: dir });
    const [whole, part, first] = await Promise.all([
      sweep(['--quiet']),
      sweep(['--shard', '2/2']),
      sweep(['--shard', '1/2', '--quiet']),
    ]);
    for (const r of [whole, part, first]) expect(r.status, r.stderr).toBe(0);
    expect(part.stdout).toContain('shard 2/2: points 8–15 of 16 x 2 paired runs');
    const shards = ['split-shard-2-of-2', 'split-shard-1-of-2'].map((s) => join('out', s));
    expect(existsSync(join(dir, shards[0]!, 'sweep-shard.json'))).toBe(true);
    expect(existsSync(join(dir, shards[0]!, 'sobol.csv'))).toBe(false);
    const merged = cli(['merge', ...shards, '--out', 'merged', '--json']);
    expect(merged.status, merged.stderr).toBe(0);
    const out = CLI_JSON_SHAPES.merge.parse(JSON.parse(merged.stdout));
    expect(out).toMatchObject({ scenario: 'split', runs: 32, completed: 32, errored: 0 });
    expect(out.shards.map((s) => s.shard)).toEqual([
      { index: 1, count: 2, firstRun: 0, runs: 16 },
      { index: 2, count: 2, firstRun: 16, runs: 16 },
    ]);
    for (const name of ['sweep.csv', 'sobol.csv', 'sweep.json'])
      expect(readFileSync(join(dir, 'merged', name), 'utf8'), name).toBe(
        readFileSync(join(dir, 'out', 'split', name), 'utf8'),
      );
  });

  it('the shipped sweep scenario validates', () => {
    const r = cli(['scenario', 'validate', join(root, 'scenarios', 'sweep-sobol.yaml')]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});
