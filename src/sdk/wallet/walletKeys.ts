/**
 * A wallet's keys in btcli's layout: write a coldkey (with its public keyfile) or a hotkey from a secret
 * URI, and read them back as keypairs or addresses.
 */
import { existsSync } from 'node:fs';
import type { Keypair } from '../keys/keypair.ts';
import type { Ss58Address } from '../keys/ss58.ts';
import { keyfileFromUri, publicKeyfile } from './keyfileData.ts';
import {
  isEncryptedKeyfile,
  type PasswordProvider,
  readKeyfileAt,
  refuseExisting,
  writeKeyfile,
} from './keyfileStore.ts';
import { WalletError } from './walletError.ts';
import { DEFAULT_HOTKEY_NAME, hotkeyFiles, walletLocation } from './walletPaths.ts';

/** Which wallet: its folder of wallets (default btcli's) and name (default `default`). */
export interface WalletRef {
  readonly walletPath?: string;
  readonly name?: string;
}

/** Which hotkey of a wallet (default `default`). */
export interface HotkeyRef extends WalletRef {
  readonly hotkey?: string;
}

/** What writing a key takes. */
export interface WriteKeyOptions {
  /** The key's secret URI: a mnemonic, a `0x` seed, or either with a derivation path (`//Alice`). */
  readonly uri: string;
  /** Encrypt with this password (btcli's `$NACL` form); null writes it unencrypted (development only). */
  readonly password: string | null;
  /** Replace existing key files; default false (`KEYFILE_EXISTS`). */
  readonly overwrite?: boolean;
}

/** A key as written: its address, its file and whether it is encrypted. */
export interface StoredKey {
  readonly address: Ss58Address;
  readonly path: string;
  readonly encrypted: boolean;
}

/**
 * Write wallet `name`'s coldkey and its `coldkeypub.txt`.
 * @example await writeColdkey({ walletPath, name: 'alice', uri: generateMnemonic(), password })
 */
export async function writeColdkey(options: WalletRef & WriteKeyOptions): Promise<StoredKey> {
  const at = walletLocation(options);
  if (options.overwrite !== true) refuseExisting([at.coldkey, at.coldkeypub], 'coldkey');
  const data = keyfileFromUri(options.uri);
  const encrypted = await writeKeyfile(at.coldkey, data, options.password);
  await writeKeyfile(at.coldkeypub, publicKeyfile(data.ss58Address as Ss58Address), null);
  return { address: data.ss58Address as Ss58Address, path: at.coldkey, encrypted };
}

/** Write hotkey `hotkey` of wallet `name` (and its public keyfile, `<hotkey>pub.txt`). */
export async function writeHotkey(options: HotkeyRef & WriteKeyOptions): Promise<StoredKey> {
  const files = hotkeyFiles(walletLocation(options), options.hotkey ?? DEFAULT_HOTKEY_NAME);
  if (options.overwrite !== true) refuseExisting([files.file, files.pub], 'hotkey');
  const data = keyfileFromUri(options.uri);
  const encrypted = await writeKeyfile(files.file, data, options.password);
  await writeKeyfile(files.pub, publicKeyfile(data.ss58Address as Ss58Address), null);
  return { address: data.ss58Address as Ss58Address, path: files.file, encrypted };
}

async function signingKey(path: string, field: string, password?: PasswordProvider): Promise<Keypair> {
  const content = await readKeyfileAt(path, field, password);
  if (content.kind === 'public')
    throw new WalletError('PUBLIC_KEY_ONLY', {
      field,
      message: `${path} holds only the address ${content.address}; regenerate the key from its mnemonic to sign`,
      path,
    });
  return content.keypair;
}

/** Wallet `name`'s coldkey as a keypair; `password` is asked only if the file is encrypted. */
export async function readColdkey(
  options: WalletRef & { readonly password?: PasswordProvider },
): Promise<Keypair> {
  return signingKey(walletLocation(options).coldkey, 'coldkey', options.password);
}

/** A hotkey as a keypair; `password` is asked only if the file is encrypted. */
export async function readHotkey(
  options: HotkeyRef & { readonly password?: PasswordProvider },
): Promise<Keypair> {
  const files = hotkeyFiles(walletLocation(options), options.hotkey ?? DEFAULT_HOTKEY_NAME);
  return signingKey(files.file, 'hotkey', options.password);
}

/** The address in a public keyfile, else in the key file itself when that is not encrypted. */
async function addressOf(publicPath: string, keyPath: string, field: string): Promise<Ss58Address> {
  const path =
    !existsSync(publicPath) && existsSync(keyPath) && !isEncryptedKeyfile(keyPath) ? keyPath : publicPath;
  const content = await readKeyfileAt(path, field);
  return content.kind === 'public' ? content.address : content.keypair.address;
}

/** Wallet `name`'s coldkey address, from `coldkeypub.txt` (no password needed). */
export async function coldkeyAddress(options: WalletRef): Promise<Ss58Address> {
  const at = walletLocation(options);
  if (!existsSync(at.coldkeypub) && !existsSync(at.coldkey))
    throw new WalletError('WALLET_NOT_FOUND', {
      field: 'name',
      message: `no wallet "${at.name}" in ${at.walletPath}; create it (wallet create) or give --wallet-path`,
      path: at.dir,
    });
  return addressOf(at.coldkeypub, at.coldkey, 'coldkey');
}

/** A hotkey's address, from its unencrypted file or its public keyfile (no password needed). */
export async function hotkeyAddress(options: HotkeyRef): Promise<Ss58Address> {
  const files = hotkeyFiles(walletLocation(options), options.hotkey ?? DEFAULT_HOTKEY_NAME);
  return addressOf(files.pub, files.file, 'hotkey');
}
