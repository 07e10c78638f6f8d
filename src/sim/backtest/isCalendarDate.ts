/** Whether a text is a real calendar date written YYYY-MM-DD (the recorded files' date format, UTC). */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True for `2025-02-28`, false for `2025-02-30`, `2025-2-28` or `2025-02-28T00:00Z`.
 * @example isCalendarDate('2024-02-29') // true
 */
export function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
