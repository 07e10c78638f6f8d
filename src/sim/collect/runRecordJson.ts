/**
 * A run record as JSON that round-trips exactly: the typed arrays travel as base64 of their
 * little-endian bytes, so every float (NaN, −0 and infinities included) comes back bit for bit. Shards
 * write records in this form for `merge`, and a queue carries them between machines, so a result
 * assembled from them is the same bytes as one collected in process.
 */
import { InputError } from '../../engine/errors.ts';
import type { RunOutput } from '../contract/types.ts';
import type { RunRecord } from './runRecord.ts';

/** A run record in JSON: the output's arrays as base64 of little-endian bytes. */
export type RunRecordJson =
  | {
      readonly runIndex: number;
      readonly ok: true;
      readonly steps: string;
      readonly series: string;
      readonly outcomes: string;
      readonly events: string;
    }
  | { readonly runIndex: number; readonly ok: false; readonly message: string; readonly stack?: string };

/** The platform's byte order: typed arrays are written little-endian whatever it is. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function bytesOf(view: Int32Array | Float64Array | Uint8Array): Buffer {
  const bytes = Buffer.from(view.buffer, view.byteOffset, view.byteLength);
  if (LITTLE_ENDIAN || view.BYTES_PER_ELEMENT === 1) return bytes;
  const copy = Buffer.from(bytes);
  return view.BYTES_PER_ELEMENT === 8 ? copy.swap64() : copy.swap32();
}

function arrayOf<T extends Int32Array | Float64Array | Uint8Array>(
  text: unknown,
  make: { new (buffer: ArrayBuffer): T; readonly BYTES_PER_ELEMENT: number },
  field: string,
): T {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text))
    throw new InputError(field, 'expected the base64 of the array’s little-endian bytes');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % make.BYTES_PER_ELEMENT !== 0)
    throw new InputError(
      field,
      `${bytes.length} bytes is not a whole number of ${make.BYTES_PER_ELEMENT}-byte values; the record is cut or altered`,
    );
  if (!LITTLE_ENDIAN) {
    if (make.BYTES_PER_ELEMENT === 8) bytes.swap64();
    else if (make.BYTES_PER_ELEMENT === 4) bytes.swap32();
  }
  // A fresh, aligned buffer: Buffer.from may hand back a slice of a shared pool.
  const buffer = new ArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  return new make(buffer);
}

/**
 * The JSON form of a record.
 * @example JSON.stringify(runRecordToJson(record))
 */
export function runRecordToJson(record: RunRecord): RunRecordJson {
  if (!record.ok)
    return {
      runIndex: record.runIndex,
      ok: false,
      message: record.message,
      ...(record.stack === undefined ? {} : { stack: record.stack }),
    };
  const { steps, series, outcomes, events } = record.output;
  return {
    runIndex: record.runIndex,
    ok: true,
    steps: bytesOf(steps).toString('base64'),
    series: bytesOf(series).toString('base64'),
    outcomes: bytesOf(outcomes).toString('base64'),
    events: bytesOf(events).toString('base64'),
  };
}

/**
 * The record a parsed {@link RunRecordJson} holds; anything else is an InputError naming the field
 * (under `where`, e.g. `shard-2.jsonl line 14`).
 * @example runRecordFromJson(JSON.parse(line), 'records.jsonl line 1').runIndex
 */
export function runRecordFromJson(json: unknown, where = 'record'): RunRecord {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new InputError(where, 'expected a run record object');
  const r = json as Record<string, unknown>;
  const runIndex = r.runIndex;
  if (typeof runIndex !== 'number' || !Number.isSafeInteger(runIndex) || runIndex < 0)
    throw new InputError(
      `${where}.runIndex`,
      `expected a run index (a whole number ≥ 0), got ${String(runIndex)}`,
    );
  if (r.ok === false) {
    if (typeof r.message !== 'string')
      throw new InputError(`${where}.message`, 'expected the errored run’s message as a string');
    if (r.stack !== undefined && typeof r.stack !== 'string')
      throw new InputError(`${where}.stack`, 'expected the errored run’s stack trace as a string, or none');
    return { runIndex, ok: false, message: r.message, ...(r.stack === undefined ? {} : { stack: r.stack }) };
  }
  if (r.ok !== true) throw new InputError(`${where}.ok`, `expected true or false, got ${String(r.ok)}`);
  const output: RunOutput = {
    steps: arrayOf(r.steps, Int32Array, `${where}.steps`),
    series: arrayOf(r.series, Float64Array, `${where}.series`),
    outcomes: arrayOf(r.outcomes, Float64Array, `${where}.outcomes`),
    events: arrayOf(r.events, Uint8Array, `${where}.events`),
  };
  return { runIndex, ok: true, output };
}
