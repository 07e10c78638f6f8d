/**
 * Power of ten to divide a chart's values by so that Vega's scale arithmetic (max − min, tick steps)
 * stays finite; 0 for ordinary magnitudes. Axis labels multiply it back, so they show true values.
 */
export function chartExponent(values: Iterable<number>): number {
  let maxAbs = 0;
  for (const v of values) if (Number.isFinite(v) && Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
  return maxAbs > 1e250 ? Math.floor(Math.log10(maxAbs)) : 0;
}
