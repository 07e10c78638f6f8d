/**
 * SS58 account addresses, as Substrate writes them: base58 of `prefix ‖ publicKey ‖ checksum`, where the
 * checksum is the first 2 bytes of blake2b-512("SS58PRE" ‖ prefix ‖ publicKey). Only 32-byte accounts.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base58 } from '@scure/base';
import { Ss58Error } from './ss58Error.ts';

/** The network prefix of addresses here: 42, Substrate's generic prefix, which Bittensor uses. */
export const SS58_PREFIX = 42;

/** A checked SS58 address of a 32-byte account. */
export type Ss58Address = string & { readonly __ss58: true };

/** A decoded address: the account's public key and the network prefix it was written for. */
export interface DecodedSs58 {
  readonly publicKey: Uint8Array;
  readonly prefix: number;
}

const PUBLIC_KEY_LENGTH = 32;
const CHECKSUM_LENGTH = 2;
/** The largest prefix the two-byte form can carry (14 bits). */
const MAX_PREFIX = 16383;
/** Reserved by the SS58 registry; Substrate refuses them. */
const RESERVED_PREFIXES: ReadonlySet<number> = new Set([46, 47]);
const CHECKSUM_DOMAIN = utf8ToBytes('SS58PRE');

function checkPrefix(prefix: number): void {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > MAX_PREFIX || RESERVED_PREFIXES.has(prefix))
    throw new Ss58Error(
      'SS58_BAD_PREFIX',
      `prefix: ${prefix} is not a network prefix; use an integer in 0–${MAX_PREFIX} other than 46 and 47`,
    );
}

/** 0–63 in one byte; 64–16383 in two bytes, 6 low bits of the first carrying bits 2–7 of the prefix. */
function prefixBytes(prefix: number): Uint8Array {
  if (prefix < 64) return Uint8Array.of(prefix);
  return Uint8Array.of(((prefix & 0xfc) >> 2) | 0x40, (prefix >> 8) | ((prefix & 0x03) << 6));
}

function checksum(prefixAndKey: Uint8Array): Uint8Array {
  return blake2b(concatBytes(CHECKSUM_DOMAIN, prefixAndKey), { dkLen: 64 }).subarray(0, CHECKSUM_LENGTH);
}

/**
 * The SS58 address of a 32-byte public key for network `prefix` (42 unless given).
 * @example encodeSs58(alicePublicKey) // '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'
 */
export function encodeSs58(publicKey: Uint8Array, prefix: number = SS58_PREFIX): Ss58Address {
  if (publicKey.length !== PUBLIC_KEY_LENGTH)
    throw new Ss58Error(
      'SS58_BAD_LENGTH',
      `publicKey: ${publicKey.length} bytes; an account public key has ${PUBLIC_KEY_LENGTH}`,
    );
  checkPrefix(prefix);
  const body = concatBytes(prefixBytes(prefix), publicKey);
  return base58.encode(concatBytes(body, checksum(body))) as Ss58Address;
}

/**
 * Decode and check an SS58 address. With `prefix` a number (42 unless given), an address of another
 * network is refused (`SS58_WRONG_NETWORK`); with `'any'` every valid prefix is accepted.
 * @example decodeSs58('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY').prefix // 42
 */
export function decodeSs58(address: string, prefix: number | 'any' = SS58_PREFIX): DecodedSs58 {
  const known = DECODED.get(address) ?? remember(address, readSs58(address));
  if (prefix !== 'any' && known.prefix !== prefix)
    throw new Ss58Error(
      'SS58_WRONG_NETWORK',
      `address: "${address}" is written for network prefix ${known.prefix}; this network uses ${prefix}`,
    );
  // A copy: the remembered key is shared by every later decode of the address.
  return { publicKey: known.publicKey.slice(), prefix: known.prefix };
}

/**
 * Addresses decoded lately: a node checks the same few accounts' addresses in every transaction, and a
 * decode costs two base58 passes and a blake2b-512 checksum. Bounded; the oldest is forgotten first.
 */
const DECODED = new Map<string, DecodedSs58>();
const DECODED_LIMIT = 16_384;

function remember(address: string, decoded: DecodedSs58): DecodedSs58 {
  if (DECODED.size >= DECODED_LIMIT) DECODED.delete(DECODED.keys().next().value!);
  DECODED.set(address, decoded);
  return decoded;
}

/** Decode and check `address` whatever its network prefix. */
function readSs58(address: string): DecodedSs58 {
  let data: Uint8Array;
  try {
    data = base58.decode(address);
  } catch (cause) {
    throw new Ss58Error(
      'SS58_BAD_BASE58',
      `address: "${address}" is not base58 (letters and digits other than 0, O, I and l)${cause instanceof Error ? `: ${cause.message}` : ''}`,
    );
  }
  const first = data[0] ?? 0;
  if (first >= 128)
    throw new Ss58Error('SS58_BAD_PREFIX', `address: "${address}" starts with no valid network prefix`);
  const prefixLength = first < 64 ? 1 : 2;
  if (data.length !== prefixLength + PUBLIC_KEY_LENGTH + CHECKSUM_LENGTH)
    throw new Ss58Error(
      'SS58_BAD_LENGTH',
      `address: "${address}" holds ${data.length} bytes; a 32-byte account address holds ${prefixLength + PUBLIC_KEY_LENGTH + CHECKSUM_LENGTH}`,
    );
  const second = data[1]!;
  const decodedPrefix =
    prefixLength === 1 ? first : (((first << 2) | (second >> 6)) & 0xff) | ((second & 0x3f) << 8);
  checkPrefix(decodedPrefix);
  const body = data.subarray(0, prefixLength + PUBLIC_KEY_LENGTH);
  const expected = checksum(body);
  const found = data.subarray(prefixLength + PUBLIC_KEY_LENGTH);
  if (expected[0] !== found[0] || expected[1] !== found[1])
    throw new Ss58Error(
      'SS58_BAD_CHECKSUM',
      `address: "${address}" fails its checksum; a character is probably mistyped`,
    );
  return { publicKey: body.slice(prefixLength), prefix: decodedPrefix };
}
