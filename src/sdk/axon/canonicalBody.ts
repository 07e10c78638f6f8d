/**
 * The body of a request as it is signed: its RFC 8785 text and the hex blake2b-256 of that text's UTF-8
 * bytes. Every field of the body is covered, whatever the synapse declares. The hash is WebAssembly
 * (hash-wasm), about 20 times faster here than pure JS on large bodies (0.09 against 1.9 ms for 64 KiB).
 */
import { createBLAKE2b } from 'hash-wasm';
import { jcs } from './jcs.ts';

/** 64 lowercase hex digits, no `0x` (as bittensor writes `computed_body_hash`). */
export type BodyHash = string & { readonly __bodyHash: true };

/** A body's canonical text and its hash. */
export interface CanonicalBody {
  /** RFC 8785 text: what a dendrite sends. */
  readonly text: string;
  readonly hash: BodyHash;
}

/** One hasher for the thread: init, update and digest run synchronously, so calls never interleave. */
const blake2b256 = await createBLAKE2b(256);

/**
 * The canonical text and hash of `value`; throws an `InputError` naming the field that has no
 * canonical form (see {@link jcs}).
 * @example canonicalBody({}).hash // 'c09da522dac261c3d2566230bed10d2f3ef13f8e7654576c12e857e07f786098'
 */
export function canonicalBody(value: unknown): CanonicalBody {
  const text = jcs(value);
  blake2b256.init();
  // hash-wasm hashes a string as its UTF-8 bytes.
  blake2b256.update(text);
  return { text, hash: blake2b256.digest('hex') as BodyHash };
}
