/**
 * BIP39 English mnemonics and the 32-byte mini-secret Substrate makes from them. Substrate does not use
 * BIP39's seed: it runs PBKDF2-HMAC-SHA512 (2048 rounds, salt "mnemonic" + password) over the phrase's
 * ENTROPY, not over its words, and keeps the first 32 bytes. Keys made this way match Substrate and btcli.
 */

import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { generateMnemonic as generateBip39, mnemonicToEntropy } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { KeyError } from './keyError.ts';

/** Substrate's public development phrase: `//Alice`, `//Bob` … derive from it. Never hold value with it. */
export const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

/** Word counts a generated mnemonic may have (128 or 256 bits of entropy). */
export type MnemonicLength = 12 | 24;

/**
 * A new random BIP39 English mnemonic (from the platform's secure random source).
 * @example generateMnemonic(24).split(' ').length // 24
 */
export function generateMnemonic(words: MnemonicLength = 12): string {
  return generateBip39(wordlist, words === 12 ? 128 : 256);
}

/** Words separated by single spaces, however they were typed. */
function normalize(mnemonic: string): string {
  return mnemonic.trim().split(/\s+/).join(' ');
}

/**
 * The entropy of a BIP39 English mnemonic (16–32 bytes); throws `INVALID_MNEMONIC` for a phrase with an
 * unknown word, a wrong word count or a failing checksum.
 */
export function mnemonicEntropy(mnemonic: string): Uint8Array {
  try {
    return mnemonicToEntropy(normalize(mnemonic), wordlist);
  } catch {
    // The library's message may quote the phrase; ours never does.
    throw new KeyError(
      'INVALID_MNEMONIC',
      'mnemonic: not a BIP39 English phrase (12, 15, 18, 21 or 24 words from the English list with a valid checksum)',
    );
  }
}

/**
 * Substrate's 32-byte mini-secret of a mnemonic and optional password: the seed of sr25519 and ed25519 keys.
 * @example miniSecretFromMnemonic(DEV_PHRASE) // the seed behind 5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV
 */
export function miniSecretFromMnemonic(mnemonic: string, password = ''): Uint8Array {
  const entropy = mnemonicEntropy(mnemonic);
  return pbkdf2(sha512, entropy, utf8ToBytes(`mnemonic${password}`), { c: 2048, dkLen: 64 }).slice(0, 32);
}
