import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { KeyError } from './keyError.ts';
import { keypairFromSeed, keypairFromUri } from './keypair.ts';
import { DEV_PHRASE, generateMnemonic, miniSecretFromMnemonic } from './mnemonic.ts';
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

describe('keys compatible with Substrate and btcli', () => {
  it('gives the public development addresses', () => {
    expect(keypairFromUri('//Alice').address).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
    expect(keypairFromUri('//Bob').address).toBe('5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty');
    expect(keypairFromUri('//Alice', 'ed25519').address).toBe(
      '5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu',
    );
    expect(keypairFromUri(DEV_PHRASE).address).toBe('5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV');
  });

  it('derives the mini-secret from the entropy, as `subkey inspect` shows for the dev phrase', () => {
    expect(bytesToHex(miniSecretFromMnemonic(DEV_PHRASE))).toBe(
      'fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e',
    );
  });

  it('matches the sr25519 vectors of Substrate’s own tests', () => {
    const seed = hexToBytes('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
    expect(bytesToHex(keypairFromSeed(seed).publicKey)).toBe(
      '44a996beb1eef7bdcab976ab6d2ca26104834164ecf28fb375600576fcc6eb0f',
    );
    expect(bytesToHex(keypairFromSeed(utf8ToBytes('12345678901234567890123456789012')).publicKey)).toBe(
      '741c08a06f41c596608f6774259bd9043304adfa5d3eea62760bd9be97634d63',
    );
    // Soft derivation: "<dev phrase>/Alice".
    const soft = 'd6c71059dbbe9ad2b0ed3f289738b800836eb425544ce694825285b958ca755e';
    expect(bytesToHex(keypairFromUri(`${DEV_PHRASE}/Alice`).publicKey)).toBe(soft);
    expect(bytesToHex(keypairFromUri('/Alice').publicKey)).toBe(soft);
  });

  it('matches RFC 8032 test 1 for an ed25519 seed (key and deterministic signature)', () => {
    const seed = hexToBytes('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
    const pair = keypairFromSeed(seed, 'ed25519');
    expect(bytesToHex(pair.publicKey)).toBe(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    );
    expect(bytesToHex(pair.sign(new Uint8Array()))).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
  });

  it('reads a 0x seed, paths and passwords the way Substrate does', () => {
    const devSeed = '0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e';
    expect(keypairFromUri(`${devSeed}//Alice`).address).toBe(keypairFromUri('//Alice').address);
    expect(keypairFromUri(`${devSeed}//Alice`, 'ed25519').address).toBe(
      keypairFromUri('//Alice', 'ed25519').address,
    );
    // `//Alice///password` is the dev phrase with BIP39 password "password", then //Alice.
    const withPassword = keypairFromUri('//Alice///password').address;
    const mini = miniSecretFromMnemonic(DEV_PHRASE, 'password');
    expect(withPassword).toBe(keypairFromUri(`0x${bytesToHex(mini)}//Alice`).address);
    expect(withPassword).not.toBe(keypairFromUri('//Alice').address);
    // Hard then soft, and extra spaces between words, give stable keys.
    const spaced = `  ${DEV_PHRASE.replaceAll(' ', '   ')} //Alice/stash`;
    expect(keypairFromUri(spaced).address).toBe(keypairFromUri('//Alice/stash').address);
    expect(keypairFromUri('//Alice//stash').address).not.toBe(keypairFromUri('//Alice/stash').address);
    // A numeric junction is the integer: //1 and //01 are one key, //1 and //2 two.
    expect(keypairFromUri('//01').address).toBe(keypairFromUri('//1').address);
    expect(keypairFromUri('//2').address).not.toBe(keypairFromUri('//1').address);
  });

  it('refuses bad secrets with typed errors that never quote the secret', () => {
    const badChecksum = DEV_PHRASE.replace(/walk$/, 'fit');
    expect(codeOf(() => keypairFromUri(badChecksum))).toBe('INVALID_MNEMONIC');
    expect(() => keypairFromUri(badChecksum)).not.toThrow(/bottom|drive/);
    expect(codeOf(() => keypairFromUri('correct horse battery staple'))).toBe('INVALID_MNEMONIC');
    expect(codeOf(() => keypairFromUri('0x1234//Alice'))).toBe('INVALID_SEED');
    expect(codeOf(() => keypairFromSeed(new Uint8Array(31)))).toBe('INVALID_SEED');
    expect(codeOf(() => keypairFromUri(`0x${'11'.repeat(32)}///pw`))).toBe('INVALID_SECRET_URI');
    expect(codeOf(() => keypairFromUri('//Alice/'))).toBe('INVALID_SECRET_URI');
    expect(codeOf(() => keypairFromUri('//Alice/stash', 'ed25519'))).toBe('SOFT_DERIVATION_UNSUPPORTED');
    expect(() => keypairFromUri('/x', 'ed25519')).toThrow(/^path: .*use a hard junction/);
  });

  it('generates mnemonics that make keys', () => {
    const words = generateMnemonic(24);
    expect(words.split(' ')).toHaveLength(24);
    expect(generateMnemonic().split(' ')).toHaveLength(12);
    expect(keypairFromUri(words).address).toMatch(/^5[1-9A-HJ-NP-Za-km-z]{47}$/);
  });
});

describe('signatures', () => {
  const message = utf8ToBytes('stake 1000000000 rao on netuid 1');

  for (const scheme of ['sr25519', 'ed25519'] as const) {
    it(`${scheme}: a signature verifies; a flipped bit in signature, message or key does not`, () => {
      const alice = keypairFromUri('//Alice', scheme);
      const signature = alice.sign(message);
      expect(signature).toHaveLength(64);
      expect(verify(scheme, alice.publicKey, message, signature)).toBe(true);
      for (const bit of [0, 100, 255, 511]) {
        const flipped = signature.slice();
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        expect(verify(scheme, alice.publicKey, message, flipped), `signature bit ${bit}`).toBe(false);
      }
      const otherMessage = message.slice();
      otherMessage[0]! ^= 1;
      expect(verify(scheme, alice.publicKey, otherMessage, signature)).toBe(false);
      expect(verify(scheme, keypairFromUri('//Bob', scheme).publicKey, message, signature)).toBe(false);
      const otherScheme = scheme === 'sr25519' ? 'ed25519' : 'sr25519';
      expect(verify(otherScheme, alice.publicKey, message, signature)).toBe(false);
    });
  }

  it('treats malformed keys and signatures as failed verifications', () => {
    const alice = keypairFromUri('//Alice');
    const signature = alice.sign(message);
    expect(verify('sr25519', alice.publicKey.subarray(1), message, signature)).toBe(false);
    expect(verify('sr25519', alice.publicKey, message, signature.subarray(1))).toBe(false);
    expect(verify('ed25519', new Uint8Array(32).fill(0xff), message, new Uint8Array(64))).toBe(false);
  });
});
