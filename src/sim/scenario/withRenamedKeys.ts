/**
 * Former field names of a scenario object. A model marks an object schema with its renamed fields;
 * the mark travels into the scenario's JSON Schema (keyword `renamedKeys`), where the unknown-field pass
 * reads it to name the new field instead of a guess.
 */
import type { z } from 'zod';

/** The JSON Schema keyword carrying an object's renamed fields (old → new). */
export const RENAMED_KEYS = 'renamedKeys';

/**
 * `schema` marked with its former field names, old → new.
 * @example withRenamedKeys(z.object({ halfLife: z.number() }), { halfLifeDays: 'halfLife' })
 */
export function withRenamedKeys<T extends z.ZodType>(
  schema: T,
  renamed: Readonly<Record<string, string>>,
): T {
  return schema.meta({ [RENAMED_KEYS]: renamed });
}
