import { blake2b } from '@noble/hashes/blake2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import { weightsCommitHash, weightsCommitPreimage } from './weightsCommitHash.ts';

const reveal = { hotkey: 'val', netuid: 1, uids: [0, 2], values: [65_535, 300], salt: [7], versionKey: 5n };

describe('weightsCommitHash', () => {
  it('hashes the SCALE bytes of (hotkey, netuid, uids, values, salt, versionKey)', () => {
    const hotkey = [3 << 2, 0x76, 0x61, 0x6c]; // compact(3) "val"
    const netuid = [1, 0]; // u16 LE
    const uids = [2 << 2, ...[0, 0], ...[2, 0]]; // compact(2), 0, 2
    const values = [2 << 2, ...[0xff, 0xff], ...[0x2c, 0x01]]; // compact(2), 65535, 300
    const salt = [1 << 2, ...[7, 0]]; // compact(1), 7
    const versionKey = [5, 0, 0, 0, 0, 0, 0, 0]; // u64 LE
    const expected = [...hotkey, ...netuid, ...uids, ...values, ...salt, ...versionKey];
    expect([...weightsCommitPreimage(reveal)]).toEqual(expected);
    expect(weightsCommitHash(reveal)).toBe(
      `0x${bytesToHex(blake2b(Uint8Array.from(expected), { dkLen: 32 }))}`,
    );
  });

  it('uses the two-byte compact length from 64 entries on', () => {
    const salt = Array.from({ length: 64 }, (_, i) => i);
    const bytes = weightsCommitPreimage({ ...reveal, salt });
    const at = 1 + 3 + 2 + 5 + 5; // after hotkey, netuid, uids and values
    expect([bytes[at], bytes[at + 1]]).toEqual([(64 * 4 + 1) & 0xff, (64 * 4 + 1) >> 8]);
    expect(bytes.length).toBe(at + 2 + 128 + 8);
  });

  it('changes with every part of the data', () => {
    const base = weightsCommitHash(reveal);
    expect(base).toMatch(/^0x[0-9a-f]{64}$/);
    for (const changed of [
      { ...reveal, hotkey: 'vab' },
      { ...reveal, netuid: 2 },
      { ...reveal, uids: [0, 1] },
      { ...reveal, values: [65_535, 301] },
      { ...reveal, salt: [8] },
      { ...reveal, versionKey: 6n },
    ]) {
      expect(
        weightsCommitHash(changed),
        JSON.stringify(changed, (_, v) => (typeof v === 'bigint' ? `${v}` : v)),
      ).not.toBe(base);
    }
  });

  it('names the field that is not a u16 or u64', () => {
    expect(() => weightsCommitHash({ ...reveal, salt: [70_000] })).toThrow(InputError);
    expect(() => weightsCommitHash({ ...reveal, salt: [70_000] })).toThrow('salt[0]');
    expect(() => weightsCommitHash({ ...reveal, values: [1.5, 2] })).toThrow('values[0]');
    expect(() => weightsCommitHash({ ...reveal, versionKey: -1n })).toThrow('versionKey');
  });
});
