/**
 * Fields a model no longer has, with what replaced them. A model marks an object schema with its retired
 * fields; the mark travels into the scenario's JSON Schema (keyword `retiredKeys`), where the
 * unknown-field pass reads it to say what to write instead of listing the fields that remain.
 */
import type { z } from 'zod';

/** The JSON Schema keyword carrying an object's retired fields (field → what replaced it). */
export const RETIRED_KEYS = 'retiredKeys';

/**
 * `schema` marked with its retired fields, each with a sentence on what replaced it.
 * @example withRetiredKeys(z.object({}), { returnedValueMultiple: 'the price now clears from order flow' })
 */
export function withRetiredKeys<T extends z.ZodType>(
  schema: T,
  retired: Readonly<Record<string, string>>,
): T {
  return schema.meta({ [RETIRED_KEYS]: retired });
}
