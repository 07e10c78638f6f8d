/**
 * The store's text encoding of chain data: JSON in which the values JSON cannot hold are tagged objects
 * with one reserved key, so that bigints, Maps, `undefined` (kept apart from an absent key) and
 * non-finite or negative-zero numbers come back exactly. Decoding gives a state with the same state root,
 * the same Map order and the same object key order as the one encoded.
 *
 *   123n            -> {"$n":"123"}
 *   new Map([[k,v]]) -> {"$m":[[k,v]]}
 *   undefined        -> {"$u":0}
 *   NaN, -0          -> {"$f":"NaN"}, {"$f":"-0"}
 *   {"$n": x}        -> {"$o":{"$n": x}}   (a plain object that looks like a tag is escaped)
 */
import type { ChainState } from '../../engine/index.ts';
import { StoreError } from './storeError.ts';

/** JSON text as the codec writes it. */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const BIGINT = '$n';
const MAP = '$m';
const UNDEFINED = '$u';
const NUMBER = '$f';
const ESCAPED = '$o';
const TAGS: ReadonlySet<string> = new Set([BIGINT, MAP, UNDEFINED, NUMBER, ESCAPED]);
/** The numbers JSON cannot write, as the codec names them. */
const SPECIAL_NUMBERS: ReadonlySet<string> = new Set(['NaN', 'Infinity', '-Infinity', '-0']);

/** The one key of an object when it has exactly one and that key is a tag. */
function tagOf(object: object): string | undefined {
  const keys = Object.keys(object);
  return keys.length === 1 && TAGS.has(keys[0]!) ? keys[0] : undefined;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function unencodable(field: string, what: string): StoreError {
  return new StoreError('UNENCODABLE_VALUE', {
    field,
    message: `holds ${what}, which the store cannot encode`,
    fix: 'keep chain data to plain objects, arrays, Maps, strings, numbers, bigints, booleans, null and undefined',
  });
}

function toJson(value: unknown, field: string): Json {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON writes NaN and ±Infinity as null and -0 as 0: tag them to keep them.
      if (Number.isFinite(value) && !Object.is(value, -0)) return value;
      return { [NUMBER]: Object.is(value, -0) ? '-0' : String(value) };
    case 'bigint':
      return { [BIGINT]: value.toString() };
    case 'undefined':
      return { [UNDEFINED]: 0 };
    case 'object':
      break;
    default:
      throw unencodable(field, `a ${typeof value}`);
  }
  if (value === null) return null;
  if (Array.isArray(value)) {
    // An index loop (not map) so that holes come back as undefined rather than as null.
    const out: Json[] = [];
    for (let i = 0; i < value.length; i++) out.push(toJson(value[i], `${field}[${i}]`));
    return out;
  }
  if (value instanceof Map) {
    let i = 0;
    const entries: Json[] = [];
    for (const [k, v] of value) {
      entries.push([toJson(k, `${field}.<key ${i}>`), toJson(v, `${field}.get(${String(k)})`)]);
      i++;
    }
    return { [MAP]: entries };
  }
  if (!isPlainObject(value)) throw unencodable(field, `a ${value.constructor?.name ?? 'class'} instance`);
  const fields: { [key: string]: Json } = {};
  for (const key of Object.keys(value)) {
    // Defined as data properties so that a key named __proto__ stays a key.
    Object.defineProperty(fields, key, {
      value: toJson((value as Record<string, unknown>)[key], `${field}.${key}`),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return tagOf(fields) === undefined ? fields : { [ESCAPED]: fields };
}

function corrupt(field: string, message: string, cause?: unknown): StoreError {
  return new StoreError('CORRUPT_VALUE', {
    field,
    message,
    fix: 'the stored data is damaged or was written by another version: restore the file or start with --fresh',
    ...(cause === undefined ? {} : { cause }),
  });
}

function fieldsFromJson(object: { [key: string]: Json }, field: string): Record<string, unknown> {
  // fromEntries defines data properties, so a stored key named __proto__ stays a key.
  return Object.fromEntries(Object.keys(object).map((k) => [k, fromJson(object[k]!, `${field}.${k}`)]));
}

function fromJson(json: Json, field: string): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map((v, i) => fromJson(v, `${field}[${i}]`));
  const tag = tagOf(json);
  if (tag === undefined) return fieldsFromJson(json, field);
  const body = json[tag]!;
  switch (tag) {
    case BIGINT:
      if (typeof body !== 'string' || !/^-?\d+$/.test(body))
        throw corrupt(field, 'a bigint that is no integer');
      return BigInt(body);
    case MAP: {
      if (!Array.isArray(body)) throw corrupt(field, 'a Map without its entries');
      return new Map(
        body.map((entry, i) => {
          if (!Array.isArray(entry) || entry.length !== 2)
            throw corrupt(`${field}[${i}]`, 'a Map entry not a pair');
          return [fromJson(entry[0]!, `${field}.<key ${i}>`), fromJson(entry[1]!, `${field}.<value ${i}>`)];
        }),
      );
    }
    case UNDEFINED:
      return undefined;
    case NUMBER:
      if (typeof body !== 'string' || !SPECIAL_NUMBERS.has(body)) throw corrupt(field, 'a bad number');
      return body === '-0' ? -0 : Number(body);
    default:
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        throw corrupt(field, 'an escaped object that is no object');
      }
      return fieldsFromJson(body, field);
  }
}

/** Text of any chain value (extrinsic, receipt, event, envelope); `field` names it in errors. */
export function encodeValue(value: unknown, field: string): string {
  return JSON.stringify(toJson(value, field));
}

/**
 * The value `encodeValue` wrote. The type is the caller's claim: the store decodes what it wrote
 * itself, and the codec checks only the encoding.
 */
export function decodeValue<T>(text: string, field: string): T {
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch (cause) {
    throw corrupt(field, 'is not JSON', cause);
  }
  return fromJson(json, field) as T;
}

/**
 * Text of a chain state, decoded by {@link decodeState} to a state with the same state root.
 * @example decodeState(encodeState(state)) // same stateRoot as state
 */
export function encodeState(state: ChainState): string {
  return encodeValue(state, 'state');
}

/** The chain state `encodeState` wrote. */
export function decodeState(text: string): ChainState {
  return decodeValue<ChainState>(text, 'state');
}
