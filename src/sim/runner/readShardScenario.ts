/** The scenario a shard ran, read back from its scenario.json and checked against its manifest. */
import { readFileSync } from 'node:fs';
import { InputError } from '../../engine/errors.ts';
import { parseScenario } from '../scenario/parseScenario.ts';
import { scenarioHash } from '../scenario/scenarioHash.ts';
import { type Scenario, toScenarioFile } from '../scenario/scenarioSchema.ts';

/**
 * The scenario in the shard file at `path`; an InputError naming the file when it cannot be read, is not
 * a scenario of this model, or does not hash to `expectedHash` (the shard's manifest's).
 * @example const scenario = readShardScenario(join(dir, 'scenario.json'), manifest.scenarioHash, model.schema)
 */
export function readShardScenario(
  path: string,
  expectedHash: string,
  modelSchema: Parameters<typeof parseScenario>[0]['modelSchema'],
): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new InputError(path, 'cannot be read; the shard is incomplete: run it again', { cause });
  }
  const parsed = parseScenario({ text, file: path, modelSchema });
  if (!parsed.ok)
    throw new InputError(
      path,
      `is not a scenario of this model (${parsed.issues[0]?.message ?? 'invalid'}); the shard is damaged: run it again`,
    );
  const scenario = parsed.scenario as Scenario;
  if (scenarioHash(toScenarioFile(scenario)) !== expectedHash)
    throw new InputError(
      path,
      `does not match the manifest's scenarioHash ${expectedHash}; the shard was altered: run it again`,
    );
  return scenario;
}
