/**
 * The `simulate` and `scenario` commands end to end, through `npx tensormarket`'s entry point (tsx, no
 * build), with the runner's test model so that the runs are fast.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HolderClassStats } from '../src/sim/collect/summary.ts';
import { formatPercent, formatValue } from '../src/sim/report/formatValue.ts';
import {
  interruptSimulate,
  TEST_MODEL_ARGS as modelArgs,
  REPO_ROOT as root,
  runCli,
} from './support/runCli.ts';
import { createTempDirs } from './support/tempDirs.ts';

const dir = createTempDirs('tm-simulate-')();

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** `npx tensormarket ...` as a user runs it. */
const cli = (args: string[]) => runCli(args, { cwd: dir });

describe('tensormarket scenario', () => {
  it('validate: OK with the resolved runs and horizon, exit 0', () => {
    const r = cli(['scenario', 'validate', join(root, 'scenarios', 'default.yaml')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^OK .*default\.yaml: default, \d+ runs over \w+ \(\d+ days\)/);
  });

  it('validate: every problem with file:line:col, exit 2', () => {
    const bad = file(
      'bad.yaml',
      'name: bad\nruns: lots\nmodel:\n  market:\n    demandVolatilityPerYear: high\n',
    );
    const r = cli(['scenario', 'validate', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bad}:2:1 runs: expected an integer between 1 and 10000000, got "lots"`);
    expect(r.stderr).toContain(
      `${bad}:5:5 model.market.demandVolatilityPerYear: expected a number >= 0, got "high"`,
    );
    expect(r.stderr).toMatch(/INVALID .*bad\.yaml: 2 problems/);
  });

  it('schema: the JSON Schema with the model parameters, defaults and descriptions', () => {
    const r = cli(['scenario', 'schema']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.horizon.default).toBe('2y');
    const model = schema.properties.model;
    expect(model.properties.market.properties.taoPriceUsd).toMatchObject({
      type: 'number',
      default: expect.any(Number),
    });
    expect(model.properties.market.properties.taoPriceUsd.description).toMatch(/\w/);
  });
});

describe('tensormarket simulate', () => {
  it('runs a scenario, writes the outputs and the report, and says where they are', () => {
    const scenario = file('small.yaml', 'name: small\nruns: 30\nhorizon: 90d\nmodel:\n  failRuns: [4]\n');
    const out = join(dir, 'small-out');
    const r = cli(['simulate', scenario, ...modelArgs, '--workers', '2', '--runs', '24', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/small: 24 runs \(23 completed, 1 errored\)/);
    expect(r.stdout).toContain('outputs in small-out/');
    expect(r.stdout).toContain('report: small-out/report.html');
    expect(r.stderr).toMatch(/simulate: 100% \(24\/24 runs, 1 errored/);
    for (const f of ['runs.csv', 'summary.json', 'manifest.json', 'scenario.json', 'report.html'])
      expect(existsSync(join(out, f))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toMatchObject({
      runs: 24,
      workers: 2,
    });
  });

  it('answers per holder class under the headline and reports the attribution the model declares', () => {
    const scenario = file('holders.yaml', 'name: holders\nruns: 40\nhorizon: 180d\nmodel:\n  subnets: 3\n');
    const out = join(dir, 'holders-out');
    const r = cli(['simulate', scenario, ...modelArgs, '--workers', '2', '--out', out]);
    expect(r.status).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const lines = r.stdout.split('\n');
    const headline = lines.findIndex((l) => l.startsWith('  Median return'));
    const [basket, first] = summary.holderClasses as HolderClassStats[];
    expect([basket!.label, first!.label]).toEqual(['Basket holder', 'First-subnet holder']);
    const line = (h: HolderClassStats) =>
      `median ${formatValue(h.median, 'return')}, P(loss) ${formatPercent(h.probNegative)}`;
    expect(lines.slice(headline + 1, headline + 3)).toEqual([
      `  Basket holder:       ${line(basket!)}`,
      `  First-subnet holder: ${line(first!)}`,
    ]);
    // The test model's parts are computed apart from its return: they must still sum to its log.
    expect(summary.attribution).toMatchObject({ of: 'return', count: 40, skipped: 0 });
    expect(summary.attribution.maxResidual).toBeLessThanOrEqual(1e-9);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<h2 id="holder-returns">Returns by holder class</h2>');
    expect(html).toContain('<figure id="chart-attribution-return">');
    expect(existsSync(join(out, 'charts', 'attribution-return.png'))).toBe(true);
  });

  it('refuses a model whose shape declares an outcome it does not have, naming the model and key, exit 2', () => {
    const scenario = file('mis.yaml', 'name: mis\nruns: 2\nhorizon: 10d\n');
    const out = join(dir, 'mis-out');
    const r = cli([
      'simulate',
      scenario,
      '--model',
      `${modelArgs[1]!.split('#')[0]}#misdeclaredModel`,
      '--out',
      out,
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^error \[SHAPE_UNKNOWN_OUTCOME\] model test-misdeclared: shape\.attribution\.parts\[1\]: "fromLuck" is not an outcome of the shape/,
    );
    expect(existsSync(join(out, 'runs.csv'))).toBe(false);
  });

  it('defaults the output folder to out/<scenario name> and --quiet prints only where outputs are', () => {
    const scenario = file('quiet.yaml', 'name: quiet-one\nruns: 5\nhorizon: 30d\n');
    const r = cli(['simulate', scenario, ...modelArgs, '--workers', '1', '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe('outputs in out/quiet-one/');
    expect(existsSync(join(dir, 'out', 'quiet-one', 'summary.json'))).toBe(true);
  });

  it('rejects bad options naming the option, exit 2', () => {
    const scenario = file('opts.yaml', 'name: opts\n');
    const r = cli(['simulate', scenario, ...modelArgs, '--horizon', '2 years']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--horizon: expected a string like "2y"/);
    expect(cli(['simulate', scenario, ...modelArgs, '--workers', 'many']).stderr).toMatch(
      /--workers: expected auto/,
    );
  });

  // A folder that cannot be made: under a regular file, and under /proc, where Node's recursive mkdir
  // used to loop forever. The timeout only guards against a hang; it measures nothing.
  for (const [what, out] of [
    ['under a regular file', () => join(file('plain-file', ''), 'x')],
    ['under /proc', () => '/proc/tensormarket-out'],
  ] as const) {
    it(`--out ${what}: a typed error naming --out, no stack trace, exit 2 before any run`, () => {
      const scenario = file('out.yaml', 'name: out\nruns: 2\nhorizon: 10d\n');
      const r = runCli(['simulate', scenario, ...modelArgs, '--workers', '1', '--out', out()], {
        cwd: dir,
        timeout: 20_000,
      });
      expect(r.signal).toBeNull();
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(
        /^error \[OUT_DIR_UNUSABLE\] --out: cannot create or write the output folder /,
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    });
  }

  it('stops on Ctrl-C: finishes runs in flight, writes partial results and says so', async () => {
    const scenario = file(
      'long.yaml',
      'name: long\nruns: 5000\nhorizon: 1y\nmodel:\n  subnets: 16\n  spinPerStep: 100\n',
    );
    const out = join(dir, 'long-out');
    // Interrupt once the runs are going (past the first progress step).
    const { code, stdout, stderr } = await interruptSimulate({
      scenario,
      out,
      cwd: dir,
      interruptWhen: /simulate: 10%/,
    });
    expect(stderr).toContain('stopping: finishing the runs in flight');
    expect(code).toBe(130);
    expect(stdout).toMatch(/long: stopped: partial results, \d+ of 5000 runs/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.status).toBe('partial');
    expect(manifest.completed).toBeLessThan(5000);
    const rows = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n');
    expect(rows).toHaveLength(manifest.completed + manifest.errored + 1);
  });
});
