/** The error of a wallet operation: which key file, what is wrong, and how to fix it. */
import { TensormarketError } from '../../engine/errors.ts';

/**
 * `WALLET_NOT_FOUND`: no such wallet (no coldkey nor coldkeypub.txt); `KEYFILE_NOT_FOUND`: the key file
 * asked for is missing; `KEYFILE_EXISTS`: writing would replace a key (pass overwrite); `WRONG_PASSWORD`:
 * the password does not open the encrypted key file; `PASSWORD_REQUIRED`: the key file is encrypted (or
 * is to be) and no password was given; `UNSUPPORTED_KEYFILE_FORMAT`: an older btcli encryption (Ansible
 * Vault, legacy Fernet) this code does not read; `MALFORMED_KEYFILE`: the content is not a keyfile, or
 * its address does not match its secret; `PUBLIC_KEY_ONLY`: the file holds an address but a signing key
 * is needed; `INVALID_WALLET_NAME`: a wallet or hotkey name that is not one plain folder or file name.
 */
export type WalletErrorCode =
  | 'WALLET_NOT_FOUND'
  | 'KEYFILE_NOT_FOUND'
  | 'KEYFILE_EXISTS'
  | 'WRONG_PASSWORD'
  | 'PASSWORD_REQUIRED'
  | 'UNSUPPORTED_KEYFILE_FORMAT'
  | 'MALFORMED_KEYFILE'
  | 'PUBLIC_KEY_ONLY'
  | 'INVALID_WALLET_NAME';

/** A wallet operation that cannot go on. Messages never include a secret or a password. */
export class WalletError extends TensormarketError {
  declare readonly code: WalletErrorCode;
  /** The input at fault: `name` (the wallet), `hotkey`, `coldkey`, `password` or `keyfile` (its content). */
  readonly field: string;
  /** The key file concerned, when there is one. */
  readonly path: string | undefined;

  constructor(
    code: WalletErrorCode,
    options: { field: string; message: string; path?: string; cause?: unknown },
  ) {
    const details: Record<string, unknown> =
      options.path === undefined ? { field: options.field } : { field: options.field, path: options.path };
    super(
      code,
      options.message,
      options.cause === undefined ? { details } : { details, cause: options.cause },
    );
    this.field = options.field;
    this.path = options.path;
  }
}
