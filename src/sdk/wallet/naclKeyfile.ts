/**
 * btcli's encrypted key files: `$NACL` ‖ 24-byte nonce ‖ NaCl secretbox (XSalsa20-Poly1305, tag then
 * ciphertext) of the keyfile JSON, under a 32-byte key that Argon2i (v1.3) derives from the password
 * with btcli's fixed salt and libsodium's "sensitive" limits (8 passes over 512 MiB, one lane). The
 * file carries no parameters, so these are part of the format: a file written with any others would
 * not open in btcli. Argon2i here is WebAssembly (hash-wasm): a derivation takes seconds, where pure
 * JavaScript takes most of a minute.
 */
import { secretbox } from '@noble/ciphers/salsa.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { argon2i } from 'hash-wasm';
import { NACL_PREFIX } from './keyfileFormat.ts';
import { WalletError } from './walletError.ts';

/** btcli's fixed Argon2i salt (`NACL_SALT`, 16 bytes). */
export const NACL_SALT = Uint8Array.of(
  0x13,
  0x71,
  0x83,
  0xdf,
  0xf1,
  0x5a,
  0x09,
  0xbc,
  0x9c,
  0x90,
  0xb5,
  0x51,
  0x87,
  0x39,
  0xe9,
  0xb1,
);

/** The Argon2i cost btcli uses: libsodium's `crypto_pwhash_argon2i_OPSLIMIT/MEMLIMIT_SENSITIVE`. */
export const NACL_KDF = {
  /** Passes over memory (`OPSLIMIT_SENSITIVE`). */
  iterations: 8,
  /** KiB of memory: 512 MiB (`MEMLIMIT_SENSITIVE` = 536 870 912 bytes). */
  memoryKiB: 524_288,
  parallelism: 1,
  keyBytes: 32,
} as const;

/** Bytes of the secretbox nonce after the prefix. */
export const NACL_NONCE_BYTES = 24;
/** Bytes of the Poly1305 tag that opens the box. */
const TAG_BYTES = 16;
const PREFIX_BYTES = new TextEncoder().encode(NACL_PREFIX);

/** A derived secretbox key; opaque so that it is not mistaken for other bytes. */
export interface NaclKey {
  readonly bytes: Uint8Array;
}

/** Keys derived in this process, by password: a derivation costs seconds and 512 MiB. */
const derived = new Map<string, Promise<NaclKey>>();
/** At most this many remembered (each is 32 bytes; the bound only keeps a long process tidy). */
const REMEMBERED_KEYS = 4;

/**
 * The secretbox key of `password` (Argon2i with btcli's salt and limits); remembered for the process, so
 * unlocking the same wallet twice derives once.
 */
export function naclKey(password: string): Promise<NaclKey> {
  const known = derived.get(password);
  if (known !== undefined) return known;
  const key = argon2i({
    password,
    salt: NACL_SALT,
    iterations: NACL_KDF.iterations,
    memorySize: NACL_KDF.memoryKiB,
    parallelism: NACL_KDF.parallelism,
    hashLength: NACL_KDF.keyBytes,
    outputType: 'binary',
  }).then((bytes) => ({ bytes }));
  if (derived.size >= REMEMBERED_KEYS) derived.delete(derived.keys().next().value as string);
  derived.set(password, key);
  key.catch(() => derived.delete(password));
  return key;
}

/**
 * The `$NACL` file of `plaintext` under `key`, with a fresh random nonce unless one is given (only tests
 * give one: a nonce must never be reused with a key).
 */
export function sealNacl(
  plaintext: Uint8Array,
  key: NaclKey,
  nonce: Uint8Array = randomBytes(NACL_NONCE_BYTES),
): Uint8Array {
  const box = secretbox(key.bytes, nonce).seal(plaintext);
  const out = new Uint8Array(PREFIX_BYTES.length + NACL_NONCE_BYTES + box.length);
  out.set(PREFIX_BYTES, 0);
  out.set(nonce, PREFIX_BYTES.length);
  out.set(box, PREFIX_BYTES.length + NACL_NONCE_BYTES);
  return out;
}

/**
 * The plaintext of a `$NACL` file; throws `WRONG_PASSWORD` when `key` does not open it and
 * `MALFORMED_KEYFILE` when it is too short to hold a box.
 */
export function openNacl(file: Uint8Array, key: NaclKey, path?: string): Uint8Array {
  const at = path === undefined ? {} : { path };
  const start = PREFIX_BYTES.length;
  if (file.length < start + NACL_NONCE_BYTES + TAG_BYTES)
    throw new WalletError('MALFORMED_KEYFILE', {
      field: 'keyfile',
      message: `the $NACL key file holds ${file.length} bytes, too few for a nonce and a sealed box`,
      ...at,
    });
  const nonce = file.subarray(start, start + NACL_NONCE_BYTES);
  try {
    return secretbox(key.bytes, nonce).open(file.subarray(start + NACL_NONCE_BYTES));
  } catch (cause) {
    throw new WalletError('WRONG_PASSWORD', {
      field: 'password',
      message: 'the password does not open this key file (or the file was altered)',
      ...at,
      cause,
    });
  }
}

/**
 * Encrypt keyfile bytes with a password, as btcli does.
 * @example const file = await encryptKeyfile(new TextEncoder().encode(json), password) // starts with "$NACL"
 */
export async function encryptKeyfile(plaintext: Uint8Array, password: string): Promise<Uint8Array> {
  return sealNacl(plaintext, await naclKey(password));
}

/** Decrypt a `$NACL` key file with its password; throws `WRONG_PASSWORD` for another password. */
export async function decryptKeyfile(file: Uint8Array, password: string, path?: string): Promise<Uint8Array> {
  return openNacl(file, await naclKey(password), path);
}
