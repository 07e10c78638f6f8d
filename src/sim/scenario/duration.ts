/** Durations of simulated time written as `2y`, `180d` or `26w`. */

/** A whole, positive number of days (d), weeks (w) or years (y). */
export const DURATION_PATTERN = /^[1-9][0-9]*[dwy]$/;

/** Days per unit; a year is 365 days (the chain counts blocks, not calendar dates). */
const DAYS_PER_UNIT = { d: 1, w: 7, y: 365 } as const;

/**
 * Days in a duration, or null when the text is not one.
 * @example parseDuration('2y') // 730
 */
export function parseDuration(text: string): number | null {
  if (!DURATION_PATTERN.test(text)) return null;
  const unit = text.at(-1) as keyof typeof DAYS_PER_UNIT;
  return Number(text.slice(0, -1)) * DAYS_PER_UNIT[unit];
}
