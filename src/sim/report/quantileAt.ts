/** Percent level of a quantile key (`p5` → 5, `p99` → 99, `0.05` → 5), or NaN if it is not one. */
export function quantileLevel(key: string): number {
  const m = /^[pq]?(\d+(?:\.\d+)?)$/i.exec(key.trim());
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  // A bare fraction (`0.05`) is a level in [0, 1]; `p5` and `5` are percents.
  return /^[pq]/i.test(key.trim()) || n > 1 ? n : n * 100;
}

/** The quantile at `percent` (e.g. 5 for p5) from an OutcomeStats quantile record, or NaN if absent. */
export function quantileAt(quantiles: Readonly<Record<string, number>>, percent: number): number {
  for (const [key, value] of Object.entries(quantiles)) {
    if (Math.abs(quantileLevel(key) - percent) < 1e-9) return value;
  }
  return Number.NaN;
}
