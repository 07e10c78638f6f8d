/**
 * `simulate --shard k/n` and `merge` end to end, through `npx tensormarket`'s entry point, with the
 * runner's test model: shards run as separate commands (as on separate machines) merge into the whole
 * run's bytes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_MODEL_ARGS as modelArgs, runCliAsync } from './support/runCli.ts';
import { createTempDirs } from './support/tempDirs.ts';

const dir = createTempDirs('tm-merge-cli-')();
const cli = (args: string[]) => runCliAsync(args, { cwd: dir });
const scenario = join(dir, 'split.yaml');
writeFileSync(scenario, 'name: split\nruns: 11\nhorizon: 60d\nmodel:\n  failRuns: [3]\n');

describe('tensormarket simulate --shard and merge', () => {
  it('merges two shards run apart into the whole run: same runs.csv and summary.json, and a report', async () => {
    const run = (extra: string[]) => cli(['simulate', scenario, ...modelArgs, '--workers', '1', ...extra]);
    const [whole, second, first] = await Promise.all([
      run(['--out', 'whole', '--quiet']),
      run(['--shard', '2/2', '--out', 'part-2']),
      run(['--shard', '1/2', '--out', 'part-1']),
    ]);
    expect(whole.status).toBe(0);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('split: shard 1/2, runs 0–4 of 11 (4 completed, 1 errored)');
    expect(second.stdout).toContain('split: shard 2/2, runs 5–10 of 11 (6 completed, 0 errored)');
    expect(existsSync(join(dir, 'part-1', 'summary.json'))).toBe(false);
    expect(existsSync(join(dir, 'part-1', 'report.html'))).toBe(false);

    const merged = await cli(['merge', 'part-2', 'part-1', '--out', 'merged']);
    expect(merged.stderr).toBe('merge: writing the report...\n');
    expect(merged.status).toBe(0);
    expect(merged.stdout).toContain('split: 2 shards merged, 11 runs (10 completed, 1 errored)');
    expect(merged.stdout).toContain('report: merged/report.html');
    for (const name of ['runs.csv', 'summary.json'])
      expect(readFileSync(join(dir, 'merged', name), 'utf8')).toBe(
        readFileSync(join(dir, 'whole', name), 'utf8'),
      );
    const manifest = JSON.parse(readFileSync(join(dir, 'merged', 'manifest.json'), 'utf8'));
    expect(manifest.mergedFrom).toEqual([
      { dir: 'part-1', shard: { index: 1, count: 2, firstRun: 0, runs: 5 } },
      { dir: 'part-2', shard: { index: 2, count: 2, firstRun: 5, runs: 6 } },
    ]);
    expect(existsSync(join(dir, 'merged', 'report.html'))).toBe(true);
  });

  it('refuses a bad --shard naming the option and the fix, and a sensitivity screen, exit 2', async () => {
    const screened = join(dir, 'screened.yaml');
    writeFileSync(screened, 'name: screened\nruns: 6\nhorizon: 30d\nsensitivity:\n  runs: 2\n');
    // Every malformed k/n is checked in src/cli/runOptions.test.ts; here, what the command does with one.
    const results = await Promise.all([
      cli(['simulate', scenario, ...modelArgs, '--shard', '4/3']),
      cli(['simulate', screened, ...modelArgs, '--shard', '1/2']),
    ]);
    for (const r of results) expect(r.status).toBe(2);
    expect(results.map((r) => r.stderr.trim())).toEqual([
      'error [INVALID_INPUT] --shard: expected k from 1 to 3 in k/3, got 4; shards are numbered 1 to n',
      'error [INVALID_INPUT] --shard: the scenario asks for a sensitivity screen, which runs only whole; add --sensitivity-runs 0 (to the whole run you compare the merge with too)',
    ]);
  });

  it('refuses to merge with a shard missing, naming it, exit 2', async () => {
    // The first test's shard 1 of 2, alone.
    const merged = await cli(['merge', 'part-1', '--out', 'never']);
    expect(merged.status).toBe(2);
    expect(merged.stderr).toBe('error [INVALID_INPUT] DIR: shard 2 of 2 is missing: pass its folder\n');
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('merges shards of compare into the whole comparison: compare.json byte for byte', async () => {
    const variants = join(dir, 'variants.yaml');
    writeFileSync(
      variants,
      'name: pair\nruns: 7\nhorizon: 30d\nvariants:\n  - name: base\n  - name: bull\n    model: { drift: 0.8 }\n',
    );
    const run = (extra: string[]) => cli(['compare', variants, ...modelArgs, '--workers', '1', ...extra]);
    const [whole, first, second] = await Promise.all([
      run(['--out', 'pair-whole', '--quiet']),
      run(['--shard', '1/2', '--out', 'pair-1']),
      run(['--shard', '2/2', '--out', 'pair-2']),
    ]);
    expect([whole.status, first.status, second.status]).toEqual([0, 0, 0]);
    expect(second.stdout).toContain('pair: shard 2/2 of 2 variants, runs 3–6 of 7 each');
    const merged = await cli(['merge', 'pair-2', 'pair-1', '--out', 'pair-merged', '--json']);
    expect(merged.status).toBe(0);
    const doc = JSON.parse(merged.stdout);
    expect(doc.variants).toEqual(['base', 'bull']);
    expect(doc.shards.map((s: { dir: string }) => s.dir)).toEqual(['pair-1', 'pair-2']);
    expect(readFileSync(join(dir, 'pair-merged', 'compare.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'pair-whole', 'compare.json'), 'utf8'),
    );
  });
});
