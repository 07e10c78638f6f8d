/** The check of a scenario's `start:` section: the file it names, relative to the scenario file, must be a starting state. */
import { dirname, resolve } from 'node:path';
import { readStartingState } from './readStartingState.ts';
import type { StartingState } from './startingState.ts';

/**
 * A checker for `parseScenario`'s `checkStart`: null when `start` names a readable starting-state file
 * (relative to `scenarioFile`'s folder), else what is wrong; `onRead` receives the state it read.
 * @example parseScenario({ text, file, modelSchema, checkStart: checkScenarioStart(file) })
 */
export function checkScenarioStart(
  scenarioFile: string,
  onRead?: (state: StartingState) => void,
): (start: string) => string | null {
  return (start) => {
    const r = readStartingState(resolve(dirname(scenarioFile), start));
    if (!r.ok) return `${r.message} (the path is relative to the scenario file)`;
    onRead?.(r.state);
    return null;
  };
}
