/**
 * The canonical JSON of signed data, so that signer and verifier hash the same bytes: object keys sorted
 * (printable ASCII only, so any byte-wise sort agrees), no whitespace, strings escaped as JSON.stringify
 * does, numbers only as safe integers. Anything else is refused, naming the field.
 */
import { TransactionError } from './transactionError.ts';

/** Printable ASCII without `"` and `\`: keys never need escaping and sort the same in every language. */
const KEY = /^[\x20\x21\x23-\x5b\x5d-\x7e]+$/;
/** With the `u` flag this matches a surrogate only when unpaired, which UTF-8 cannot carry. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

const malformed = (field: string, message: string) => new TransactionError('MALFORMED', field, message);
const child = (field: string, key: string | number) =>
  typeof key === 'number' ? `${field}[${key}]` : field === '' ? key : `${field}.${key}`;

/**
 * Canonical JSON text of `value`; `field` names it in errors. Throws `MALFORMED` for a fraction, an
 * integer of 2^53 or more, a bigint (write amounts as decimal strings), `undefined`, an unpaired surrogate
 * or an object key outside printable ASCII.
 * @example canonicalJson({ b: [1, 'x'], a: null }, 'args') // '{"a":null,"b":[1,"x"]}'
 */
export function canonicalJson(value: unknown, field: string): string {
  switch (typeof value) {
    case 'string':
      if (LONE_SURROGATE.test(value)) throw malformed(field, 'contains an unpaired UTF-16 surrogate');
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value))
        throw malformed(
          field,
          `${value} is not a safe integer; numbers are integers below 2^53, amounts are decimal strings`,
        );
      return JSON.stringify(value);
    case 'boolean':
      return JSON.stringify(value);
    case 'bigint':
      throw malformed(field, `${value}n is a bigint; write it as the decimal string "${value}"`);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value))
        return `[${value.map((v, i) => canonicalJson(v, child(field, i))).join(',')}]`;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null)
        throw malformed(
          field,
          'is not a plain object (write a Uint8Array as 0x-hex, a Date as a block number)',
        );
      const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const parts = entries.map(([k, v]) => {
        if (!KEY.test(k))
          throw malformed(child(field, k), 'a key must be printable ASCII without quotes or backslashes');
        return `${JSON.stringify(k)}:${canonicalJson(v, child(field, k))}`;
      });
      return `{${parts.join(',')}}`;
    }
    default:
      throw malformed(field, `a ${typeof value} has no JSON form; remove it or give it a value`);
  }
}
