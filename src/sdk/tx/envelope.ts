/**
 * The signed transaction envelope: a call, its signer, the signer's nonce, the chain it is for (genesis
 * hash) and the blocks it is valid in (era), with a signature over all of them. JSON on the wire.
 */
import type { BlockNumber } from '../../engine/types.ts';
import type { SignatureScheme } from '../keys/signatureScheme.ts';
import type { Ss58Address } from '../keys/ss58.ts';

/** The envelope format this code writes and reads. */
export const ENVELOPE_VERSION = 1;

/** The longest validity an envelope may ask for, in blocks (Substrate's longest mortal era). */
export const MAX_ERA_PERIOD = 65_536;

/** Lowercase hex with a `0x` prefix. */
export type Hex = `0x${string}`;

/**
 * A value inside call arguments: JSON without fractions. Integers are safe integers (|n| < 2^53);
 * amounts (rao, alpha units) are always decimal strings, e.g. `"1000000000"`, whatever their size.
 */
export type ArgValue =
  | null
  | boolean
  | number
  | string
  | readonly ArgValue[]
  | { readonly [name: string]: ArgValue };

/** The chain operation to run, by name, with named arguments. */
export interface Call {
  /** E.g. `add_stake`: a letter, then letters, digits, `_` or `.`; at most 64 characters. */
  readonly name: string;
  readonly args: { readonly [name: string]: ArgValue };
}

/** The blocks an envelope is valid in: `from` ≤ block < `from + period`. */
export interface Era {
  /** First block (inclusive) the envelope may be included in. */
  readonly from: BlockNumber;
  /** Number of blocks it stays valid, 1 to {@link MAX_ERA_PERIOD}. */
  readonly period: number;
}

/** Everything the signature covers. */
export interface UnsignedEnvelope {
  readonly version: typeof ENVELOPE_VERSION;
  readonly call: Call;
  /** The signer's account, SS58 with prefix 42. */
  readonly signer: Ss58Address;
  readonly scheme: SignatureScheme;
  /** The signer's transaction count before this one (0 for the first): each nonce is used once. */
  readonly nonce: number;
  /** The chain's block-0 hash, 32 bytes: an envelope for one chain is refused by every other. */
  readonly genesisHash: Hex;
  readonly era: Era;
}

/** A signed envelope. */
export interface Envelope extends UnsignedEnvelope {
  /** 64 bytes: the signer's signature of {@link signingPayload}(the other fields). */
  readonly signature: Hex;
}
