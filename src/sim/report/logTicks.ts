/**
 * Tick values for a log axis over [min, max] (both > 0): 1-2-5 steps when the range spans at most three
 * decades, powers of ten otherwise (thinned to about eight ticks). Vega's own log ticks label every
 * minor step, which crowds the axis.
 */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max >= min) || !Number.isFinite(max)) return [];
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const steps = Math.log10(max / min) <= 3 ? [1, 2, 5] : [1];
  const every = Math.max(1, Math.ceil((hi - lo + 1) / 8));
  const ticks: number[] = [];
  for (let k = lo; k <= hi; k += every) {
    for (const s of steps) {
      // Parsing the decimal text keeps 0.1·3 style float noise out of the labels.
      const v = Number(`${s}e${k}`);
      if (v >= min * (1 - 1e-12) && v <= max * (1 + 1e-12)) ticks.push(v);
    }
  }
  return ticks;
}
