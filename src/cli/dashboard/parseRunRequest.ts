/** A start request's body checked field by field: a shipped scenario's file name and optional overrides. */
import { InputError } from '../../engine/errors.ts';
import type { RunRequestJson } from '../../sdk/dashboard/runsApi.ts';

/** The fields a start request may carry. */
const FIELDS: readonly (keyof RunRequestJson)[] = ['scenario', 'runs', 'horizon', 'seed'];

function numberOrText(
  body: Readonly<Record<string, unknown>>,
  field: 'runs' | 'seed',
): number | string | undefined {
  const value = body[field];
  if (value === undefined || typeof value === 'number' || typeof value === 'string') return value;
  throw new InputError(
    field,
    `expected a whole number, got ${JSON.stringify(value)}; leave it out for the scenario's`,
  );
}

/**
 * The request in `body`; an `InputError` naming the field that is missing, unknown or of the wrong type
 * (the values themselves are checked as the command line's are, when the scenario is resolved).
 * @example parseRunRequest({ scenario: 'default.yaml', runs: 50 }) // { scenario: 'default.yaml', runs: 50 }
 */
export function parseRunRequest(body: unknown): RunRequestJson {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new InputError('body', 'expected an object such as {"scenario":"default.yaml","runs":50}');
  const fields = body as Readonly<Record<string, unknown>>;
  const unknown = Object.keys(fields).filter((k) => !(FIELDS as readonly string[]).includes(k));
  if (unknown[0] !== undefined)
    throw new InputError(unknown[0], `is not a field of a run; send only ${FIELDS.join(', ')}`);
  const { scenario, horizon } = fields;
  if (typeof scenario !== 'string' || scenario === '')
    throw new InputError('scenario', 'expected the file name of a shipped scenario, e.g. "default.yaml"');
  if (horizon !== undefined && typeof horizon !== 'string')
    throw new InputError(
      'horizon',
      `expected a duration such as "30d" or "2y", got ${JSON.stringify(horizon)}`,
    );
  const runs = numberOrText(fields, 'runs');
  const seed = numberOrText(fields, 'seed');
  return {
    scenario,
    ...(runs === undefined ? {} : { runs }),
    ...(horizon === undefined ? {} : { horizon }),
    ...(seed === undefined ? {} : { seed }),
  };
}
