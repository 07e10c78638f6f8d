import { bytesToHex } from '@noble/hashes/utils.js';
import { base64 } from '@scure/base';
import { beforeAll, describe, expect, it } from 'vitest';
import { BTCLI_HOTKEY, NACL_VECTOR } from './btcliKeyfiles.testkit.ts';
import { readKeyfile } from './keyfileData.ts';
import { keyfileFormat } from './keyfileFormat.ts';
import { decryptKeyfile, encryptKeyfile, type NaclKey, naclKey, openNacl, sealNacl } from './naclKeyfile.ts';
import { WalletError } from './walletError.ts';

const libsodiumFile = base64.decode(NACL_VECTOR.fileBase64);
const plaintext = new TextEncoder().encode(JSON.stringify(BTCLI_HOTKEY));
const ascii = (text: string) => new TextEncoder().encode(text);

async function failure(promise: Promise<unknown>): Promise<{ code: string; field: string }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WalletError);
    const { code, field } = error as WalletError;
    return { code, field };
  }
  throw new Error('resolved');
}

let key: NaclKey;
beforeAll(async () => {
  // btcli's full cost: 8 passes over 512 MiB, a few seconds.
  key = await naclKey(NACL_VECTOR.password);
});

describe("btcli's $NACL key files", () => {
  it('derives the key libsodium derives (Argon2i v1.3, btcli salt, sensitive limits)', () => {
    expect(bytesToHex(key.bytes)).toBe(NACL_VECTOR.keyHex);
  });

  it('opens a file libsodium sealed, and seals the same bytes with the same nonce', () => {
    expect(keyfileFormat(libsodiumFile)).toBe('nacl');
    const opened = openNacl(libsodiumFile, key);
    expect(JSON.parse(new TextDecoder().decode(opened))).toEqual(BTCLI_HOTKEY);
    const content = readKeyfile(opened);
    expect(content.kind === 'keypair' && content.keypair.address).toBe(BTCLI_HOTKEY.ss58Address);
    expect(base64.encode(sealNacl(plaintext, key, NACL_VECTOR.nonce))).toBe(NACL_VECTOR.fileBase64);
  });

  it('round-trips with a fresh nonce each time', async () => {
    const a = await encryptKeyfile(plaintext, NACL_VECTOR.password);
    const b = await encryptKeyfile(plaintext, NACL_VECTOR.password);
    expect(new TextDecoder().decode(a.subarray(0, 5))).toBe('$NACL');
    expect(bytesToHex(a.subarray(5, 29))).not.toBe(bytesToHex(b.subarray(5, 29)));
    expect(await decryptKeyfile(a, NACL_VECTOR.password)).toEqual(plaintext);
    expect(await decryptKeyfile(b, NACL_VECTOR.password)).toEqual(plaintext);
  });

  it('refuses a wrong password and an altered file with WRONG_PASSWORD', async () => {
    expect(await failure(decryptKeyfile(libsodiumFile, 'Tr0ub4dor&3'))).toEqual({
      code: 'WRONG_PASSWORD',
      field: 'password',
    });
    const altered = libsodiumFile.slice();
    altered[altered.length - 1]! ^= 1;
    expect(() => openNacl(altered, key)).toThrow(/does not open/);
    expect(() => openNacl(libsodiumFile.subarray(0, 40), key)).toThrow(WalletError);
    expect(() => openNacl(libsodiumFile.subarray(0, 40), key)).toThrow(/too few/);
  });

  it("tells btcli's older encryptions and plain JSON apart", () => {
    expect(keyfileFormat(ascii('$ANSIBLE_VAULT;1.1;AES256\n6162'))).toBe('ansible-vault');
    expect(keyfileFormat(ascii('gAAAAABk9x0-legacy-fernet-token'))).toBe('fernet');
    expect(keyfileFormat(plaintext)).toBe('json');
    expect(keyfileFormat(ascii('$NAC'))).toBe('json');
  });
});
