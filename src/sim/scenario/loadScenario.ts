/** Read and validate a scenario file. */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { InputError } from '../../engine/errors.ts';
import { checkScenarioStart } from '../start/checkScenarioStart.ts';
import { parseScenario } from './parseScenario.ts';
import { ScenarioError } from './scenarioError.ts';
import type { Scenario } from './scenarioSchema.ts';

/**
 * The resolved scenario of `file` (YAML or JSON), its `start:` file checked; throws {@link ScenarioError}
 * listing every problem, or an `InputError` when the file cannot be read.
 * @example const scenario = loadScenario({ file: 'scenarios/default.yaml', modelSchema: modelParamsSchema })
 */
export function loadScenario<M extends z.ZodType>({
  file,
  modelSchema,
}: {
  file: string;
  modelSchema: M;
}): Scenario<z.output<M>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new InputError(file, 'cannot be read; check the path', { cause });
  }
  const result = parseScenario({ text, file, modelSchema, checkStart: checkScenarioStart(file) });
  if (!result.ok) throw new ScenarioError(result.issues);
  return result.scenario;
}
