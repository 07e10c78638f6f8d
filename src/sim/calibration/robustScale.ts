/** A robust centre and scale of a sample: the median and the normal-consistent MAD. */

/** Factor that makes the median absolute deviation estimate a normal sample's standard deviation (1/Φ⁻¹(0.75)). */
export const MAD_TO_STDEV = 1.482602218505602;

/** The median of a non-empty sample (mean of the two middle values when the count is even). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError('median of an empty sample');
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Centre = median, scale = 1.4826 × median |x − median|: a standard deviation that a few outliers
 * cannot inflate, so it can decide which returns are outliers (jumps).
 */
export function robustScale(xs: readonly number[]): { centre: number; scale: number } {
  const centre = median(xs);
  return { centre, scale: MAD_TO_STDEV * median(xs.map((x) => Math.abs(x - centre))) };
}
