/**
 * Key files on disk: written owner-only (files 0600, folders 0700, as btcli does) through a temporary
 * file and a rename, so a reader never sees half a key; read in any of btcli's forms.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type KeyfileContent, type KeyfileData, keyfileBytes, readKeyfile } from './keyfileData.ts';
import { keyfileFormat } from './keyfileFormat.ts';
import { decryptKeyfile, encryptKeyfile } from './naclKeyfile.ts';
import { WalletError } from './walletError.ts';
import { WALLET_PASSWORD_VARIABLE } from './walletPassword.ts';

/** Asked for a password only when a key file turns out to be encrypted (undefined: none to give). */
export type PasswordProvider = () => string | undefined | Promise<string | undefined>;

/** Throw `KEYFILE_EXISTS` for the first of `paths` that exists. */
export function refuseExisting(paths: readonly string[], field: string): void {
  const existing = paths.find((p) => existsSync(p));
  if (existing !== undefined)
    throw new WalletError('KEYFILE_EXISTS', {
      field,
      message: `${existing} exists; pass overwrite (--overwrite) to replace it, after keeping its mnemonic`,
      path: existing,
    });
}

/** Write `bytes` to `path` owner-only, replacing it atomically. */
export function writeOwnerOnly(path: string, bytes: Uint8Array): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temporary = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, bytes, { mode: 0o600, flag: 'w' });
    chmodSync(temporary, 0o600);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Write a keyfile, encrypted as btcli's `$NACL` form with `password`, or as plain JSON when `password`
 * is null; returns whether it was encrypted.
 */
export async function writeKeyfile(
  path: string,
  data: KeyfileData,
  password: string | null,
): Promise<boolean> {
  const plain = keyfileBytes(data);
  writeOwnerOnly(path, password === null ? plain : await encryptKeyfile(plain, password));
  return password !== null;
}

/** Whether the key file at `path` is encrypted (in any of btcli's forms); false when missing. */
export function isEncryptedKeyfile(path: string): boolean {
  return existsSync(path) && keyfileFormat(readFileSync(path)) !== 'json';
}

/**
 * What the key file at `path` holds, decrypting it with the password `password` gives when it is
 * encrypted. Throws {@link WalletError}: `KEYFILE_NOT_FOUND`, `PASSWORD_REQUIRED`, `WRONG_PASSWORD`,
 * `UNSUPPORTED_KEYFILE_FORMAT`, `MALFORMED_KEYFILE`; `field` names the key for messages (`coldkey`).
 */
export async function readKeyfileAt(
  path: string,
  field: string,
  password?: PasswordProvider,
): Promise<KeyfileContent> {
  if (!existsSync(path))
    throw new WalletError('KEYFILE_NOT_FOUND', {
      field,
      message: `no ${field} at ${path}; create it (wallet create / new-coldkey / new-hotkey) or regenerate it from its mnemonic`,
      path,
    });
  const bytes = new Uint8Array(readFileSync(path));
  const format = keyfileFormat(bytes);
  if (format === 'json') return readKeyfile(bytes, path);
  if (format !== 'nacl')
    throw new WalletError('UNSUPPORTED_KEYFILE_FORMAT', {
      field,
      message: `${path} uses btcli's older ${format === 'fernet' ? 'legacy (Fernet)' : 'Ansible Vault'} encryption, which is not read here; re-encrypt it with btcli (it moves such files to NaCl) or regenerate the key from its mnemonic`,
      path,
    });
  const given = await password?.();
  if (given === undefined)
    throw new WalletError('PASSWORD_REQUIRED', {
      field: 'password',
      message: `${path} is encrypted; set ${WALLET_PASSWORD_VARIABLE} or run interactively to be asked`,
      path,
    });
  return readKeyfile(await decryptKeyfile(bytes, given, path), path);
}
