/** The value if it is a finite number, else `null` (which Vega skips: lines break, areas gap). */
export function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
