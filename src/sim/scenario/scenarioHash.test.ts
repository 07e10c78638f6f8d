import { describe, expect, it } from 'vitest';
import { canonicalJson, scenarioHash } from './scenarioHash.ts';
import { resolveScenario, toScenarioFile } from './scenarioSchema.ts';

describe('scenario identity', () => {
  it('sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });
  it('hashes the file form: equal scenarios, equal hashes; any change, another hash', () => {
    const s = resolveScenario({
      name: 'h',
      description: '',
      runs: 10,
      horizon: '2y',
      seed: 1,
      step: 'day' as const,
      recordEvery: 7,
      model: { b: 1, a: 2 },
    });
    const same = { ...toScenarioFile(s), model: { a: 2, b: 1 } };
    expect(scenarioHash(same)).toBe(scenarioHash(toScenarioFile(s)));
    expect(scenarioHash({ ...same, seed: 2 })).not.toBe(scenarioHash(same));
    expect(scenarioHash(same)).toMatch(/^[0-9a-f]{64}$/);
  });
});
