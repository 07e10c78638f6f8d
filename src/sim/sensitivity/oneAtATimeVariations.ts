/** The variations of a one-at-a-time screen: the baseline, then each parameter at its low and high end. */
import type { RangedParameter } from '../scenario/schemaParameters.ts';
import type { Variation } from '../vary/runVariations.ts';

/** The baseline variation's name (the scenario as it is). */
export const BASELINE = 'baseline';

/** The end of a parameter's range a variation sets. */
export type RangeEnd = 'low' | 'high';

/** The name of the variation that sets `parameter` to one end of its range, e.g. `market.jumpMean@low`. */
export function variationName(parameter: string, end: RangeEnd): string {
  return `${parameter}@${end}`;
}

/**
 * The baseline, then for each parameter in order a variation at its low end and one at its high end.
 * @example oneAtATimeVariations(rangedParameters(schema)).length // 1 + 2 × parameters
 */
export function oneAtATimeVariations(parameters: readonly RangedParameter[]): Variation[] {
  return [
    { name: BASELINE, overrides: [] },
    ...parameters.flatMap((p) =>
      (['low', 'high'] as const).map((end) => ({
        name: variationName(p.path, end),
        overrides: [{ path: p.path, value: p.range[end] }],
      })),
    ),
  ];
}
