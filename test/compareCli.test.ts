/**
 * The `compare` command end to end, through `npx tensormarket`'s entry point, with the runner's test
 * model so that the runs are fast; plus the shipped comparison scenarios, validated.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_MODEL_ARGS as modelArgs, REPO_ROOT as root, runCli } from './support/runCli.ts';
import { createTempDirs } from './support/tempDirs.ts';

const dir = createTempDirs('tm-compare-cli-')();

const cli = (args: string[], timeout?: number) =>
  runCli(args, { cwd: dir, ...(timeout === undefined ? {} : { timeout }) });

describe('tensormarket compare', () => {
  it('runs the variants on the same seeds and writes the comparison', () => {
    const scenario = join(dir, 'pair.yaml');
    writeFileSync(
      scenario,
      'name: pair\nruns: 12\nhorizon: 60d\nrecordEvery: 30\nvariants:\n  - name: calm\n  - name: wild\n    title: Volatile\n    model: { volatility: 1.5 }\n',
    );
    const r = cli(['compare', scenario, '--workers', '2', ...modelArgs]);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('pair: 2 variants x 12 runs on the same seeds');
    expect(r.stdout).toContain('comparison: out/pair/compare.html');
    const out = join(dir, 'out', 'pair');
    for (const f of ['compare.html', 'compare.json', 'calm/report.html', 'wild/runs.csv'])
      expect(existsSync(join(out, f))).toBe(true);
    const html = readFileSync(join(out, 'compare.html'), 'utf8');
    expect(html).toContain('Volatile');
    expect(html).not.toMatch(/<script/);
  });

  it('asks for variants when the scenario has none, exit 2', () => {
    const scenario = join(dir, 'single.yaml');
    writeFileSync(scenario, 'name: single\nruns: 4\nhorizon: 30d\nrecordEvery: 10\n');
    const r = cli(['compare', scenario, ...modelArgs]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/variants/);
  });

  it('--out that cannot be created: a typed error naming --out, exit 2', () => {
    const scenario = join(dir, 'pair-out.yaml');
    writeFileSync(scenario, 'name: pair-out\nruns: 2\nhorizon: 10d\nvariants:\n  - name: a\n  - name: b\n');
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, '');
    const r = cli(['compare', scenario, ...modelArgs, '--out', join(blocker, 'x')], 20_000);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error \[OUT_DIR_UNUSABLE\] --out: .*blocker is a file, not a folder/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('the shipped comparison scenarios validate', () => {
    for (const name of ['rule-packs.yaml', 'binding-mechanisms.yaml', 'fork-adoption.yaml']) {
      const r = cli(['scenario', 'validate', join(root, 'scenarios', name)]);
      expect(r.status).toBe(0);
    }
  });
});
