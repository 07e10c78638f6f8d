/**
 * Numbers that plain JSON loses, kept exactly: JSON writes NaN and ±Infinity as null and −0 as 0, so a
 * sweep shard's figures would not merge into the bytes a whole sweep writes. Those four are encoded as
 * the strings "NaN", "Infinity", "-Infinity" and "-0"; every other number is already exact in JSON.
 */

/** The strings that stand for the numbers JSON cannot hold. */
const SPECIAL: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
  '-0': -0,
};

const encodeNumber = (x: number): number | string =>
  Number.isNaN(x) ? 'NaN' : Object.is(x, -0) ? '-0' : Number.isFinite(x) ? x : String(x);

/**
 * A copy of `value` with every non-finite number and −0 (at any depth) replaced by its string.
 * @example JSON.stringify(encodeExactNumbers({ mean: Number.NaN })) // '{"mean":"NaN"}'
 */
export function encodeExactNumbers(value: unknown): unknown {
  if (typeof value === 'number') return encodeNumber(value);
  if (Array.isArray(value)) return value.map(encodeExactNumbers);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeExactNumbers(v)]));
  return value;
}

/**
 * The inverse of {@link encodeExactNumbers}: the four strings become their numbers again (so it is for
 * values whose strings are never those, such as a sweep's points).
 * @example decodeExactNumbers(JSON.parse('{"mean":"-0"}')) // { mean: -0 }
 */
export function decodeExactNumbers(value: unknown): unknown {
  if (typeof value === 'string') return Object.hasOwn(SPECIAL, value) ? SPECIAL[value] : value;
  if (Array.isArray(value)) return value.map(decodeExactNumbers);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeExactNumbers(v)]));
  return value;
}
