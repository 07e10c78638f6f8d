/** The JSON files an experiment writes (summary.json, manifest.json, ...), in one format. */

/**
 * `value` as JSON with undefined figures (NaN, ±Infinity) written as null, indented, ending with a
 * newline.
 * @example jsonText({ median: Number.NaN }) // '{\n  "median": null\n}\n'
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
