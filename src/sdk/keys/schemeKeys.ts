/** What each signature scheme provides to make, derive and use a key from its secret bytes. */

/** Key operations of one scheme; `secret` is the scheme's own secret form (see each implementation). */
export interface SchemeKeys {
  /** The secret of the key whose 32-byte seed (mini-secret) is `seed`. */
  fromSeed(seed: Uint8Array): Uint8Array;
  /** The secret of the child at a hard junction. */
  deriveHard(secret: Uint8Array, chainCode: Uint8Array): Uint8Array;
  /** The secret of the child at a soft junction; throws when the scheme has none. */
  deriveSoft(secret: Uint8Array, chainCode: Uint8Array): Uint8Array;
  /** The 32-byte public key. */
  publicKey(secret: Uint8Array): Uint8Array;
  /** A 64-byte signature of `message`. */
  sign(secret: Uint8Array, message: Uint8Array): Uint8Array;
}
