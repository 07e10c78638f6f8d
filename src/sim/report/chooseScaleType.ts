/** Scale type of a chart axis. */
export type ScaleType = 'linear' | 'log';

/**
 * Log only when every finite value is positive and they span more than two decades (max/min > 100);
 * otherwise a log axis would hide zeros and negatives, or flatten nothing worth flattening.
 */
export function chooseScaleType(values: Iterable<number>): ScaleType {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let any = false;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v <= 0) return 'linear';
    any = true;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return any && max / min > 100 ? 'log' : 'linear';
}
