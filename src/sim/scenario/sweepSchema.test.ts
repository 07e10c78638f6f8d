import { describe, expect, it } from 'vitest';
import { testModelParamsSchema } from '../runner/testModel.testkit.ts';
import { parseScenario } from './parseScenario.ts';

const parse = (sweep: string) =>
  parseScenario({ text: `name: s\nsweep:\n${sweep}`, file: 's.yaml', modelSchema: testModelParamsSchema });

/** The issues as `line:col path: message`, for assertions that print them when they fail. */
const issues = (sweep: string) => {
  const r = parse(sweep);
  return r.ok ? [] : r.issues.map((i) => `${i.line}:${i.col} ${i.path}: ${i.message}`);
};

describe('the sweep section', () => {
  it('resolves a sobol sweep as written', () => {
    const r = parse(
      '  method: sobol\n  samples: 16\n  runs: 3\n  outcomes: [return]\n  parameters:\n    drift: {}\n    volatility: { range: [0.2, 1] }\n',
    );
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
    expect(r.scenario.sweep).toEqual({
      method: 'sobol',
      samples: 16,
      runs: 3,
      outcomes: ['return'],
      parameters: { drift: {}, volatility: { range: [0.2, 1] } },
    });
  });

  it('names sweep.parameters.<name> and the known parameters for an unknown one', () => {
    const found = issues('  method: grid\n  parameters:\n    drfit: { values: [0, 1] }\n');
    expect(found, found.join('\n')).toEqual([
      '5:5 sweep.parameters.drfit: not a numeric parameter of the model; it has subnets, drift, volatility, spinPerStep',
    ]);
  });

  it('checks listed values against the parameter and asks for a range the model does not declare', () => {
    const found = issues('  method: grid\n  parameters:\n    subnets: { values: [2, 2.5] }\n');
    expect(
      found.some(
        (t) =>
          t.startsWith('5:') && t.includes('sweep.parameters.subnets.values[1]') && t.includes('integer'),
      ),
      found.join('\n'),
    ).toBe(true);
    const sampled = issues('  method: lhs\n  samples: 4\n  parameters:\n    spinPerStep: {}\n');
    expect(sampled, sampled.join('\n')).toEqual([
      '6:5 sweep.parameters.spinPerStep: the model declares no range for spinPerStep; give one: `range: [low, high]`',
    ]);
  });

  it('refuses a sobol base size that is not a power of 2 and a sampled method without samples', () => {
    expect(issues('  method: sobol\n  samples: 12\n  parameters:\n    drift: {}\n').join('\n')).toContain(
      'sweep.samples: expected a power of 2 for method sobol (e.g. 16, 32, 64), got 12',
    );
    expect(issues('  method: lhs\n  parameters:\n    drift: {}\n').join('\n')).toContain(
      'sweep.samples: method lhs needs samples',
    );
  });

  it('refuses zipped lists of different lengths, values for sampled methods and ranges for listed ones', () => {
    expect(
      issues(
        '  method: zip\n  parameters:\n    drift: { values: [0, 1] }\n    volatility: { values: [0.5] }\n',
      ).join('\n'),
    ).toContain('method zip takes lists of one length, got drift: 2, volatility: 1');
    expect(
      issues('  method: sobol\n  samples: 4\n  parameters:\n    drift: { values: [0] }\n').join('\n'),
    ).toContain('sweep.parameters.drift.values: method sobol samples a `range`, not listed values');
    expect(issues('  method: grid\n  parameters:\n    drift: { range: [0, 1] }\n').join('\n')).toContain(
      'sweep.parameters.drift: expected `values: [...]` for method grid, got none',
    );
    expect(
      issues('  method: lhs\n  samples: 4\n  parameters:\n    drift: { range: [1, 0] }\n').join('\n'),
    ).toContain('expected [low, high] with low < high, got [1, 0]');
  });

  it('reports an unknown field inside the section', () => {
    expect(
      issues('  method: grid\n  sample: 4\n  parameters:\n    drift: { values: [0] }\n').join('\n'),
    ).toContain('sweep.sample: unknown field; did you mean "samples"?');
  });
});
