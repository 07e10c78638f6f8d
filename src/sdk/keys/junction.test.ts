import { blake2b } from '@noble/hashes/blake2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { junctionChainCode } from './junction.ts';
import { scaleBytes } from './scaleBytes.ts';

const padded = (hex: string) => hex.padEnd(64, '0');

describe('junction chain codes', () => {
  it('encode a name as a SCALE string, zero-padded to 32 bytes', () => {
    // 'Alice' is 5 bytes: compact length 5 << 2 = 0x14, then the UTF-8 bytes.
    expect(bytesToHex(junctionChainCode('Alice'))).toBe(padded('14416c696365'));
    expect(bytesToHex(junctionChainCode('é'))).toBe(padded('08c3a9'));
  });

  it('encode a name that reads as a u64 as 8 little-endian bytes, as Substrate does', () => {
    expect(bytesToHex(junctionChainCode('1'))).toBe(padded('0100000000000000'));
    expect(bytesToHex(junctionChainCode('+258'))).toBe(padded('0201000000000000'));
    expect(bytesToHex(junctionChainCode('18446744073709551615'))).toBe(padded('ffffffffffffffff'));
    // One past u64::MAX is a string: 20 bytes, compact length 0x50.
    expect(bytesToHex(junctionChainCode('18446744073709551616')).slice(0, 4)).toBe('5031');
  });

  it('hash an encoding longer than 32 bytes with blake2b-256', () => {
    const name = 'a'.repeat(32); // 33 bytes once the length byte 0x80 is in front
    const expected = blake2b(new Uint8Array([0x80, ...utf8ToBytes(name)]), { dkLen: 32 });
    expect(bytesToHex(junctionChainCode(name))).toBe(bytesToHex(expected));
    const fits = 'a'.repeat(31); // exactly 32 bytes: kept as is
    expect(bytesToHex(junctionChainCode(fits))).toBe(`7c${'61'.repeat(31)}`);
  });

  it('prefix SCALE lengths in the one-, two- and four-byte modes', () => {
    expect([...scaleBytes(new Uint8Array(63)).subarray(0, 1)]).toEqual([0xfc]);
    expect([...scaleBytes(new Uint8Array(64)).subarray(0, 2)]).toEqual([0x01, 0x01]);
    expect([...scaleBytes(new Uint8Array(16383)).subarray(0, 2)]).toEqual([0xfd, 0xff]);
    expect([...scaleBytes(new Uint8Array(16384)).subarray(0, 4)]).toEqual([0x02, 0x00, 0x01, 0x00]);
  });
});
