import { blake2b } from '@noble/hashes/blake2.js';
import { hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base58 } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { decodeSs58, encodeSs58, SS58_PREFIX } from './ss58.ts';
import { Ss58Error } from './ss58Error.ts';

// Substrate's //Alice public key and its published addresses on three networks.
const ALICE = hexToBytes('d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d');
const ALICE_42 = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const ALICE_POLKADOT = '15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5';
const ALICE_KUSAMA = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(Ss58Error);
    return (e as Ss58Error).code;
  }
  return 'no error';
}

describe('SS58 addresses', () => {
  it('writes the published addresses of a known key', () => {
    expect(SS58_PREFIX).toBe(42);
    expect(encodeSs58(ALICE)).toBe(ALICE_42);
    expect(encodeSs58(ALICE, 0)).toBe(ALICE_POLKADOT);
    expect(encodeSs58(ALICE, 2)).toBe(ALICE_KUSAMA);
  });

  it('reads them back to the key and prefix', () => {
    expect(decodeSs58(ALICE_42)).toEqual({ publicKey: ALICE, prefix: 42 });
    expect(decodeSs58(ALICE_POLKADOT, 'any')).toEqual({ publicKey: ALICE, prefix: 0 });
    expect(decodeSs58(ALICE_KUSAMA, 2)).toEqual({ publicKey: ALICE, prefix: 2 });
  });

  it('writes prefixes 64–16383 in the two-byte form', () => {
    // Hand-computed from the SS58 rule: first = ((p & 0xfc) >> 2) | 0x40, second = (p >> 8) | ((p & 3) << 6).
    const cases: readonly [number, number, number][] = [
      [64, 0x50, 0x00],
      [255, 0x7f, 0xc0],
      [1000, 0x7a, 0x03],
      [16383, 0x7f, 0xff],
    ];
    for (const [prefix, first, second] of cases) {
      const address = encodeSs58(ALICE, prefix);
      const raw = base58.decode(address);
      expect([raw.length, raw[0], raw[1]], `prefix ${prefix}`).toEqual([36, first, second]);
      expect(decodeSs58(address, 'any'), `prefix ${prefix}`).toEqual({ publicKey: ALICE, prefix });
    }
  });

  it('checksums with blake2b-512 over "SS58PRE", prefix and key', () => {
    const raw = base58.decode(ALICE_42);
    const hash = blake2b(new Uint8Array([...utf8ToBytes('SS58PRE'), 42, ...ALICE]), { dkLen: 64 });
    expect([...raw.subarray(33)]).toEqual([hash[0], hash[1]]);
  });

  it('refuses a mistyped character, a bad alphabet, a wrong length, a bad or foreign prefix', () => {
    const swapped = `${ALICE_42.slice(0, 10)}${ALICE_42[10] === 'a' ? 'b' : 'a'}${ALICE_42.slice(11)}`;
    expect(codeOf(() => decodeSs58(swapped))).toBe('SS58_BAD_CHECKSUM');
    expect(codeOf(() => decodeSs58(`${ALICE_42.slice(0, -1)}0`))).toBe('SS58_BAD_BASE58');
    expect(codeOf(() => decodeSs58(ALICE_42.slice(0, -2)))).toBe('SS58_BAD_LENGTH');
    expect(codeOf(() => decodeSs58(''))).toBe('SS58_BAD_LENGTH');
    expect(codeOf(() => decodeSs58(base58.encode(new Uint8Array(35).fill(0x80))))).toBe('SS58_BAD_PREFIX');
    expect(codeOf(() => decodeSs58(ALICE_POLKADOT))).toBe('SS58_WRONG_NETWORK');
    expect(codeOf(() => encodeSs58(ALICE, 46))).toBe('SS58_BAD_PREFIX');
    expect(codeOf(() => encodeSs58(ALICE, 16384))).toBe('SS58_BAD_PREFIX');
    expect(codeOf(() => encodeSs58(ALICE.subarray(1)))).toBe('SS58_BAD_LENGTH');
  });

  it('names the field and the fix in its messages', () => {
    expect(() => decodeSs58(ALICE_POLKADOT)).toThrow(/^address: .* prefix 0; this network uses 42$/);
    expect(() => encodeSs58(ALICE, 47)).toThrow(/^prefix: 47 .* other than 46 and 47$/);
  });
});
