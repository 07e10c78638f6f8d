/** The check of a scenario's `start:` section: the file it names, relative to the scenario file, must be a starting state. */
import { dirname, resolve } from 'node:path';
import { readStartingState } from './readStartingState.ts';

/**
 * A checker for `parseScenario`'s `checkStart`: null when `start` names a readable starting-state file
 * (relative to `scenarioFile`'s folder), else what is wrong.
 * @example parseScenario({ text, file, modelSchema, checkStart: checkScenarioStart(file) })
 */
export function checkScenarioStart(scenarioFile: string): (start: string) => string | null {
  return (start) => {
    const r = readStartingState(resolve(dirname(scenarioFile), start));
    return r.ok ? null : `${r.message} (the path is relative to the scenario file)`;
  };
}
