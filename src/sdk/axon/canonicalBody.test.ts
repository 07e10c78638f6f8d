import { blake2b } from '@noble/hashes/blake2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { canonicalBody } from './canonicalBody.ts';

describe('canonical body', () => {
  it('hashes the UTF-8 bytes of the RFC 8785 text with blake2b-256, as an independent blake2b does', () => {
    for (const body of [{}, { text: 'é😀 "quoted"\n' }, { b: [1.5, null], a: 'x'.repeat(70_000) }]) {
      const { text, hash } = canonicalBody(body);
      expect(hash).toBe(bytesToHex(blake2b(utf8ToBytes(text), { dkLen: 32 })));
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('sends the canonical text: members sorted, no whitespace', () => {
    expect(canonicalBody({ z: 1, a: [true] }).text).toBe('{"a":[true],"z":1}');
  });
});
