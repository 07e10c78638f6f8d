/**
 * The `compare` command end to end, through `npx tensormarket`'s entry point, with the runner's test
 * model so that the runs are fast; plus the shipped comparison scenarios, validated.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const testkit = join(root, 'src', 'sim', 'runner', 'testModel.testkit.ts');
const modelArgs = ['--model', `${testkit}#testModel`];
const dir = mkdtempSync(join(tmpdir(), 'tm-compare-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'tensormarket.js'), ...args], {
    cwd: dir,
    encoding: 'utf8',
  });

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

  it('the shipped comparison scenarios validate', () => {
    for (const name of ['rule-packs.yaml', 'binding-mechanisms.yaml', 'fork-adoption.yaml']) {
      const r = cli(['scenario', 'validate', join(root, 'scenarios', name)]);
      expect(r.status).toBe(0);
    }
  });
});
