/**
 * `tensormarket simulate` with a sensitivity screen, end to end through the command line, on the
 * runner's test model (its drift, volatility and subnets declare ranges).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interruptSimulate, TEST_MODEL_ARGS as modelArgs, runCli } from './support/runCli.ts';
import { createTempDirs } from './support/tempDirs.ts';

const dir = createTempDirs('tm-sensitivity-')();

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const cli = (args: string[]) => runCli(args, { cwd: dir });
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('tensormarket simulate with a sensitivity screen', () => {
  it('writes sensitivity.csv, the summary entry, the manifest record and the tornado first in the report', () => {
    const scenario = file(
      'screen.yaml',
      'name: screen\nruns: 12\nhorizon: 180d\nsensitivity:\n  runs: 4\n  top: 2\n',
    );
    const out = join(dir, 'screen-out');
    const r = cli(['simulate', scenario, ...modelArgs, '--workers', '2', '--out', out]);
    expect(r.stderr).toMatch(/sensitivity: 100% \(28\/28 runs, 0 errored/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/sensitivity: 7 variations x 4 paired runs \(0 errored\)/);
    expect(r.stdout).toContain(
      'Most sensitive of 3 parameters screened one at a time (4 paired runs per variation;',
    );
    expect(r.stdout).toMatch(/\n {2}1\. drift \(-1 … 1\): median /);
    expect(r.stdout).toMatch(/\n {2}3\. /);
    expect(r.stdout).toContain('sensitivity.csv');

    const csv = readFileSync(join(out, 'sensitivity.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(
      'parameter,value,low,high,median_at_low,median_at_base,median_at_high,p_loss_at_low,p_loss_at_base,p_loss_at_high,rank,source',
    );
    expect(csv.slice(1).map((row) => row.split(',')[0])).toContain('drift');
    expect(csv).toHaveLength(4);
    const summary = json(join(out, 'summary.json'));
    expect(summary.sensitivity).toMatchObject({ runs: 4, variations: 7, top: 2, outcome: { key: 'return' } });
    expect(summary.sensitivity.parameters[0].parameter).toBe('drift');
    const manifest = json(join(out, 'manifest.json'));
    expect(manifest.sensitivity).toMatchObject({ runs: 4, variations: 7, totalRuns: 28, status: 'complete' });
    expect(manifest.files).toContain('sensitivity.csv');

    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const section = html.indexOf('<h2 id="sensitivity"');
    expect(section).toBeGreaterThan(html.indexOf('aria-label="Answer"'));
    expect(section).toBeLessThan(html.indexOf('<h2 id="key-figures">'));
    expect(html.slice(section, html.indexOf('</section>', section))).toMatch(
      /<svg[\s\S]*<tspan>drift<\/tspan><tspan [^>]*>-1 … 1<\/tspan>/,
    );
    expect(existsSync(join(out, 'charts', 'tornado-return.png'))).toBe(true);
  });

  it('--sensitivity-runs overrides the scenario: 0 turns the screen off, a count turns it on', () => {
    const scenario = file('plain.yaml', 'name: plain\nruns: 6\nhorizon: 60d\nsensitivity:\n  runs: 3\n');
    const off = join(dir, 'off-out');
    const r = cli([
      'simulate',
      scenario,
      ...modelArgs,
      '--workers',
      '1',
      '--sensitivity-runs',
      '0',
      '--out',
      off,
    ]);
    expect(r.status).toBe(0);
    expect(existsSync(join(off, 'sensitivity.csv'))).toBe(false);
    expect(json(join(off, 'summary.json')).sensitivity).toBeUndefined();
    expect(readFileSync(join(off, 'report.html'), 'utf8')).not.toContain('id="sensitivity"');

    const bare = file('bare.yaml', 'name: bare\nruns: 6\nhorizon: 60d\n');
    const on = join(dir, 'on-out');
    const s = cli(['simulate', bare, ...modelArgs, '--workers', '1', '--sensitivity-runs', '2', '--out', on]);
    expect(s.status).toBe(0);
    expect(json(join(on, 'manifest.json')).sensitivity).toMatchObject({ runs: 2, variations: 7 });
  });

  it('refuses a bad count naming the option or the field, before any run', () => {
    const scenario = file('bad.yaml', 'name: bad\nruns: 4\nhorizon: 30d\n');
    const flag = cli(['simulate', scenario, ...modelArgs, '--sensitivity-runs', 'some']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/--sensitivity-runs: expected an integer between 0 and 100000, got NaN/);
    const field = file('badfield.yaml', 'name: badfield\nruns: 4\nsensitivity:\n  runs: -2\n  top: 0\n');
    const r = cli(['simulate', field, ...modelArgs]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /badfield\.yaml:4:3 sensitivity\.runs: expected an integer between 0 and 100000, got -2/,
    );
    expect(r.stderr).toMatch(
      /badfield\.yaml:5:3 sensitivity\.top: expected an integer between 1 and 100, got 0/,
    );
    expect(existsSync(join(dir, 'out', 'badfield'))).toBe(false);
  });

  it('stops on Ctrl-C in the screen: keeps the main results and the report, writes no screen, exit 130', async () => {
    const scenario = file(
      'long.yaml',
      'name: long\nruns: 4\nhorizon: 1y\nmodel:\n  subnets: 16\n  spinPerStep: 100\nsensitivity:\n  runs: 2000\n',
    );
    const out = join(dir, 'long-out');
    // Interrupt once the runs are going (past the first progress step).
    const { code, stdout, stderr } = await interruptSimulate({
      scenario,
      out,
      cwd: dir,
      interruptWhen: /sensitivity: 10%/,
    });
    expect(stderr).toContain('stopping: finishing the runs in flight');
    expect(code).toBe(130);
    expect(stdout).toMatch(/long: 4 runs \(4 completed, 0 errored\)/);
    expect(stdout).toMatch(/sensitivity: stopped: \d+ of 14000 runs, no screen written/);
    const where = out;
    expect(json(join(where, 'manifest.json'))).toMatchObject({
      status: 'complete',
      sensitivity: { status: 'partial', runs: 2000 },
    });
    expect(existsSync(join(where, 'sensitivity.csv'))).toBe(false);
    expect(json(join(where, 'summary.json')).sensitivity).toBeUndefined();
    expect(readFileSync(join(where, 'report.html'), 'utf8')).not.toContain('id="sensitivity"');
  });
});
