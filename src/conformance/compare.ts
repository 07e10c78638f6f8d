/** Comparison of a handler's actual outputs with a vector's expected values, within its tolerance. */
import type { Json, JsonObject, Tolerance } from './vector.ts';

/** A property the handler checked itself (bounds, orderings, sums): `key` names the expected key. */
export interface Check {
  readonly key: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** What a handler computed for a vector. */
export interface Outcome {
  /** Values keyed like `expected`; compared with the tolerance. */
  readonly actual: JsonObject;
  /** Property checks for expected keys that are not plain values. */
  readonly checks?: readonly Check[];
}

function toNumber(v: number | bigint): number {
  return typeof v === 'bigint' ? Number(v) : v;
}

function numbersClose(expected: number | bigint, actual: number | bigint, tol: Tolerance): boolean {
  if (typeof expected === 'bigint' || typeof actual === 'bigint') {
    if (typeof expected === typeof actual || Number.isInteger(toNumber(expected))) {
      const e = BigInt(expected);
      const a = typeof actual === 'bigint' ? actual : Number.isInteger(actual) ? BigInt(actual) : null;
      if (a !== null) {
        const d = a > e ? a - e : e - a;
        if (d === 0n) return true;
        if (tol.abs !== undefined && Number(d) <= tol.abs) return true;
        if (tol.rel !== undefined && Number(d) <= tol.rel * Math.abs(Number(e))) return true;
        return false;
      }
    }
  }
  const e = toNumber(expected);
  const a = toNumber(actual);
  if (e === a) return true;
  const d = Math.abs(a - e);
  if (tol.abs !== undefined && d <= tol.abs) return true;
  if (tol.rel !== undefined && d <= tol.rel * Math.abs(e)) return true;
  return false;
}

function show(v: Json | undefined): string {
  const text = JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `__big__${x}` : x)) ?? 'undefined';
  return text.replace(/"__big__(-?\d+)"/g, '$1');
}

/** Differences between `expected` and `actual` at `path` (empty when they agree). */
export function diffValues(path: string, expected: Json, actual: Json | undefined, tol: Tolerance): string[] {
  if (expected === null) return [];
  if (actual === undefined) return [`${path}: expected ${show(expected)}, not computed`];
  if (typeof expected === 'number' || typeof expected === 'bigint') {
    if (typeof actual !== 'number' && typeof actual !== 'bigint') {
      return [`${path}: expected ${show(expected)}, got ${show(actual)}`];
    }
    return numbersClose(expected, actual, tol)
      ? []
      : [`${path}: expected ${show(expected)}, got ${show(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return [`${path}: expected ${show(expected)}, got ${show(actual)}`];
    }
    return expected.flatMap((e, i) => diffValues(`${path}[${i}]`, e, actual[i], tol));
  }
  if (typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
      return [`${path}: expected an object, got ${show(actual)}`];
    }
    return Object.entries(expected).flatMap(([k, e]) => diffValues(`${path}.${k}`, e, actual[k], tol));
  }
  return expected === actual ? [] : [`${path}: expected ${show(expected)}, got ${show(actual)}`];
}

/** Keys whose values a vector computed but the chain's test does not assert (see rulepacks.json). */
export const isDerivedKey = (key: string) => key.startsWith('derived_');

/**
 * Per-key absolute tolerances a vector's note states in words, as the chain test's own epsilons
 * ("total_issuance and total_stake within 10 rao", "totals asserted with close(value, target, 2), i.e.
 * |diff| < 2"): each `;`-separated clause names keys (or "totals" for the total_* keys) and a bound.
 * A strict bound `< N` on integers allows N - 1.
 * @example noteTolerances('x within 1 rao; totals within 10 rao', ['x', 'total_stake']) // x → 1, total_stake → 10
 */
export function noteTolerances(note: string | undefined, keys: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  if (note === undefined) return out;
  for (const clause of note.split(';')) {
    const within = /within (\d+(?:\.\d+)?)/.exec(clause);
    const strict = /\|diff\| < (\d+)/.exec(clause) ?? /close\([^,()]+,[^,()]+,\s*(\d+)\)/.exec(clause);
    const bound = within !== null ? Number(within[1]) : strict !== null ? Number(strict[1]) - 1 : null;
    if (bound === null) continue;
    for (const key of keys) {
      const named = new RegExp(`\\b${key}\\b`).test(clause);
      const total = key.startsWith('total_') && /\btotals\b/.test(clause);
      if (named || total) out.set(key, Math.max(out.get(key) ?? 0, bound));
    }
  }
  return out;
}

/** What {@link compareOutcome} found. */
export interface Comparison {
  /** Differences beyond tolerance: the vector fails when any. */
  readonly diffs: string[];
  /** Gaps on `derived_*` keys, reported but not failing (the chain's test does not assert them). */
  readonly notes: string[];
}

/**
 * Every non-null expected key must be either produced in `actual` (and agree) or covered by a check.
 * Keys named `derived_*` are compared for the record only; per-key bounds stated in the tolerance's
 * note widen the vector's own tolerance for those keys.
 */
export function compareOutcome(expected: JsonObject, outcome: Outcome, tol: Tolerance): Comparison {
  const diffs: string[] = [];
  const notes: string[] = [];
  const checks = new Map((outcome.checks ?? []).map((c) => [c.key, c]));
  const perKey = noteTolerances(tol.note, Object.keys(expected));
  for (const [key, value] of Object.entries(expected)) {
    if (value === null) continue;
    const check = checks.get(key);
    if (check !== undefined) {
      if (!check.ok) diffs.push(`${key}: ${check.detail}`);
      continue;
    }
    const stated = perKey.get(key);
    const keyTol = stated === undefined ? tol : { ...tol, abs: Math.max(tol.abs ?? 0, stated) };
    const found = diffValues(key, value, outcome.actual[key], keyTol);
    if (isDerivedKey(key)) notes.push(...found.map((d) => `derived, not asserted by the chain's test: ${d}`));
    else diffs.push(...found);
  }
  return { diffs, notes };
}
