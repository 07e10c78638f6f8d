/** One field of a CSV row (RFC 4180). */

/**
 * `text` as a CSV field: quoted when it holds a comma, quote or line break.
 * @example csvField('a, b') // '"a, b"'
 */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
