/**
 * The JSON Canonicalization Scheme (RFC 8785): the one text of a JSON value that signer and verifier
 * hash. Numbers and strings are written as ECMAScript's JSON.stringify writes them (which is how the RFC
 * defines them), object members sorted by the UTF-16 code units of their names, no whitespace. Values
 * outside I-JSON (a non-finite number, an unpaired surrogate) have no canonical text and are refused.
 * Unlike the transaction envelope's canonical JSON, fractions and any key are allowed.
 */
import { InputError } from '../../engine/errors.ts';

/** With the `u` flag this matches a surrogate only when unpaired, which I-JSON forbids. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

const child = (field: string, key: string | number) =>
  typeof key === 'number' ? `${field}[${key}]` : field === '' ? key : `${field}.${key}`;

function jcsString(text: string, field: string): string {
  if (LONE_SURROGATE.test(text))
    throw new InputError(field, 'contains an unpaired UTF-16 surrogate, which JSON text cannot carry');
  return JSON.stringify(text);
}

/**
 * RFC 8785 text of `value`; `field` names it in errors. Object members whose value is `undefined` are
 * left out, as JSON.stringify leaves them out. Throws an {@link InputError} naming the field for a
 * non-finite number, a bigint, an unpaired surrogate, `undefined` elsewhere, a function, a symbol, or an
 * object that is not plain (a Date, a Map, a typed array: write them as strings or arrays first).
 * @example jcs({ b: 1e21, a: [4.50, 'é'] }) // '{"a":[4.5,"é"],"b":1e+21}'
 */
export function jcs(value: unknown, field = 'body'): string {
  switch (typeof value) {
    case 'string':
      return jcsString(value, field);
    case 'number':
      if (!Number.isFinite(value))
        throw new InputError(field, `${value} is not a JSON number; send a finite number or a string`);
      // ECMAScript's Number-to-String, which RFC 8785 adopts (and -0 becomes 0).
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new InputError(field, `${value}n is a bigint; write it as the decimal string "${value}"`);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((v: unknown, i) => jcs(v, child(field, i))).join(',')}]`;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null)
        throw new InputError(
          field,
          `a ${proto?.constructor?.name ?? 'non-plain object'} has no JSON form here; write it as a string, an array or a plain object`,
        );
      // The default sort compares UTF-16 code units, which is the order RFC 8785 prescribes.
      const keys = Object.keys(value).sort();
      const members: string[] = [];
      for (const key of keys) {
        const member: unknown = (value as Record<string, unknown>)[key];
        if (member === undefined) continue;
        members.push(`${jcsString(key, child(field, key))}:${jcs(member, child(field, key))}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      throw new InputError(field, `a ${typeof value} has no JSON form; remove it or give it a value`);
  }
}
