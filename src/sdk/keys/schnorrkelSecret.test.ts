import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { BTCLI_HOTKEY } from '../wallet/btcliKeyfiles.testkit.ts';
import { KeyError } from './keyError.ts';
import { keypairFromSecretKey, keypairFromUri, sr25519SecretKeyFromUri } from './keypair.ts';
import { verify } from './verify.ts';

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(KeyError);
    return (e as KeyError).code;
  }
  return 'no error';
}

describe('sr25519 secret keys in schnorrkel form', () => {
  it('writes the privateKey btcli writes, from the seed or the phrase', () => {
    expect(`0x${bytesToHex(sr25519SecretKeyFromUri(BTCLI_HOTKEY.secretSeed))}`).toBe(BTCLI_HOTKEY.privateKey);
    expect(`0x${bytesToHex(sr25519SecretKeyFromUri(BTCLI_HOTKEY.secretPhrase))}`).toBe(
      BTCLI_HOTKEY.privateKey,
    );
  });

  it('reads btcli’s privateKey back into the same account, whose signatures verify', () => {
    const pair = keypairFromSecretKey(hexToBytes(BTCLI_HOTKEY.privateKey.slice(2)));
    expect(pair.address).toBe(BTCLI_HOTKEY.ss58Address);
    const message = utf8ToBytes('transfer');
    expect(verify('sr25519', pair.publicKey, message, pair.sign(message))).toBe(true);
  });

  it('round-trips derived keys, which have no seed of their own', () => {
    for (const uri of ['//Alice', '//Bob//stash', `${BTCLI_HOTKEY.secretPhrase}//hot/0`]) {
      const back = keypairFromSecretKey(sr25519SecretKeyFromUri(uri));
      expect({ uri, address: back.address }).toEqual({ uri, address: keypairFromUri(uri).address });
    }
  });

  it('refuses a wrong length or a scalar that is not reduced', () => {
    expect(codeOf(() => keypairFromSecretKey(new Uint8Array(63)))).toBe('INVALID_SECRET_KEY');
    const unreduced = hexToBytes(BTCLI_HOTKEY.privateKey.slice(2));
    unreduced[31] = 0xff;
    expect(codeOf(() => keypairFromSecretKey(unreduced))).toBe('INVALID_SECRET_KEY');
  });
});
