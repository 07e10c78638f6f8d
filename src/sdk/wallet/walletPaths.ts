/**
 * btcli's wallet folder layout: `<walletPath>/<name>/coldkey` (the signing coldkey, encrypted by
 * default), `<name>/coldkeypub.txt` (its public keyfile, never encrypted), `<name>/hotkeys/<hotkey>`
 * (a hotkey, unencrypted by default) and `<name>/hotkeys/<hotkey>pub.txt` (its public keyfile).
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { WalletError } from './walletError.ts';

/** btcli's default folder of wallets (`~` is the user's home). */
export const DEFAULT_WALLET_PATH = '~/.bittensor/wallets';
/** btcli's default wallet name. */
export const DEFAULT_WALLET_NAME = 'default';
/** btcli's default hotkey name. */
export const DEFAULT_HOTKEY_NAME = 'default';

/** The file names inside a wallet folder. */
export const WALLET_FILES = {
  coldkey: 'coldkey',
  coldkeypub: 'coldkeypub.txt',
  hotkeys: 'hotkeys',
  /** Appended to a hotkey's name for its public keyfile. */
  hotkeypubSuffix: 'pub.txt',
} as const;

/** Where one wallet's files are. */
export interface WalletLocation {
  /** The folder of wallets, absolute. */
  readonly walletPath: string;
  readonly name: string;
  /** `<walletPath>/<name>`. */
  readonly dir: string;
  readonly coldkey: string;
  readonly coldkeypub: string;
  readonly hotkeysDir: string;
}

/** `~` or `~/…` made absolute with `home`; other paths resolved from the working directory. */
export function expandWalletPath(path: string, home: string = homedir()): string {
  if (path === '~') return home;
  if (path.startsWith('~/')) return join(home, path.slice(2));
  return resolve(path);
}

/**
 * A wallet or hotkey name checked to be one plain file name, so no name reaches outside its folder;
 * throws `INVALID_WALLET_NAME` naming `field`.
 */
export function checkWalletName(name: string, field: string): string {
  if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name) || name.length > 255)
    throw new WalletError('INVALID_WALLET_NAME', {
      field,
      message: `"${name.slice(0, 60)}" is not a name: one file name without "/" or "\\", not "." or ".."`,
    });
  return name;
}

/**
 * The files of wallet `name` under `walletPath` (default btcli's).
 * @example walletLocation({ walletPath: '~/.bittensor/wallets', name: 'default' }).coldkey
 */
export function walletLocation(options: { walletPath?: string; name?: string }): WalletLocation {
  const walletPath = expandWalletPath(options.walletPath ?? DEFAULT_WALLET_PATH);
  const name = checkWalletName(options.name ?? DEFAULT_WALLET_NAME, 'name');
  const dir = join(walletPath, name);
  return {
    walletPath,
    name,
    dir,
    coldkey: join(dir, WALLET_FILES.coldkey),
    coldkeypub: join(dir, WALLET_FILES.coldkeypub),
    hotkeysDir: join(dir, WALLET_FILES.hotkeys),
  };
}

/** The keyfile and public keyfile of hotkey `hotkey` of a wallet. */
export function hotkeyFiles(wallet: WalletLocation, hotkey: string): { file: string; pub: string } {
  const name = checkWalletName(hotkey, 'hotkey');
  if (name.endsWith(WALLET_FILES.hotkeypubSuffix))
    throw new WalletError('INVALID_WALLET_NAME', {
      field: 'hotkey',
      message: `"${name.slice(0, 60)}" ends in "${WALLET_FILES.hotkeypubSuffix}", which names a hotkey's public keyfile`,
    });
  return {
    file: join(wallet.hotkeysDir, name),
    pub: join(wallet.hotkeysDir, `${name}${WALLET_FILES.hotkeypubSuffix}`),
  };
}
