/**
 * Signature verification for both schemes, chosen for a node that checks every transaction. ed25519 goes
 * through Node's built-in crypto (OpenSSL), about 20 times faster than a pure-JS verifier; sr25519
 * through schnorrkel itself compiled to WebAssembly (signing context "substrate"), about 9 times faster
 * here than @scure/sr25519's pure JS (~2,900 against ~320 verifications/s per core), which keys still use
 * to derive and sign.
 */
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { sr25519_verify } from '@polkadot-labs/schnorrkel-wasm';
import type { SignatureScheme } from './signatureScheme.ts';

/** DER header of an ed25519 SubjectPublicKeyInfo; the 32 key bytes follow it. */
const ED25519_SPKI_HEADER = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * Whether `signature` is `publicKey`'s signature of `message`. Malformed input (wrong lengths, a point
 * off the curve, a missing sr25519 marker) is a failed verification, never an exception.
 * @example verify('sr25519', alice.publicKey, message, alice.sign(message)) // true
 */
export function verify(
  scheme: SignatureScheme,
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    if (scheme === 'sr25519') return sr25519_verify(publicKey, message, signature);
    const key = createPublicKey({
      key: Buffer.concat([ED25519_SPKI_HEADER, publicKey]),
      format: 'der',
      type: 'spki',
    });
    return nodeVerify(null, message, key, signature);
  } catch {
    return false;
  }
}
