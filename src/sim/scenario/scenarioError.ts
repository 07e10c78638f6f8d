/** The error thrown when a scenario file is invalid: every problem, each with file, line and column. */
import { TensormarketError } from '../../engine/errors.ts';
import { formatScenarioIssue, type ScenarioIssue } from './scenarioIssue.ts';

/** An invalid scenario (code `INVALID_SCENARIO`); the message lists one issue per line. */
export class ScenarioError extends TensormarketError {
  readonly issues: readonly ScenarioIssue[];

  constructor(issues: readonly ScenarioIssue[]) {
    super('INVALID_SCENARIO', issues.map(formatScenarioIssue).join('\n'), { details: { issues } });
    this.issues = issues;
  }
}
