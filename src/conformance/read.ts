/**
 * Typed readers for vector inputs. Each throws an InputError naming the field when the value has the
 * wrong shape, so a malformed vector is reported clearly instead of producing a wrong number.
 */
import { InputError } from '../engine/errors.ts';
import { U64_MAX } from '../engine/fixed/index.ts';
import type { Json, JsonObject } from './vector.ts';

function get(obj: JsonObject, key: string): Json {
  const v = obj[key];
  if (v === undefined) throw new InputError(key, 'is missing from the vector inputs');
  return v;
}

/** An integer input as bigint; accepts numbers, bigints and the literals "u64::MAX" / "1e9"-style strings. */
export function big(obj: JsonObject, key: string): bigint {
  return toBig(get(obj, key), key);
}

/** Convert one JSON value to an exact integer. */
export function toBig(v: Json, field: string): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v === 'string') {
    const s = v.replaceAll('_', '').trim();
    if (s === 'u64::MAX') return U64_MAX;
    if (/^-?\d+$/.test(s)) return BigInt(s);
    const m = /^(\d+)e(\d+)$/.exec(s);
    if (m) return BigInt(m[1]!) * 10n ** BigInt(m[2]!);
  }
  throw new InputError(field, `expected an integer, got ${JSON.stringify(String(v))}`);
}

/** A numeric input as a float64. */
export function num(obj: JsonObject, key: string): number {
  return toNum(get(obj, key), key);
}

/** Convert one JSON value to a float64. */
export function toNum(v: Json, field: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  throw new InputError(field, `expected a number, got ${JSON.stringify(String(v))}`);
}

/** An array input. */
export function list(obj: JsonObject, key: string): Json[] {
  const v = get(obj, key);
  if (!Array.isArray(v)) throw new InputError(key, 'expected an array');
  return v;
}

/** An object input. */
export function object(obj: JsonObject, key: string): JsonObject {
  const v = get(obj, key);
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    throw new InputError(key, 'expected an object');
  return v;
}

/** A boolean input. */
export function bool(obj: JsonObject, key: string): boolean {
  const v = get(obj, key);
  if (typeof v !== 'boolean') throw new InputError(key, 'expected true or false');
  return v;
}

/** A string input. */
export function str(obj: JsonObject, key: string): string {
  const v = get(obj, key);
  if (typeof v !== 'string') throw new InputError(key, 'expected a string');
  return v;
}

/** A rational written as "a/b" (e.g. a Perquintill weight) as [numerator, denominator]. */
export function fraction(obj: JsonObject, key: string): [bigint, bigint] {
  const v = get(obj, key);
  if (typeof v === 'string') {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(v);
    if (m) return [BigInt(m[1]!), BigInt(m[2]!)];
  }
  throw new InputError(key, `expected a fraction "a/b", got ${JSON.stringify(String(v))}`);
}
