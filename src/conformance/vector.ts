/**
 * Conformance vectors: parsing (lossless for integers beyond 2^53) and their shared shape.
 * See the vector files' README: each vector has a `kind`, `inputs`, `expected` and a `tolerance`.
 */
import { isLosslessNumber, parse } from 'lossless-json';
import { InputError } from '../engine/errors.ts';

/** A JSON value where integers that do not fit a double exactly are `bigint`. */
export type Json = null | boolean | number | bigint | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** How close an actual value must be to the expected one. */
export interface Tolerance {
  readonly abs?: number;
  readonly rel?: number;
  readonly exact?: boolean;
  readonly note?: string;
}

/** One conformance vector. */
export interface Vector {
  readonly file: string;
  readonly name: string;
  readonly kind: string;
  readonly description: string;
  readonly inputs: JsonObject;
  readonly expected: JsonObject;
  readonly tolerance: Tolerance;
  /** Extra fields some files carry (e.g. `pack` in rulepacks.json). */
  readonly extra: JsonObject;
}

/** Parse JSON text keeping integers beyond 2^53 exact (as bigint). Throws on invalid JSON. */
export function parseLosslessJson(text: string): Json {
  return toJson(parse(text));
}

function toJson(value: unknown): Json {
  if (isLosslessNumber(value)) {
    const text = value.value;
    if (/^-?\d+$/.test(text)) {
      const big = BigInt(text);
      return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(big)
        : big;
    }
    return Number(text);
  }
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
    return out;
  }
  return value as Json;
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);
}

/** Parse the text of a vector file. Unknown fields are ignored; a malformed file is an {@link InputError}. */
export function parseVectorFile(file: string, text: string): Vector[] {
  let root: Json;
  try {
    root = toJson(parse(text));
  } catch (cause) {
    throw new InputError(file, `is not valid JSON (${(cause as Error).message}); fix the syntax`, { cause });
  }
  if (!isObject(root)) throw new InputError(file, 'must be a JSON object with a "vectors" array');
  const vectors = root.vectors;
  if (!Array.isArray(vectors)) throw new InputError(`${file}: vectors`, 'must be an array of vectors');
  return vectors.map((raw, index) => {
    const where = `${file}: vectors[${index}]`;
    if (!isObject(raw)) throw new InputError(where, 'must be an object');
    const { name, kind, description, inputs, expected, tolerance, ...extra } = raw;
    if (typeof name !== 'string' || name === '')
      throw new InputError(`${where}.name`, 'must be a non-empty string');
    if (typeof kind !== 'string' || kind === '')
      throw new InputError(`${where}.kind`, 'must be a non-empty string');
    if (!isObject(inputs)) throw new InputError(`${where}.inputs`, 'must be an object');
    if (!isObject(expected)) throw new InputError(`${where}.expected`, 'must be an object');
    const tol: Tolerance = {};
    if (isObject(tolerance)) {
      if (typeof tolerance.abs === 'number') Object.assign(tol, { abs: tolerance.abs });
      if (typeof tolerance.rel === 'number') Object.assign(tol, { rel: tolerance.rel });
      if (tolerance.exact === true) Object.assign(tol, { exact: true });
      if (typeof tolerance.note === 'string') Object.assign(tol, { note: tolerance.note });
    }
    return {
      file,
      name,
      kind,
      description: typeof description === 'string' ? description : '',
      inputs,
      expected,
      tolerance: tol,
      extra,
    };
  });
}
