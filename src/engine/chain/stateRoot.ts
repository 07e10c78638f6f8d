/**
 * Deterministic state root: blake2b-256 over a canonical encoding of the state. The encoding is
 * JSON-like text with object keys sorted, maps sorted by key, bigints written as `123n`; so two
 * states have the same root exactly when they hold the same data, whatever order they were built in.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ChainState } from '../state/types.ts';

type Sink = (chunk: string) => void;

function encode(value: unknown, out: Sink): void {
  switch (typeof value) {
    case 'bigint':
      out(`${value}n`);
      return;
    case 'number':
      out(Number.isFinite(value) ? String(value) : 'null');
      return;
    case 'string':
      out(JSON.stringify(value));
      return;
    case 'boolean':
      out(value ? 'true' : 'false');
      return;
    case 'undefined':
      out('null');
      return;
    default:
  }
  if (value === null) {
    out('null');
    return;
  }
  if (Array.isArray(value)) {
    out('[');
    value.forEach((v, i) => {
      if (i > 0) out(',');
      encode(v, out);
    });
    out(']');
    return;
  }
  if (value instanceof Map) {
    const entries = [...value.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out('M{');
    entries.forEach(([k, v], i) => {
      if (i > 0) out(',');
      encode(k, out);
      out(':');
      encode(v, out);
    });
    out('}');
    return;
  }
  const keys = Object.keys(value as object).sort();
  out('{');
  keys.forEach((k, i) => {
    if (i > 0) out(',');
    out(JSON.stringify(k));
    out(':');
    encode((value as Record<string, unknown>)[k], out);
  });
  out('}');
}

/** Canonical text of any state value (exported for tests and debugging). */
export function canonicalEncoding(value: unknown): string {
  const parts: string[] = [];
  encode(value, (c) => parts.push(c));
  return parts.join('');
}

/** Hex blake2b-256 of the canonical encoding of the state. */
export function stateRoot(state: ChainState): string {
  const h = blake2b.create({ dkLen: 32 });
  let buffer = '';
  encode(state, (chunk) => {
    buffer += chunk;
    if (buffer.length > 65_536) {
      h.update(utf8ToBytes(buffer));
      buffer = '';
    }
  });
  h.update(utf8ToBytes(buffer));
  return bytesToHex(h.digest());
}
