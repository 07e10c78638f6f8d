import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseScenario } from './parseScenario.ts';
import { formatScenarioIssue } from './scenarioIssue.ts';

/** A small model section schema standing in for a model's. */
const modelSchema = z
  .object({
    market: z
      .object({
        volatility: z.number().min(0).default(0.7).describe('Yearly volatility. Test default.'),
        drift: z.number().default(0).describe('Yearly drift. Test default.'),
      })
      .prefault({}),
    subnets: z.int().min(1).max(128).default(128).describe('Subnets. Test default.'),
    mode: z.enum(['calm', 'wild']).default('calm').describe('Regime. Test default.'),
  })
  .prefault({});

const messages = (text: string, file = 'scenarios/x.yaml') => {
  const r = parseScenario({ text, file, modelSchema });
  if (r.ok) throw new Error('expected problems');
  return r.issues.map(formatScenarioIssue);
};

describe('parseScenario', () => {
  it('fills every default, the model section included', () => {
    const r = parseScenario({ text: 'name: base\n', file: 'base.yaml', modelSchema });
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    expect(r.scenario).toEqual({
      name: 'base',
      title: 'base',
      description: '',
      runs: 1000,
      horizon: '2y',
      horizonDays: 730,
      seed: 1,
      step: 'day',
      recordEvery: 7,
      recordEveryDays: 7,
      model: { market: { volatility: 0.7, drift: 0 }, subnets: 128, mode: 'calm' },
    });
  });

  it('keeps what the file sets and fills the rest', () => {
    const text =
      'name: b\ntitle: Bear\nruns: 50\nhorizon: 26w\nseed: 9\nstep: tempo\nrecordEvery: 1\nmodel:\n  market:\n    drift: -0.5\n';
    const r = parseScenario({ text, file: 'b.yaml', modelSchema });
    expect(r).toMatchObject({
      ok: true,
      scenario: {
        title: 'Bear',
        runs: 50,
        horizonDays: 182,
        seed: 9,
        step: 'tempo',
        model: { market: { volatility: 0.7, drift: -0.5 } },
      },
    });
  });

  it('names file, line, column, field path, expected and found values in YAML, collecting every problem', () => {
    const text = [
      'name: x', // 1
      'runs: 0', // 2
      'horizon: 3q', // 3
      'step: hour', // 4
      'model:', // 5
      '  subnets: 200', // 6
      '  market:', // 7
      '    volatility: high', // 8
      '    drift: -1', // 9
      '    volatilty: 3', // 10
      'runz: 5', // 11
    ].join('\n');
    expect(messages(text)).toEqual([
      'scenarios/x.yaml:2:1 runs: expected an integer between 1 and 10000000, got 0',
      'scenarios/x.yaml:3:1 horizon: expected a string like "2y", "180d" or "26w" (pattern ^[1-9][0-9]*[dwy]$), got "3q"',
      'scenarios/x.yaml:4:1 step: expected one of "block", "tempo" or "day", got "hour"',
      'scenarios/x.yaml:6:3 model.subnets: expected an integer between 1 and 128, got 200',
      'scenarios/x.yaml:8:5 model.market.volatility: expected a number >= 0, got "high"',
      'scenarios/x.yaml:10:5 model.market.volatilty: unknown field; did you mean "volatility"?',
      'scenarios/x.yaml:11:1 runz: unknown field; did you mean "runs"?',
    ]);
  });

  it('locates problems in JSON files too', () => {
    const text =
      '{\n  "name": "j",\n  "seed": -1,\n  "model": {\n    "mode": "x",\n    "market": { "volatility": "high" }\n  }\n}\n';
    expect(messages(text, 'scenarios/j.json')).toEqual([
      'scenarios/j.json:3:3 seed: expected an integer between 0 and 4294967295, got -1',
      'scenarios/j.json:5:5 model.mode: expected one of "calm" or "wild", got "x"',
      'scenarios/j.json:6:17 model.market.volatility: expected a number >= 0, got "high"',
    ]);
  });

  it('reports a missing required field at its parent', () => {
    expect(messages('runs: 5\n')).toEqual([
      'scenarios/x.yaml:1:1 name: expected a string like "default" or "bear-market" (pattern ^[A-Za-z0-9][A-Za-z0-9._-]*$), got nothing (the field is required)',
    ]);
  });

  it('checks recordEvery against the horizon', () => {
    expect(messages('name: x\nhorizon: 30d\nrecordEvery: 60\n')).toEqual([
      'scenarios/x.yaml:3:1 recordEvery: expected at most the horizon (30 days), got 60',
    ]);
  });

  it('reports syntax errors and empty files with a position', () => {
    const syntax = messages('name: x\nruns: [1,\nfoo: : :\n');
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax[0]).toMatch(/^scenarios\/x\.yaml:\d+:\d+ /);
    expect(messages('{ "name": "x", }', 'a.json')[0]).toMatch(/^a\.json:1:\d+ /);
    expect(messages('')).toEqual(['scenarios/x.yaml:1:1 expected a mapping of fields, got an empty file']);
    expect(messages('- 1\n- 2\n')).toEqual(['scenarios/x.yaml:1:1 expected a mapping of fields, got a list']);
  });
});
