/**
 * The hash `commit_weights` stores and `reveal_weights` must reproduce. blake2b-256 over the SCALE encoding
 * of the tuple (hotkey, netuid, uids, values, salt, versionKey), the layout of the chain's `get_commit_hash`:
 *
 *   hotkey      compact(byte length) ‖ UTF-8 bytes of the hotkey name
 *   netuid      u16, little-endian
 *   uids        compact(count) ‖ each u16 little-endian
 *   values      compact(count) ‖ each u16 little-endian
 *   salt        compact(count) ‖ each u16 little-endian
 *   versionKey  u64, little-endian
 *
 * compact(n) is SCALE's compact integer: n < 2^6 → one byte 4n; n < 2^14 → two bytes 4n + 1; n < 2^30 →
 * four bytes 4n + 2 (little-endian). The hash is written `0x` + 64 lowercase hex digits.
 *
 * The one difference from the chain: its hotkey is a raw 32-byte account id (no length prefix), the engine's
 * a name. The netuid is the chain's storage index of the subnet's main mechanism, which equals the netuid.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { InputError } from '../errors.ts';
import { U64_MAX } from '../fixed/index.ts';

/** What a validator commits to. */
export interface WeightsReveal {
  readonly hotkey: string;
  readonly netuid: number;
  readonly uids: readonly number[];
  readonly values: readonly number[];
  readonly salt: readonly number[];
  readonly versionKey: bigint;
}

function littleEndian(value: bigint, bytes: number): number[] {
  return Array.from({ length: bytes }, (_, i) => Number((value >> BigInt(8 * i)) & 0xffn));
}

function compact(n: number, field: string): number[] {
  if (n < 1 << 6) return [n << 2];
  if (n < 1 << 14) return littleEndian(BigInt(n * 4 + 1), 2);
  if (n < 2 ** 30) return littleEndian(BigInt(n * 4 + 2), 4);
  throw new InputError(field, 'has more than 2^30 - 1 entries');
}

function u16(v: number, field: string): number[] {
  if (!Number.isInteger(v) || v < 0 || v > 65_535)
    throw new InputError(field, 'must be an integer in 0..65535');
  return [v & 0xff, v >> 8];
}

function u16Vec(xs: readonly number[], field: string): number[] {
  return [...compact(xs.length, field), ...xs.flatMap((x, i) => u16(x, `${field}[${i}]`))];
}

/** The SCALE bytes the commit hash is taken over (see the module comment). */
export function weightsCommitPreimage(reveal: WeightsReveal): Uint8Array {
  const { versionKey } = reveal;
  if (typeof versionKey !== 'bigint' || versionKey < 0n || versionKey > U64_MAX) {
    throw new InputError('versionKey', 'must be a u64 bigint');
  }
  const name = utf8ToBytes(reveal.hotkey);
  return Uint8Array.from([
    ...compact(name.length, 'hotkey'),
    ...name,
    ...u16(reveal.netuid, 'netuid'),
    ...u16Vec(reveal.uids, 'uids'),
    ...u16Vec(reveal.values, 'values'),
    ...u16Vec(reveal.salt, 'salt'),
    ...littleEndian(versionKey, 8),
  ]);
}

/**
 * The commit hash of a reveal: `0x` + hex blake2b-256 of {@link weightsCommitPreimage}. Throws `InputError`
 * naming the field when a number is not a u16 (or the version key not a u64).
 * @example weightsCommitHash({ hotkey: 'val', netuid: 1, uids: [0, 1], values: [65535, 3], salt: [7], versionKey: 0n })
 */
export function weightsCommitHash(reveal: WeightsReveal): string {
  return `0x${bytesToHex(blake2b(weightsCommitPreimage(reveal), { dkLen: 32 }))}`;
}
