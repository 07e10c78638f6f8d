/**
 * ed25519 keys as Substrate makes them: the 32-byte seed is the secret; a hard junction replaces it by
 * blake2b-256(SCALE("Ed25519HDKD") ‖ seed ‖ chainCode); there is no soft derivation.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { KeyError } from './keyError.ts';
import { scaleBytes } from './scaleBytes.ts';
import type { SchemeKeys } from './schemeKeys.ts';

const HDKD_DOMAIN = scaleBytes(utf8ToBytes('Ed25519HDKD'));

/** ed25519: the secret is the 32-byte seed. */
export const ed25519Keys: SchemeKeys = {
  fromSeed: (seed) => seed.slice(),
  deriveHard: (secret, chainCode) => blake2b(concatBytes(HDKD_DOMAIN, secret, chainCode), { dkLen: 32 }),
  deriveSoft: () => {
    throw new KeyError(
      'SOFT_DERIVATION_UNSUPPORTED',
      'path: ed25519 keys have no soft derivation (/name); use a hard junction (//name) or an sr25519 key',
    );
  },
  publicKey: (secret) => ed25519.getPublicKey(secret),
  sign: (secret, message) => ed25519.sign(message, secret),
};
