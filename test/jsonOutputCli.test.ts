/**
 * `--json-output` (and `--json`) on the commands that are not btcli's: each prints one JSON document of
 * its published shape, with the figures the command computes, and a failure prints the error shape.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { calibrateDemand } from '../src/cli/calibrate.ts';
import { CLI_ERROR_SHAPE, CLI_JSON_SHAPES, type CliCommand } from '../src/cli/cliJsonShapes.ts';
import { parseEpochCase, runEpochCase } from '../src/cli/epoch.ts';
import { cliJsonSchema } from '../src/cli/schema.ts';
import { amountJson } from '../src/sdk/amount/amount.ts';
import {
  type CliResult,
  TEST_MODEL_ARGS as modelArgs,
  REPO_ROOT as root,
  runCliAsync,
} from './support/runCli.ts';
import { createTempDirs } from './support/tempDirs.ts';

const dir = createTempDirs('tm-json-cli-')();
const cli = (args: string[]) => runCliAsync(args, { cwd: dir });
const epochCase = join(root, 'examples', 'epoch-yuma3.json');

function json(result: CliResult): unknown {
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new Error(`not one JSON document (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/** A command's output read with its published shape, after checking it exited 0. */
function read<C extends CliCommand>(command: C, result: CliResult): z.output<(typeof CLI_JSON_SHAPES)[C]> {
  expect(result.status, `${command}: ${result.stderr}`).toBe(0);
  return CLI_JSON_SHAPES[command].parse(json(result)) as z.output<(typeof CLI_JSON_SHAPES)[C]>;
}

type Run =
  | 'epoch'
  | 'conformance'
  | 'valid'
  | 'invalid'
  | 'demand'
  | 'schema'
  | 'scenarioSchema'
  | 'simulate'
  | 'compare'
  | 'snapshot'
  | 'backtest';
let runs: Record<Run, CliResult>;

// The commands start at once (most of each one's time is start-up).
beforeAll(async () => {
  writeFileSync(join(dir, 'bad.yaml'), 'name: bad\nruns: -3\n');
  writeFileSync(join(dir, 'small.yaml'), 'name: small\nruns: 4\nhorizon: 30d\n');
  writeFileSync(
    join(dir, 'pair.yaml'),
    'name: pair\nruns: 4\nhorizon: 30d\nvariants:\n  - name: calm\n  - name: wild\n    model: { volatility: 1.5 }\n',
  );
  const started = {
    epoch: cli(['epoch', '--in', epochCase, '--path', 'fast', '--json']),
    conformance: cli(['conformance', '--json-output']),
    valid: cli(['scenario', 'validate', join(root, 'scenarios', 'default.yaml'), '--json-output']),
    invalid: cli(['scenario', 'validate', 'bad.yaml', '--json']),
    demand: cli(['calibrate', 'demand', '--json']),
    schema: cli(['schema', 'cli', '--json']),
    scenarioSchema: cli(['scenario', 'schema', '--json-output']),
    simulate: cli(['simulate', 'small.yaml', ...modelArgs, '--workers', '1', '--json-output']),
    compare: cli(['compare', 'pair.yaml', ...modelArgs, '--workers', '1', '--json']),
    snapshot: cli(['snapshot', 'import', '--out', 'start.json', '--json-output']),
    backtest: cli(
      ['backtest', '--from', '2025-02-20', '--to', '2025-02-27', '--runs', '2'].concat([
        '--workers',
        '1',
        '--json-output',
      ]),
    ),
  };
  runs = Object.fromEntries(
    await Promise.all(Object.entries(started).map(async ([k, p]) => [k, await p] as const)),
  ) as Record<Run, CliResult>;
});

describe('--json-output on every command', () => {
  it('epoch: the epochs the engine computes, emissions as amounts', () => {
    const out = read('epoch', runs.epoch);
    const expected = runEpochCase(parseEpochCase(epochCase, readFileSync(epochCase, 'utf8')), 'fast');
    expect(out.epochs.map((e) => e.consensus)).toEqual(expected.map((e) => [...e.consensus]));
    expect(out.epochs.map((e) => e.server_emission)).toEqual(
      expected.map((e) => e.server_emission.map((x) => amountJson(x))),
    );
  });

  it('conformance: every result, counted', () => {
    const out = read('conformance', runs.conformance);
    expect(out.passed + out.failed).toBe(out.results.length);
    expect(out.passed).toBe(out.results.filter((r) => r.status === 'pass').length);
  });

  it('scenario validate: the scenario, or INVALID_SCENARIO with every problem and exit 2', () => {
    expect(read('scenario validate', runs.valid)).toMatchObject({ name: 'default', horizon: '2y' });
    expect(runs.invalid.status).toBe(2);
    const error = CLI_ERROR_SHAPE.parse(json(runs.invalid)).error;
    expect(error.code).toBe('INVALID_SCENARIO');
    expect(error.message).toContain('runs: expected an integer');
  });

  it('calibrate demand, schema cli and scenario schema', () => {
    const out = read('calibrate demand', runs.demand);
    const { estimate } = calibrateDemand({});
    expect(out.estimate.driftPerYear).toBe(estimate.driftPerYear);
    expect(out.estimate.jumpsUp).toBe(estimate.jumpsUp);
    expect(read('schema cli', runs.schema)).toEqual(cliJsonSchema());
    expect(read('scenario schema', runs.scenarioSchema)).toHaveProperty('properties');
  });

  it('simulate and compare: the run’s figures and where its outputs are', () => {
    const sim = read('simulate', runs.simulate);
    expect(sim).toMatchObject({
      scenario: 'small',
      runs: 4,
      completed: 4,
      stopped: false,
      sensitivity: null,
    });
    expect(sim.files).toContain(join(dir, 'out', 'small', 'summary.json'));
    expect(sim.report).toBe(join(dir, 'out', 'small', 'report.html'));
    expect(sim.headline.length).toBeGreaterThan(0);
    const cmp = read('compare', runs.compare);
    expect(cmp).toMatchObject({ variants: ['calm', 'wild'], runs: 4, stopped: false });
    expect(cmp.comparison).toBe(join(dir, 'out', 'pair', 'compare.html'));
  });

  it('snapshot import and backtest: what they wrote and their figures', () => {
    const snap = read('snapshot import', runs.snapshot);
    const written = JSON.parse(readFileSync(join(dir, 'start.json'), 'utf8'));
    expect(snap.out).toBe(join(dir, 'start.json'));
    expect(snap.snapshot).toEqual(written.snapshot);
    expect(snap.gaps).toEqual(written.gaps);
    const bt = read('backtest', runs.backtest);
    expect(bt).toMatchObject({ from: '2025-02-20', to: '2025-02-27', completed: 2, errored: 0 });
    const document = JSON.parse(readFileSync(bt.files.json, 'utf8'));
    expect(document.facts.map((f: { name: string }) => f.name)).toEqual(bt.facts.map((f) => f.name));
  });
});
