/** Read and validate a scenario file. */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { InputError } from '../../engine/errors.ts';
import { checkScenarioStart } from '../start/checkScenarioStart.ts';
import type { StartingState } from '../start/startingState.ts';
import { parseScenario } from './parseScenario.ts';
import { checkTimelineDate } from './ruleTimeline.ts';
import { ScenarioError } from './scenarioError.ts';
import type { Scenario } from './scenarioSchema.ts';

/**
 * The resolved scenario of `file` (YAML or JSON) with the starting state its `start:` names, read once
 * here so that runs in worker threads get the figures rather than a path to resolve; throws {@link ScenarioError}
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
  let startingState: StartingState | undefined;
  const checkStart = checkScenarioStart(file, (state) => {
    startingState = state;
  });
  const result = parseScenario({ text, file, modelSchema, checkStart });
  if (!result.ok) throw new ScenarioError(result.issues);
  checkTimelineDate(
    result.scenario.rules,
    result.scenario.startDate ?? startingState?.snapshot.date?.slice(0, 10),
  );
  return startingState === undefined ? result.scenario : { ...result.scenario, startingState };
}
