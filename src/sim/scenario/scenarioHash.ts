/** The identity of a resolved scenario: SHA-256 of its canonical JSON (keys sorted at every level). */
import { createHash } from 'node:crypto';
import type { ScenarioFile } from './scenarioSchema.ts';

/**
 * JSON with object keys sorted, no spaces: equal values give equal text.
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/**
 * Hex SHA-256 of the canonical JSON of a scenario file with every default filled in.
 * @example scenarioHash(toScenarioFile(scenario)) // '3f2a…'
 */
export function scenarioHash(file: ScenarioFile): string {
  return createHash('sha256').update(canonicalJson(file)).digest('hex');
}
