/** One problem of a scenario file, located to the line and column, and how it is printed. */

/** A problem at a field of a file. */
export interface ScenarioIssue {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** Dotted field path (`model.market.volatility`, `items[2].x`), empty for the whole file. */
  readonly path: string;
  /** What was expected and what was found. */
  readonly message: string;
}

/**
 * A field path as text: `model.market.volatility`, `agents[2].share`.
 * @example formatPath(['model', 'agents', 2]) // 'model.agents[2]'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/**
 * `file:line:col path: message`, the form editors and terminals link to.
 * @example formatScenarioIssue(issue) // 'scenarios/x.yaml:12:5 model.market.volatility: expected a number >= 0, got "high"'
 */
export function formatScenarioIssue(issue: ScenarioIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.col}`;
  return issue.path === '' ? `${where} ${issue.message}` : `${where} ${issue.path}: ${issue.message}`;
}
