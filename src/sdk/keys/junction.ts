/**
 * A derivation junction (`//hard` or `/soft` in a secret URI) and its 32-byte chain code, computed as
 * Substrate does: a name that reads as an unsigned 64-bit integer is encoded as that integer (8 bytes,
 * little-endian), any other name as a SCALE string; the encoding is zero-padded to 32 bytes, or replaced
 * by its blake2b-256 hash when longer.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { scaleBytes } from './scaleBytes.ts';

/** One step of a derivation path. */
export interface Junction {
  /** Hard (`//name`): the child cannot be found from the parent's public key. Soft (`/name`): it can. */
  readonly hard: boolean;
  /** The name as written in the path. */
  readonly name: string;
  /** 32 bytes fed to the derivation. */
  readonly chainCode: Uint8Array;
}

const CHAIN_CODE_LENGTH = 32;
const U64_MAX = (1n << 64n) - 1n;

/** Rust's `u64` parsing: ASCII digits with an optional leading `+`, at most 2^64 − 1. */
function asU64(name: string): bigint | undefined {
  if (!/^\+?[0-9]+$/.test(name)) return undefined;
  const n = BigInt(name);
  return n <= U64_MAX ? n : undefined;
}

function u64le(n: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, n, true);
  return out;
}

/**
 * The chain code of a junction name.
 * @example junctionChainCode('Alice') // 0x14416c696365 followed by 26 zero bytes
 */
export function junctionChainCode(name: string): Uint8Array {
  const number = asU64(name);
  const encoded = number === undefined ? scaleBytes(utf8ToBytes(name)) : u64le(number);
  if (encoded.length > CHAIN_CODE_LENGTH) return blake2b(encoded, { dkLen: CHAIN_CODE_LENGTH });
  const code = new Uint8Array(CHAIN_CODE_LENGTH);
  code.set(encoded);
  return code;
}

/** A junction from its name and kind. */
export function junction(name: string, hard: boolean): Junction {
  return { hard, name, chainCode: junctionChainCode(name) };
}
