/** SCALE encoding of a byte string, as Substrate hashes names in key derivation. */
import { concatBytes } from '@noble/hashes/utils.js';

/**
 * SCALE compact length prefix then the bytes (a `Vec<u8>` or `str`): lengths below 2^6 take one byte,
 * below 2^14 two, below 2^30 four (little-endian, the low 2 bits naming the mode).
 * @example scaleBytes(utf8ToBytes('Alice')) // [0x14, 0x41, 0x6c, 0x69, 0x63, 0x65]
 */
export function scaleBytes(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  let prefix: Uint8Array;
  if (n < 1 << 6) prefix = Uint8Array.of(n << 2);
  else if (n < 1 << 14) prefix = Uint8Array.of(((n << 2) | 0b01) & 0xff, n >> 6);
  else if (n < 1 << 30) {
    const v = ((n << 2) | 0b10) >>> 0;
    prefix = Uint8Array.of(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24);
  } else throw new RangeError(`scaleBytes: ${n} bytes is beyond the 2^30 this encoder supports`);
  return concatBytes(prefix, bytes);
}
