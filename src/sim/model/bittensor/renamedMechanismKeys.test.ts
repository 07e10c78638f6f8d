import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parseScenario.ts';
import { formatScenarioIssue } from '../../scenario/scenarioIssue.ts';
import { mechanismsSchema, modelParamsSchema } from './params.ts';
import { RENAMED_MECHANISM_KEYS } from './renamedMechanismKeys.ts';

const parse = (text: string) => parseScenario({ text, file: 's.yaml', modelSchema: modelParamsSchema });

describe('renamed mechanism keys', () => {
  it('each former key is gone from the schema and its new key is there', () => {
    const resolved = mechanismsSchema.parse({}) as Record<string, unknown>;
    for (const [at, renames] of Object.entries(RENAMED_MECHANISM_KEYS)) {
      const level = (at === 'mechanisms' ? resolved : resolved[at]) as Record<string, unknown>;
      for (const [old, now] of Object.entries(renames)) {
        expect(level).toHaveProperty(now);
        expect(level).not.toHaveProperty(old);
      }
    }
  });

  it('a scenario with a former key gets an error naming the new one, at its line and column', () => {
    const r = parse(
      [
        'name: old',
        'model:',
        '  mechanisms:',
        '    periodDays: 7',
        '    usage: { enabled: true }',
        '    covenant: { enabled: true, bondTao: 100 }',
        '    vesting: { vestDays: 90, cliffDays: 30 }',
        '    credits: { releaseDays: 100 }',
        '    usageEmission: { halfLifeDays: 10 }',
        'variants:',
        '  - name: a',
        '    model: { mechanisms: { compute: {}, computeMarket: { taoPerDay: 1 } } }',
        '',
      ].join('\n'),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map(formatScenarioIssue)).toEqual([
      's.yaml:4:5 model.mechanisms.periodDays: renamed to "period"',
      's.yaml:5:5 model.mechanisms.usage: renamed to "usageEmission"',
      's.yaml:6:32 model.mechanisms.covenant.bondTao: renamed to "bond"',
      's.yaml:7:16 model.mechanisms.vesting.vestDays: renamed to "vestDuration"',
      's.yaml:7:30 model.mechanisms.vesting.cliffDays: renamed to "cliff"',
      's.yaml:8:16 model.mechanisms.credits.releaseDays: renamed to "releaseDuration"',
      's.yaml:9:22 model.mechanisms.usageEmission.halfLifeDays: renamed to "halfLife"',
      's.yaml:12:28 variants[0].model.mechanisms.compute: renamed to "computeMarket"',
      's.yaml:12:58 variants[0].model.mechanisms.computeMarket.taoPerDay: renamed to "mint"',
    ]);
  });

  it('the new keys parse', () => {
    const r = parse(
      'name: new\nmodel:\n  mechanisms: { period: 14, usageEmission: { enabled: true, halfLife: 10 }, computeMarket: { mint: 1 } }\n',
    );
    expect(r.ok).toBe(true);
  });
});
