import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { base64 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { createTempDirs } from '../../../test/support/tempDirs.ts';
import { keypairFromUri } from '../keys/keypair.ts';
import { DEV_PHRASE, generateMnemonic } from '../keys/mnemonic.ts';
import { BTCLI_HOTKEY, NACL_VECTOR } from './btcliKeyfiles.testkit.ts';
import { listWallets } from './listWallets.ts';
import { WalletError } from './walletError.ts';
import {
  coldkeyAddress,
  hotkeyAddress,
  readColdkey,
  readHotkey,
  writeColdkey,
  writeHotkey,
} from './walletKeys.ts';
import { walletLocation } from './walletPaths.ts';

const tempDir = createTempDirs('tm-wallet-');

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WalletError);
    return `${(error as WalletError).code} (${(error as WalletError).field})`;
  }
  return 'resolved';
}

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('wallets in btcli’s layout', () => {
  it('writes coldkey, coldkeypub.txt and a hotkey owner-only, and reads them back', async () => {
    const walletPath = tempDir();
    const coldUri = generateMnemonic();
    const cold = await writeColdkey({ walletPath, name: 'w1', uri: coldUri, password: null });
    const hot = await writeHotkey({ walletPath, name: 'w1', hotkey: 'h1', uri: '//Alice', password: null });
    const at = walletLocation({ walletPath, name: 'w1' });
    expect(cold).toEqual({ address: keypairFromUri(coldUri).address, path: at.coldkey, encrypted: false });
    expect(hot.address).toBe(keypairFromUri('//Alice').address);
    for (const file of [
      at.coldkey,
      at.coldkeypub,
      join(at.hotkeysDir, 'h1'),
      join(at.hotkeysDir, 'h1pub.txt'),
    ])
      expect({ file, mode: mode(file) }).toEqual({ file, mode: '600' });
    expect(mode(at.dir)).toBe('700');
    expect(JSON.parse(readFileSync(at.coldkeypub, 'utf8'))).toEqual({
      accountId: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      publicKey: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      ss58Address: cold.address,
    });
    expect((await readColdkey({ walletPath, name: 'w1' })).address).toBe(cold.address);
    expect((await readHotkey({ walletPath, name: 'w1', hotkey: 'h1' })).address).toBe(hot.address);
    expect(await coldkeyAddress({ walletPath, name: 'w1' })).toBe(cold.address);
    expect(await hotkeyAddress({ walletPath, name: 'w1', hotkey: 'h1' })).toBe(hot.address);
  });

  it('never replaces a key unless told to', async () => {
    const walletPath = tempDir();
    const first = await writeColdkey({ walletPath, name: 'w', uri: '//Bob', password: null });
    expect(await failure(writeColdkey({ walletPath, name: 'w', uri: '//Eve', password: null }))).toBe(
      'KEYFILE_EXISTS (coldkey)',
    );
    expect(await coldkeyAddress({ walletPath, name: 'w' })).toBe(first.address);
    const replaced = await writeColdkey({
      walletPath,
      name: 'w',
      uri: '//Eve',
      password: null,
      overwrite: true,
    });
    expect(await coldkeyAddress({ walletPath, name: 'w' })).toBe(replaced.address);
    expect(replaced.address).not.toBe(first.address);
  });

  it('encrypts the coldkey with a password, asks for it only to sign, and refuses a wrong one', async () => {
    const walletPath = tempDir();
    const stored = await writeColdkey({
      walletPath,
      name: 'safe',
      uri: DEV_PHRASE,
      password: NACL_VECTOR.password,
    });
    const file = readFileSync(walletLocation({ walletPath, name: 'safe' }).coldkey);
    expect(stored.encrypted).toBe(true);
    expect(file.subarray(0, 5).toString()).toBe('$NACL');
    expect(file.includes(Buffer.from('bottom'))).toBe(false);
    let asked = 0;
    const ask = () => {
      asked++;
      return NACL_VECTOR.password;
    };
    expect(await coldkeyAddress({ walletPath, name: 'safe' })).toBe(stored.address);
    expect(asked).toBe(0);
    expect((await readColdkey({ walletPath, name: 'safe', password: ask })).address).toBe(stored.address);
    expect(asked).toBe(1);
    expect(await failure(readColdkey({ walletPath, name: 'safe' }))).toBe('PASSWORD_REQUIRED (password)');
    expect(await failure(readColdkey({ walletPath, name: 'safe', password: () => 'wrong' }))).toBe(
      'WRONG_PASSWORD (password)',
    );
  });

  it("imports btcli's files: a plain hotkey, a $NACL coldkey and an old hex coldkeypub.txt", async () => {
    const walletPath = tempDir();
    const at = walletLocation({ walletPath, name: 'from-btcli' });
    mkdirSync(at.hotkeysDir, { recursive: true });
    writeFileSync(join(at.hotkeysDir, 'default'), JSON.stringify(BTCLI_HOTKEY));
    writeFileSync(at.coldkey, base64.decode(NACL_VECTOR.fileBase64));
    writeFileSync(at.coldkeypub, BTCLI_HOTKEY.publicKey);
    expect(await hotkeyAddress({ walletPath, name: 'from-btcli' })).toBe(BTCLI_HOTKEY.ss58Address);
    expect((await readHotkey({ walletPath, name: 'from-btcli' })).address).toBe(BTCLI_HOTKEY.ss58Address);
    expect(await coldkeyAddress({ walletPath, name: 'from-btcli' })).toBe(BTCLI_HOTKEY.ss58Address);
    const cold = await readColdkey({ walletPath, name: 'from-btcli', password: () => NACL_VECTOR.password });
    expect(cold.address).toBe(BTCLI_HOTKEY.ss58Address);
  });

  it('names the older btcli encryptions it does not read, and other faults', async () => {
    const walletPath = tempDir();
    const at = walletLocation({ walletPath, name: 'old' });
    mkdirSync(at.dir, { recursive: true });
    writeFileSync(at.coldkey, '$ANSIBLE_VAULT;1.1;AES256\n3132');
    const error = await readColdkey({ walletPath, name: 'old', password: () => 'x' }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'UNSUPPORTED_KEYFILE_FORMAT', field: 'coldkey' });
    expect((error as Error).message).toMatch(/Ansible Vault/);
    writeFileSync(at.coldkey, 'gAAAAABlegacy');
    expect(await failure(readColdkey({ walletPath, name: 'old' }))).toBe(
      'UNSUPPORTED_KEYFILE_FORMAT (coldkey)',
    );
    writeFileSync(at.coldkeypub, JSON.stringify({ ss58Address: BTCLI_HOTKEY.ss58Address }));
    writeFileSync(at.coldkey, JSON.stringify({ ss58Address: BTCLI_HOTKEY.ss58Address }));
    expect(await failure(readColdkey({ walletPath, name: 'old' }))).toBe('PUBLIC_KEY_ONLY (coldkey)');
    expect(await failure(coldkeyAddress({ walletPath, name: 'none' }))).toBe('WALLET_NOT_FOUND (name)');
    expect(await failure(readHotkey({ walletPath, name: 'old' }))).toBe('KEYFILE_NOT_FOUND (hotkey)');
    expect(await failure(coldkeyAddress({ walletPath, name: '../x' }))).toBe('INVALID_WALLET_NAME (name)');
    expect(await failure(hotkeyAddress({ walletPath, name: 'old', hotkey: 'h1pub.txt' }))).toBe(
      'INVALID_WALLET_NAME (hotkey)',
    );
    expect(existsSync(join(walletPath, 'x'))).toBe(false);
  });

  it('lists wallets and hotkeys with the addresses readable without a password', async () => {
    const walletPath = tempDir();
    const a = await writeColdkey({ walletPath, name: 'a', uri: '//Alice', password: null });
    const h1 = await writeHotkey({ walletPath, name: 'a', hotkey: 'h1', uri: '//Dave', password: null });
    const h0 = await writeHotkey({ walletPath, name: 'a', hotkey: 'h0', uri: '//Eve', password: null });
    await writeHotkey({ walletPath, name: 'b', uri: '//Ferdie', password: null });
    mkdirSync(join(walletPath, 'empty'));
    expect(await listWallets(walletPath)).toEqual([
      {
        name: 'a',
        coldkey: a.address,
        hotkeys: [
          { name: 'h0', address: h0.address },
          { name: 'h1', address: h1.address },
        ],
      },
      {
        name: 'b',
        coldkey: null,
        hotkeys: [{ name: 'default', address: keypairFromUri('//Ferdie').address }],
      },
      { name: 'empty', coldkey: null, hotkeys: [] },
    ]);
    expect(await listWallets(join(walletPath, 'missing'))).toEqual([]);
  });
});
