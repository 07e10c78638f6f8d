/**
 * A parameter's plausible range, declared beside its default as schema metadata (keyword `range`), so
 * the scenario's JSON Schema shows it and sensitivity screens read it from the same declaration.
 */
import type { z } from 'zod';

/** The JSON Schema keyword (and zod metadata key) carrying a parameter's range. */
export const RANGE_KEY = 'range';

/** Where a parameter plausibly lies and where that comes from (a dated figure, or a stated assumption). */
export interface ParameterRange {
  readonly low: number;
  readonly high: number;
  /** The source of both ends, e.g. `spec/market.md §4 (May–Jul 2026)` or `assumption: ×0.5–×2 of the default`. */
  readonly source: string;
}

/**
 * `schema` with its plausible range attached (call it last, on the field as the object holds it).
 * @example withRange(z.number().min(0).default(1).describe('...'), { low: 0.5, high: 2, source: 'assumption: ×0.5–×2 of the default' })
 */
export function withRange<T extends z.ZodType>(schema: T, range: ParameterRange): T {
  return schema.meta({ [RANGE_KEY]: range });
}

const isRange = (value: unknown): value is ParameterRange => {
  const r = value as Partial<ParameterRange> | null;
  return (
    r !== null &&
    typeof r === 'object' &&
    typeof r.low === 'number' &&
    typeof r.high === 'number' &&
    typeof r.source === 'string'
  );
};

/**
 * The range declared on `schema` with {@link withRange}, or undefined when it has none.
 * @example rangeOf(marketSchema.shape.jumpsPerYear)?.low
 */
export function rangeOf(schema: z.ZodType): ParameterRange | undefined {
  const value = schema.meta()?.[RANGE_KEY];
  return isRange(value) ? value : undefined;
}
