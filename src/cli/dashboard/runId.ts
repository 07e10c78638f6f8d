/** A run's id: `<scenario name>-<yyyymmdd-hhmmss>` (UTC), with `-2`, `-3`, … when that one is taken. */

/** The start time as `yyyymmdd-hhmmss`, UTC. */
function stamp(at: Date): string {
  const iso = at.toISOString(); // 2026-12-07T03:51:19.123Z
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

/**
 * The first free id for a run of `scenarioName` started `at`.
 * @example runId('default', new Date('2026-12-07T03:51:19Z'), () => false) // 'default-20261207-035119'
 */
export function runId(scenarioName: string, at: Date, taken: (id: string) => boolean): string {
  const base = `${scenarioName}-${stamp(at)}`;
  let id = base;
  for (let n = 2; taken(id); n += 1) id = `${base}-${n}`;
  return id;
}
