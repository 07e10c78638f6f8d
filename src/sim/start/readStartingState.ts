/** Read a starting-state file and check it against the format, as a result (a bad file is a user mistake). */
import { readFileSync } from 'node:fs';
import { formatPath } from '../scenario/scenarioIssue.ts';
import { type StartingState, startingStateSchema } from './startingState.ts';

/** The state, or why the file cannot be used (one sentence naming the problem and the fix). */
export type ReadStartingStateResult =
  | { readonly ok: true; readonly state: StartingState }
  | { readonly ok: false; readonly message: string };

/** Problems listed in a message before the rest are counted. */
const SHOWN = 3;

/**
 * Read `path` as a starting-state file (the format `tensormarket snapshot import` writes).
 * @example const r = readStartingState('scenarios/start/mainnet-2026-09-30.json'); r.ok && r.state.snapshot.block
 */
export function readStartingState(path: string): ReadStartingStateResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? String(cause);
    return {
      ok: false,
      message: `cannot read ${path} (${reason}); make one with tensormarket snapshot import`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return {
      ok: false,
      message: `${path} is not JSON (${reason}); make it with tensormarket snapshot import`,
    };
  }
  const parsed = startingStateSchema.safeParse(value);
  if (parsed.success) return { ok: true, state: parsed.data };
  const issues = parsed.error.issues;
  const shown = issues.slice(0, SHOWN).map((i) => `${formatPath(i.path) || '(file)'}: ${i.message}`);
  const more = issues.length > SHOWN ? `, and ${issues.length - SHOWN} more` : '';
  return {
    ok: false,
    message: `${path} is not a starting-state file (${shown.join('; ')}${more}); make it again with tensormarket snapshot import`,
  };
}
