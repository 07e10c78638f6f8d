import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTempDirs } from '../../../test/support/tempDirs.ts';
import { modelParamsSchema } from '../model/bittensor/params.ts';
import { loadScenario } from '../scenario/loadScenario.ts';
import { parseScenario } from '../scenario/parseScenario.ts';
import { ScenarioError } from '../scenario/scenarioError.ts';
import { scenarioHash } from '../scenario/scenarioHash.ts';
import { toScenarioFile } from '../scenario/scenarioSchema.ts';
import { checkScenarioStart } from './checkScenarioStart.ts';

const tempDir = createTempDirs('tm-start-');
const SCENARIOS = resolve(import.meta.dirname, '..', '..', '..', 'scenarios');
const modelSchema = z.object({});

describe("a scenario's start: section", () => {
  it('names the shipped starting state relative to the scenario file, kept as written', () => {
    const file = join(SCENARIOS, 'recorded.yaml');
    const text = 'name: recorded\nstart: start/mainnet-2026-09-30.json\n';
    const r = parseScenario({ text, file, modelSchema, checkStart: checkScenarioStart(file) });
    expect(r.ok && r.scenario.start).toBe('start/mainnet-2026-09-30.json');
  });

  it('is read at load and carried as data, while scenario.json keeps only the path as written', () => {
    const scenario = loadScenario({
      file: join(SCENARIOS, 'default.yaml'),
      modelSchema: modelParamsSchema,
    });
    expect(scenario.start).toBe('start/mainnet-2026-09-30.json');
    expect(scenario.startingState?.snapshot.block).toBe(9_184_186);
    expect(scenario.startingState?.subnets).toHaveLength(128);
    const file = toScenarioFile(scenario);
    expect('startingState' in file).toBe(false);
    expect(JSON.stringify(file)).not.toContain(SCENARIOS);
  });

  it('a missing or foreign file is an issue located at start, naming the fix', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'other.json'), '{"format":"x"}');
    for (const [start, why] of [
      ['nope.json', /cannot read .*nope\.json \(ENOENT\); make one with tensormarket snapshot import/],
      ['other.json', /other\.json is not a starting-state file \(format: .*\)/],
    ] as const) {
      const file = join(dir, 's.yaml');
      writeFileSync(file, `name: s\nruns: 3\nstart: ${start}\n`);
      let error: unknown;
      try {
        loadScenario({ file, modelSchema });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ScenarioError);
      expect((error as ScenarioError).message).toMatch(
        new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:1 start: `),
      );
      expect((error as ScenarioError).message).toMatch(why);
    }
  });

  it('a scenario without start keeps its fields and hash', () => {
    const r = parseScenario({ text: 'name: plain\n', file: 'plain.yaml', modelSchema });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect('start' in r.scenario).toBe(false);
    const withStart = parseScenario({
      text: 'name: plain\nstart: x.json\n',
      file: 'plain.yaml',
      modelSchema,
    });
    expect(withStart.ok && scenarioHash(toScenarioFile(withStart.scenario))).not.toBe(
      scenarioHash(toScenarioFile(r.scenario)),
    );
  });
});
