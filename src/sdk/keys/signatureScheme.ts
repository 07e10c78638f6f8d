/** The signature schemes an account key can use. */

/** Every supported scheme: sr25519 (Substrate's default, Schnorr over Ristretto) and ed25519. */
export const SIGNATURE_SCHEMES = ['sr25519', 'ed25519'] as const;

/** A signature scheme; both give 32-byte public keys and 64-byte signatures. */
export type SignatureScheme = (typeof SIGNATURE_SCHEMES)[number];
