/** The error thrown when a key cannot be made from a secret: the message names the part at fault. */
import { TensormarketError } from '../../engine/errors.ts';

/**
 * `INVALID_MNEMONIC`: not a BIP39 English phrase; `INVALID_SEED`: a `0x` seed that is not 32 bytes;
 * `INVALID_SECRET_URI`: the path or password part cannot be read; `SOFT_DERIVATION_UNSUPPORTED`: a soft
 * junction (`/name`) on an ed25519 key, which only has hard derivation; `INVALID_SECRET_KEY`: a raw sr25519
 * secret key that is not 64 bytes of schnorrkel's form.
 */
export type KeyErrorCode =
  | 'INVALID_MNEMONIC'
  | 'INVALID_SEED'
  | 'INVALID_SECRET_URI'
  | 'SOFT_DERIVATION_UNSUPPORTED'
  | 'INVALID_SECRET_KEY';

/** A secret that gives no key. Messages never repeat the secret itself. */
export class KeyError extends TensormarketError {
  declare readonly code: KeyErrorCode;

  constructor(code: KeyErrorCode, message: string) {
    super(code, message);
  }
}
