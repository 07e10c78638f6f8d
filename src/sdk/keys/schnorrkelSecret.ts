/**
 * sr25519 secret keys in schnorrkel's own 64-byte form (`SecretKey::to_bytes`: scalar ‖ nonce), the form
 * Substrate's `to_raw_vec` and btcli's keyfiles (`privateKey`) hold. @scure/sr25519 keeps the scalar
 * multiplied by the cofactor 8 (schnorrkel's `to_ed25519_bytes`), so the two differ in the first half only.
 */
import { KeyError } from './keyError.ts';

/** Bytes of a secret key: a 32-byte scalar then a 32-byte nonce. */
const SECRET_KEY_LENGTH = 64;
const SCALAR_LENGTH = 32;
/** log2 of the Ristretto cofactor 8. */
const COFACTOR_BITS = 3n;

function scalarOf(bytes: Uint8Array): bigint {
  let n = 0n;
  for (let i = SCALAR_LENGTH - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!);
  return n;
}

function scalarBytes(n: bigint): Uint8Array {
  const out = new Uint8Array(SCALAR_LENGTH);
  for (let i = 0; i < SCALAR_LENGTH; i++) {
    out[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  return out;
}

function withScalar(secret: Uint8Array, scalar: bigint): Uint8Array {
  const out = new Uint8Array(SECRET_KEY_LENGTH);
  out.set(scalarBytes(scalar), 0);
  out.set(secret.subarray(SCALAR_LENGTH), SCALAR_LENGTH);
  return out;
}

/**
 * The schnorrkel form of a secret in @scure/sr25519's form (the scalar divided by the cofactor; exact,
 * since that form always holds a multiple of 8).
 */
export function toSchnorrkelSecret(scureSecret: Uint8Array): Uint8Array {
  return withScalar(scureSecret, scalarOf(scureSecret) >> COFACTOR_BITS);
}

/**
 * The @scure/sr25519 form of a schnorrkel secret key; throws `INVALID_SECRET_KEY` when it is not 64
 * bytes or its scalar is not canonical (a reduced scalar is below 2^253, so ×8 never overflows 256 bits).
 */
export function fromSchnorrkelSecret(secretKey: Uint8Array): Uint8Array {
  if (secretKey.length !== SECRET_KEY_LENGTH)
    throw new KeyError(
      'INVALID_SECRET_KEY',
      `secretKey: ${secretKey.length} bytes; an sr25519 secret key has ${SECRET_KEY_LENGTH} (scalar and nonce)`,
    );
  const scalar = scalarOf(secretKey);
  if (scalar >> 253n !== 0n)
    throw new KeyError(
      'INVALID_SECRET_KEY',
      'secretKey: the scalar half is not a reduced scalar; give the key as schnorrkel writes it (to_bytes)',
    );
  return withScalar(secretKey, scalar << COFACTOR_BITS);
}
