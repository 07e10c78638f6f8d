/** Output helpers shared by commands: JSON with bigint support, colours only on a terminal. */
import { relative } from 'node:path';
import pc from 'picocolors';

/** JSON.stringify that writes bigint as a number literal (lossless) and indents. */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? `__big__${v}` : v), 2);
  return text.replace(/"__big__(-?\d+)"/g, '$1');
}

const colour = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
export const green = (s: string) => (colour ? pc.green(s) : s);
export const red = (s: string) => (colour ? pc.red(s) : s);
export const yellow = (s: string) => (colour ? pc.yellow(s) : s);
export const dim = (s: string) => (colour ? pc.dim(s) : s);

/** A figure for JSON: null where it is not a finite number (JSON has no NaN or ∞). */
export const finiteOrNull = (x: number | null): number | null =>
  x !== null && Number.isFinite(x) ? x : null;

/** A path as the user best reads it: relative to the working directory when inside it. */
export function nearPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}
