/**
 * Everything a node checks about a submission that needs no account state: the envelope's form, chain,
 * validity window and signature, and its call's arguments. Pure, so it runs in this thread or on a
 * verifier thread alike; the nonce check and the journal stay with the node.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import type { MechanismChainExtrinsic } from '../../engine/mechanisms/extrinsics.ts';
import { toExtrinsic } from '../../sdk/calls/toExtrinsic.ts';
import type { Envelope, Hex } from '../../sdk/tx/envelope.ts';
import { signingPayload } from '../../sdk/tx/signingPayload.ts';
import { TransactionError, type TransactionErrorCode } from '../../sdk/tx/transactionError.ts';
import { type ChainContext, verifyEnvelope } from '../../sdk/tx/verifyEnvelope.ts';

/** A submission that passed: its id (the hash of the envelope), the envelope and the engine's extrinsic. */
export interface CheckedSubmission {
  readonly ok: true;
  readonly id: Hex;
  readonly envelope: Envelope;
  readonly extrinsic: MechanismChainExtrinsic;
}

/** A refused submission, as plain data so that it crosses threads; {@link refusalError} rebuilds the error. */
export interface RefusedSubmission {
  readonly ok: false;
  readonly code: TransactionErrorCode;
  readonly field: string;
  /** The reason without the field prefix. */
  readonly reason: string;
}

/** What {@link checkSubmission} says. */
export type SubmissionCheck = CheckedSubmission | RefusedSubmission;

/**
 * The id of a signed envelope: blake2b-256 of its signed bytes followed by its signature, as 0x-hex
 * (as a Substrate extrinsic's hash covers its signed body and signature). Every field is covered.
 * @example submissionId(envelope) // '0x3f…'
 */
export function submissionId(envelope: Envelope): Hex {
  return idOf(signingPayload(envelope), hexToBytes(envelope.signature.slice(2)));
}

function idOf(payload: Uint8Array, signature: Uint8Array): Hex {
  const h = blake2b.create({ dkLen: 32 });
  h.update(payload);
  h.update(signature);
  return `0x${bytesToHex(h.digest())}`;
}

/** The refusal of a thrown TransactionError (anything else is a bug and is thrown again). */
function refusal(error: unknown): RefusedSubmission {
  if (!(error instanceof TransactionError)) throw error;
  const prefix = `${error.field}: `;
  const reason = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return { ok: false, code: error.code, field: error.field, reason };
}

/**
 * Check `input` (parsed JSON from anyone) for inclusion at `chain.block`.
 * @example checkSubmission(JSON.parse(body), { genesisHash, block: head + 1 })
 */
export function checkSubmission(input: unknown, chain: ChainContext): SubmissionCheck {
  const checked = verifyEnvelope(input, chain);
  if (!checked.ok) return refusal(checked.error);
  const { envelope, payload, signature } = checked.value;
  try {
    return { ok: true, id: idOf(payload, signature), envelope, extrinsic: toExtrinsic(envelope) };
  } catch (error) {
    return refusal(error);
  }
}

/** The TransactionError a refusal stands for. */
export function refusalError(r: RefusedSubmission): TransactionError {
  return new TransactionError(r.code, r.field, r.reason);
}
