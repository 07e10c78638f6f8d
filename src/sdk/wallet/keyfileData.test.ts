import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { keypairFromUri } from '../keys/keypair.ts';
import { DEV_PHRASE, miniSecretFromMnemonic } from '../keys/mnemonic.ts';
import type { Ss58Address } from '../keys/ss58.ts';
import { BTCLI_HOTKEY } from './btcliKeyfiles.testkit.ts';
import {
  type KeyfileContent,
  keyfileBytes,
  keyfileFromUri,
  publicKeyfile,
  readKeyfile,
} from './keyfileData.ts';
import { WalletError } from './walletError.ts';

const bytes = (value: unknown) =>
  new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const addressOf = (content: KeyfileContent) =>
  content.kind === 'keypair' ? content.keypair.address : content.address;

function failure(value: unknown): string {
  try {
    readKeyfile(bytes(value));
  } catch (error) {
    expect(error).toBeInstanceOf(WalletError);
    return `${(error as WalletError).code}: ${(error as WalletError).message}`;
  }
  return 'read';
}

describe('keyfile JSON as btcli writes it', () => {
  it('writes a mnemonic with its phrase, seed and private key, in btcli’s member order', () => {
    const data = keyfileFromUri(` ${BTCLI_HOTKEY.secretPhrase.replaceAll(' ', '  ')} `);
    expect(data).toEqual(BTCLI_HOTKEY);
    expect(Object.keys(data)).toEqual([
      'accountId',
      'publicKey',
      'privateKey',
      'secretPhrase',
      'secretSeed',
      'ss58Address',
    ]);
  });

  it('writes a 0x seed with its seed, and a derived key with its private key only', () => {
    const seed = keyfileFromUri(BTCLI_HOTKEY.secretSeed);
    expect(seed.secretSeed).toBe(BTCLI_HOTKEY.secretSeed);
    expect(seed.secretPhrase).toBeUndefined();
    expect(seed.ss58Address).toBe(BTCLI_HOTKEY.ss58Address);
    const alice = keyfileFromUri('//Alice');
    expect(alice.ss58Address).toBe(keypairFromUri('//Alice').address);
    expect([alice.secretPhrase, alice.secretSeed]).toEqual([undefined, undefined]);
    expect(alice.privateKey).toMatch(/^0x[0-9a-f]{128}$/);
    // A phrase with a BIP39 password makes another key than the phrase alone: no phrase is written.
    expect(keyfileFromUri(`${DEV_PHRASE}///pw`).secretPhrase).toBeUndefined();
    expect(keyfileFromUri(DEV_PHRASE).secretSeed).toBe(`0x${bytesToHex(miniSecretFromMnemonic(DEV_PHRASE))}`);
  });

  it('reads back every form it writes, as the same account', () => {
    for (const uri of [
      DEV_PHRASE,
      '//Alice',
      '//Bob//stash',
      BTCLI_HOTKEY.secretSeed,
      `${DEV_PHRASE}///pw`,
    ]) {
      const content = readKeyfile(keyfileBytes(keyfileFromUri(uri)));
      expect({ uri, address: addressOf(content) }).toEqual({ uri, address: keypairFromUri(uri).address });
    }
  });

  it("reads btcli's keyfiles by btcli's precedence: phrase, seed, private key, address", () => {
    const { secretPhrase: _p, ...noPhrase } = BTCLI_HOTKEY;
    const { secretSeed: _s, ...privateOnly } = noPhrase;
    for (const file of [BTCLI_HOTKEY, noPhrase, privateOnly, { ...BTCLI_HOTKEY, secretPhrase: null }]) {
      const content = readKeyfile(bytes(file));
      expect(content.kind).toBe('keypair');
      expect(addressOf(content)).toBe(BTCLI_HOTKEY.ss58Address);
    }
    const pub = readKeyfile(
      bytes({
        accountId: BTCLI_HOTKEY.accountId,
        publicKey: BTCLI_HOTKEY.publicKey,
        ss58Address: BTCLI_HOTKEY.ss58Address,
      }),
    );
    expect(pub).toEqual({ kind: 'public', address: BTCLI_HOTKEY.ss58Address });
  });

  it('reads public keyfiles in the current and the older forms', () => {
    const address = BTCLI_HOTKEY.ss58Address as Ss58Address;
    expect(readKeyfile(keyfileBytes(publicKeyfile(address)))).toEqual({ kind: 'public', address });
    expect(readKeyfile(bytes(`${BTCLI_HOTKEY.publicKey}\n`))).toEqual({ kind: 'public', address });
    expect(readKeyfile(bytes(address))).toEqual({ kind: 'public', address });
  });

  it('refuses what is not a keyfile, or one whose address is not its key’s', () => {
    expect(failure('hello')).toMatch(/^MALFORMED_KEYFILE: not a keyfile/);
    expect(failure('{"secretPhrase": 12}')).toMatch(/^MALFORMED_KEYFILE: .*secretPhrase/);
    expect(failure({})).toMatch(/^MALFORMED_KEYFILE: holds no key/);
    expect(failure({ ...BTCLI_HOTKEY, ss58Address: keypairFromUri('//Bob').address })).toMatch(
      /^MALFORMED_KEYFILE: its secret gives 5E6x.*altered/,
    );
    expect(failure({ secretPhrase: 'not a phrase at all' })).toMatch(
      /^MALFORMED_KEYFILE: mnemonic: not a BIP39/,
    );
    expect(failure({ secretSeed: '0x1234' })).toMatch(/^MALFORMED_KEYFILE: secretSeed/);
    expect(failure({ privateKey: `0x${'ff'.repeat(64)}` })).toMatch(/^MALFORMED_KEYFILE: secretKey/);
    expect(failure({ secretPhrase: `${DEV_PHRASE}//Alice` })).toMatch(/a mnemonic has no "\/"/);
  });
});
