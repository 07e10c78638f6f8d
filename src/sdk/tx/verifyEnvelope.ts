/** Check a received envelope against the chain: form, chain, validity window, then signature. */
import { hexToBytes } from '@noble/hashes/utils.js';
import type { BlockNumber } from '../../engine/types.ts';
import { decodeSs58 } from '../keys/ss58.ts';
import { verify } from '../keys/verify.ts';
import { decodeSignedEnvelope, type TransactionResult } from './decodeEnvelope.ts';
import type { Envelope, Hex } from './envelope.ts';
import { TransactionError } from './transactionError.ts';

/** The chain an envelope is checked against. */
export interface ChainContext {
  /** The chain's block-0 hash. */
  readonly genesisHash: Hex;
  /** The block the transaction would be included in. */
  readonly block: BlockNumber;
}

/** An envelope that passed every check, with the signer's public key. */
export interface VerifiedEnvelope {
  readonly envelope: Envelope;
  readonly publicKey: Uint8Array;
  /** The signed bytes (`signingPayload(envelope)`). */
  readonly payload: Uint8Array;
  /** The signature's 64 bytes. */
  readonly signature: Uint8Array;
}

/**
 * Check an envelope (typed, or parsed JSON from anyone) for inclusion at `chain.block`: `MALFORMED`,
 * then `WRONG_GENESIS`, `NOT_YET_VALID` / `EXPIRED` (valid for `era.from` ≤ block < `era.from + era.period`),
 * then `BAD_SIGNATURE`; cheap checks first. Nonces are the caller's to check (they need account state).
 * @example
 * const checked = verifyEnvelope(JSON.parse(body), { genesisHash, block: head + 1 });
 * if (!checked.ok) return reply(checked.error.code, checked.error.message);
 */
export function verifyEnvelope(envelope: unknown, chain: ChainContext): TransactionResult<VerifiedEnvelope> {
  const decoded = decodeSignedEnvelope(envelope);
  if (!decoded.ok) return decoded;
  const { envelope: e, payload } = decoded.value;
  const outside = checkChainWindow(e, chain);
  if (outside !== null) return { ok: false, error: outside };
  const { publicKey } = decodeSs58(e.signer);
  const signature = hexToBytes(e.signature.slice(2));
  if (!verify(e.scheme, publicKey, payload, signature))
    return {
      ok: false,
      error: new TransactionError(
        'BAD_SIGNATURE',
        'signature',
        `not a ${e.scheme} signature by ${e.signer} of this envelope's payload`,
      ),
    };
  return { ok: true, value: { envelope: e, publicKey, payload, signature } };
}

/**
 * Whether a decoded envelope is for this chain and valid at `chain.block`: `WRONG_GENESIS`, then
 * `NOT_YET_VALID` / `EXPIRED`, or null. What a node checks again when it includes an envelope it
 * verified earlier (its signature cannot have changed; its window may have passed).
 * @example checkChainWindow(pending.envelope, { genesisHash, block: next }) // null, or EXPIRED
 */
export function checkChainWindow(e: Envelope, chain: ChainContext): TransactionError | null {
  if (e.genesisHash !== chain.genesisHash.toLowerCase())
    return new TransactionError(
      'WRONG_GENESIS',
      'genesisHash',
      `the envelope is for chain ${e.genesisHash}, this is ${chain.genesisHash}`,
    );
  if (chain.block < e.era.from)
    return new TransactionError(
      'NOT_YET_VALID',
      'era',
      `valid from block ${e.era.from}; this is block ${chain.block}`,
    );
  if (chain.block >= e.era.from + e.era.period)
    return new TransactionError(
      'EXPIRED',
      'era',
      `valid in blocks ${e.era.from} to ${e.era.from + e.era.period - 1}; this is block ${chain.block}; sign it again with a current era`,
    );
  return null;
}
