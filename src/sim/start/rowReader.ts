/** Typed reads of one CSV record's fields by column name, collecting a problem for each bad field. */
import type { SnapshotProblem } from './snapshotError.ts';

/** Reads the fields of one record; every failed read adds a problem and returns a placeholder. */
export interface RowReader {
  readonly line: number;
  /** The raw text of a column. */
  text(column: string): string;
  /** A whole number in `[min, max]`; `null` for an empty cell when `nullable`. */
  int(column: string, opts?: { min?: number; max?: number; nullable?: false }): number;
  int(column: string, opts: { min?: number; max?: number; nullable: true }): number | null;
  /** A finite decimal number in `[min, max]`; `null` for an empty cell when `nullable`. */
  num(column: string, opts?: { min?: number; max?: number; nullable?: false }): number;
  num(column: string, opts: { min?: number; max?: number; nullable: true }): number | null;
  /** A `0`/`1` flag. */
  flag(column: string): boolean;
  /** A UTC time written `YYYY-MM-DD HH:MM:SS`, as ISO 8601 (`…T…Z`); `null` for an empty cell when `nullable`. */
  utc(column: string, opts?: { nullable?: false }): string;
  utc(column: string, opts: { nullable: true }): string | null;
  /** Record a problem at this line. */
  problem(column: string, message: string): void;
  /** Whether every named column was read without a problem (checks across columns need them all). */
  ok(...columns: string[]): boolean;
}

const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const INTEGER = /^-?\d+$/;
const UTC = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

/**
 * A reader over `fields`, named by `header`; problems go to `problems` with `file` and `line`.
 * @example const r = rowReader({ file, line: 3, header, fields, problems }); r.int('netuid', { min: 1 })
 */
export function rowReader(args: {
  file: string;
  line: number;
  header: readonly string[];
  fields: readonly string[];
  problems: SnapshotProblem[];
}): RowReader {
  const { file, line, header, fields, problems } = args;
  const index = new Map(header.map((name, i) => [name, i]));
  const failed = new Set<string>();
  const problem = (column: string, message: string) => {
    failed.add(column);
    problems.push({ file, line, column, message });
  };
  const text = (column: string) => fields[index.get(column) ?? -1] ?? '';
  const range = (value: number, min: number | undefined, max: number | undefined) =>
    (min === undefined || value >= min) && (max === undefined || value <= max);
  const bounds = (min: number | undefined, max: number | undefined) =>
    min !== undefined && max !== undefined
      ? `between ${min} and ${max}`
      : min !== undefined
        ? `>= ${min}`
        : max !== undefined
          ? `<= ${max}`
          : '';
  const read = (
    column: string,
    kind: 'whole number' | 'number',
    opts: { min?: number; max?: number; nullable?: boolean } = {},
  ): number | null => {
    const raw = text(column).trim();
    if (raw === '') {
      if (opts.nullable === true) return null;
      problem(column, `is empty; write a ${kind} ${bounds(opts.min, opts.max)}`.trimEnd());
      return 0;
    }
    const ok = kind === 'whole number' ? INTEGER.test(raw) : DECIMAL.test(raw);
    const value = Number(raw);
    if (!ok || !Number.isFinite(value) || (kind === 'whole number' && !Number.isSafeInteger(value))) {
      problem(column, `expected a ${kind}, got "${raw}"; write digits only (no units or separators)`);
      return 0;
    }
    if (!range(value, opts.min, opts.max)) {
      problem(column, `${raw} is out of range; write a ${kind} ${bounds(opts.min, opts.max)}`);
      return 0;
    }
    return value;
  };
  return {
    line,
    text,
    int: ((column: string, opts?: { min?: number; max?: number; nullable?: boolean }) =>
      read(column, 'whole number', opts)) as RowReader['int'],
    num: ((column: string, opts?: { min?: number; max?: number; nullable?: boolean }) =>
      read(column, 'number', opts)) as RowReader['num'],
    flag: (column) => {
      const raw = text(column).trim();
      if (raw !== '0' && raw !== '1') problem(column, `expected 0 or 1, got "${raw}"; write 0 or 1`);
      return raw === '1';
    },
    utc: ((column: string, opts?: { nullable?: boolean }) => {
      const raw = text(column).trim();
      if (raw === '' && opts?.nullable === true) return null;
      const m = UTC.exec(raw);
      const iso = m === null ? '' : `${m[1]}T${m[2]}Z`;
      const ms = m === null ? Number.NaN : Date.parse(iso);
      // The round trip refuses times that Date would roll over (2026-02-30, 24:00:00).
      if (Number.isNaN(ms) || new Date(ms).toISOString() !== `${m?.[1]}T${m?.[2]}.000Z`) {
        problem(column, `expected a UTC time YYYY-MM-DD HH:MM:SS, got "${raw}"; write it in that form`);
        return '';
      }
      return iso;
    }) as RowReader['utc'],
    problem,
    ok: (...columns) => columns.every((c) => !failed.has(c)),
  };
}
