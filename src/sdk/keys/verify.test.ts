import { ed25519 } from '@noble/curves/ed25519.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import * as sr25519 from '@scure/sr25519';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keypairFromSeed } from './keypair.ts';
import { verify } from './verify.ts';

describe('ed25519 verification through node:crypto', () => {
  it('agrees with @noble/curves on valid and tampered signatures', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 200 }),
        fc.nat(64 * 8 + 31),
        (seed, message, bit) => {
          const pair = keypairFromSeed(seed, 'ed25519');
          const signature = pair.sign(message);
          // Tamper with one bit of the signature (bits 0–511) or of the public key (512 and up).
          const badSignature = signature.slice();
          const badKey = pair.publicKey.slice();
          if (bit < 512) badSignature[bit >> 3]! ^= 1 << (bit & 7);
          else badKey[(bit - 512) >> 3]! ^= 1 << (bit & 7);
          for (const [key, sig] of [
            [pair.publicKey, signature],
            [pair.publicKey, badSignature],
            [badKey, signature],
          ] as const) {
            let noble: boolean;
            try {
              noble = ed25519.verify(sig, message, key);
            } catch {
              noble = false;
            }
            expect(verify('ed25519', key, message, sig)).toBe(noble);
          }
          expect(verify('ed25519', pair.publicKey, message, signature)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('accepts signatures made by another implementation', () => {
    const seed = new Uint8Array(32).fill(7);
    const message = utf8ToBytes('made by noble, checked by OpenSSL');
    const signature = ed25519.sign(message, seed);
    expect(verify('ed25519', ed25519.getPublicKey(seed), message, signature)).toBe(true);
  });
});

describe('sr25519 verification through schnorrkel (WebAssembly)', () => {
  it('agrees with @scure/sr25519 on valid and tampered signatures', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 200 }),
        fc.nat(64 * 8 + 31),
        (seed, message, bit) => {
          const pair = keypairFromSeed(seed, 'sr25519');
          const signature = pair.sign(message);
          const badSignature = signature.slice();
          const badKey = pair.publicKey.slice();
          if (bit < 512) badSignature[bit >> 3]! ^= 1 << (bit & 7);
          else badKey[(bit - 512) >> 3]! ^= 1 << (bit & 7);
          for (const [key, sig] of [
            [pair.publicKey, signature],
            [pair.publicKey, badSignature],
            [badKey, signature],
          ] as const) {
            let scure: boolean;
            try {
              scure = sr25519.verify(message, sig, key);
            } catch {
              scure = false;
            }
            expect(verify('sr25519', key, message, sig)).toBe(scure);
          }
          expect(verify('sr25519', pair.publicKey, message, signature)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses random bytes as a key or a signature without throwing', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        (key, sig) => {
          expect(verify('sr25519', key, utf8ToBytes('m'), sig)).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
  });
});
