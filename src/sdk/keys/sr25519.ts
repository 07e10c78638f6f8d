/**
 * sr25519 keys as Substrate makes them: the 32-byte mini-secret expanded Ed25519-style into a 64-byte
 * secret (scalar ‖ nonce); hard and soft derivation through schnorrkel's HDKD; signatures in the signing
 * context "substrate" (fixed in @scure/sr25519, as in Substrate).
 */
import * as sr25519 from '@scure/sr25519';
import type { SchemeKeys } from './schemeKeys.ts';

/** sr25519: the secret is the 64-byte expanded secret key. */
export const sr25519Keys: SchemeKeys = {
  fromSeed: (seed) => sr25519.secretFromSeed(seed),
  deriveHard: (secret, chainCode) => sr25519.HDKD.secretHard(secret, chainCode),
  deriveSoft: (secret, chainCode) => sr25519.HDKD.secretSoft(secret, chainCode),
  publicKey: (secret) => sr25519.getPublicKey(secret),
  sign: (secret, message) => sr25519.sign(secret, message),
};
