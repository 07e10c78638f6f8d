import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parseScenario.ts';
import { formatScenarioIssue } from '../../scenario/scenarioIssue.ts';
import { modelParamsSchema } from './params.ts';

const parse = (text: string) => parseScenario({ text, file: 's.yaml', modelSchema: modelParamsSchema });

describe('retired model fields', () => {
  it('a scenario with one is told what replaced it, at its line, instead of a list of fields', () => {
    const r = parse(
      [
        'name: old',
        'model:',
        '  market:',
        '    returnedValueMultiple: 2',
        '  stakers:',
        '    yieldSensitivity: 3',
      ].join('\n'),
    );
    expect(r.ok).toBe(false);
    const lines = r.ok ? [] : r.issues.map(formatScenarioIssue);
    expect(lines).toEqual([
      expect.stringMatching(
        /^s\.yaml:4:5 model\.market\.returnedValueMultiple: no longer a field: the TAO price clears from order flow.*; remove it$/,
      ),
      expect.stringMatching(
        /^s\.yaml:6:5 model\.stakers\.yieldSensitivity: no longer a field: alpha holders' valuation .*; remove it$/,
      ),
    ]);
  });

  it('keeps the fields that remain', () => {
    const params = modelParamsSchema.parse({});
    expect(Object.keys(params.stakers)).toEqual(['darkExitPerDay']);
    expect(params.market).not.toHaveProperty('returnedValueMultiple');
  });
});
