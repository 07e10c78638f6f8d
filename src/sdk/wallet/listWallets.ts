/** The wallets in a folder of wallets, with the addresses readable without a password. */
import { existsSync, readdirSync } from 'node:fs';
import type { Ss58Address } from '../keys/ss58.ts';
import { WalletError } from './walletError.ts';
import { coldkeyAddress, hotkeyAddress } from './walletKeys.ts';
import { DEFAULT_WALLET_PATH, expandWalletPath, WALLET_FILES, walletLocation } from './walletPaths.ts';

/** A hotkey as listed: its name and, when readable without a password, its address. */
export interface HotkeyListing {
  readonly name: string;
  readonly address: Ss58Address | null;
}

/** A wallet as listed. */
export interface WalletListing {
  readonly name: string;
  /** From coldkeypub.txt; null when the wallet has no readable public coldkey. */
  readonly coldkey: Ss58Address | null;
  readonly hotkeys: readonly HotkeyListing[];
}

/** The address, or null for a key whose address cannot be read without a password (or at all). */
async function orNull(read: () => Promise<Ss58Address>): Promise<Ss58Address | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof WalletError) return null;
    throw error;
  }
}

/**
 * Every wallet under `walletPath` (default btcli's), sorted by name, each with its hotkeys sorted by
 * name; an absent folder has none.
 * @example (await listWallets('~/.bittensor/wallets')).map((w) => w.name)
 */
export async function listWallets(
  walletPath: string = DEFAULT_WALLET_PATH,
): Promise<readonly WalletListing[]> {
  const root = expandWalletPath(walletPath);
  if (!existsSync(root)) return [];
  const names = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  const wallets: WalletListing[] = [];
  for (const name of names) {
    const at = walletLocation({ walletPath: root, name });
    const hotkeyNames = existsSync(at.hotkeysDir)
      ? readdirSync(at.hotkeysDir, { withFileTypes: true })
          .filter(
            (e) => e.isFile() && !e.name.startsWith('.') && !e.name.endsWith(WALLET_FILES.hotkeypubSuffix),
          )
          .map((e) => e.name)
          .sort()
      : [];
    const hotkeys: HotkeyListing[] = [];
    for (const hotkey of hotkeyNames)
      hotkeys.push({
        name: hotkey,
        address: await orNull(() => hotkeyAddress({ walletPath: root, name, hotkey })),
      });
    wallets.push({ name, coldkey: await orNull(() => coldkeyAddress({ walletPath: root, name })), hotkeys });
  }
  return wallets;
}
