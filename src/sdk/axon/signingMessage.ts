/** What a caller signs for one request: the fields that bind it to its sender, its miner, its stream and its body. */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { BodyHash } from './canonicalBody.ts';

/** The signed fields of a request, as its headers carry them. */
export interface SignedFields {
  /** Nanoseconds since the Unix epoch. */
  readonly nonce: bigint;
  /** SS58 of the caller's hotkey. */
  readonly callerHotkey: string;
  /** SS58 of the miner's hotkey. */
  readonly minerHotkey: string;
  readonly uuid: string;
  readonly bodyHash: BodyHash;
}

/**
 * The UTF-8 bytes of `${nonce}.${callerHotkey}.${minerHotkey}.${uuid}.${bodyHash}`, the nonce in
 * decimal without leading zeros; the caller signs these bytes with sr25519 (context "substrate").
 * @example new TextDecoder().decode(signingMessage(fields)) // '1718000000000000000.5Grw….5FHn….3f2a….c09d…'
 */
export function signingMessage(fields: SignedFields): Uint8Array {
  return utf8ToBytes(
    `${fields.nonce}.${fields.callerHotkey}.${fields.minerHotkey}.${fields.uuid}.${fields.bodyHash}`,
  );
}
