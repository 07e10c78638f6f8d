/** Read an envelope from untrusted JSON, or say which field is wrong and why. */
import type { Envelope } from './envelope.ts';
import { envelopeSchema } from './envelopeSchema.ts';
import { signingPayload } from './signingPayload.ts';
import { TransactionError } from './transactionError.ts';

/** An outcome that is either a value or a {@link TransactionError} (a rejection with `code` and `field`). */
export type TransactionResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: TransactionError };

const pathOf = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (out, key) =>
      typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`,
    '',
  );

/**
 * The envelope in `json` (a parsed JSON value), checked field by field and for a canonical form of its
 * arguments; a failure is `MALFORMED` with the first field at fault. The signature is not checked here.
 * @example decodeEnvelope(JSON.parse(body))
 */
export function decodeEnvelope(json: unknown): TransactionResult<Envelope> {
  const decoded = decodeSignedEnvelope(json);
  return decoded.ok ? { ok: true, value: decoded.value.envelope } : decoded;
}

/** An envelope read from JSON with the payload its signature must cover. */
export interface SignedEnvelope {
  readonly envelope: Envelope;
  /** {@link signingPayload} of the envelope. */
  readonly payload: Uint8Array;
}

/**
 * {@link decodeEnvelope}, also giving the signing payload (computed once: the canonical-form check
 * makes it, and a verifier needs it).
 * @example const r = decodeSignedEnvelope(json); if (r.ok) verify(scheme, key, r.value.payload, signature)
 */
export function decodeSignedEnvelope(json: unknown): TransactionResult<SignedEnvelope> {
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') {
      const field = pathOf([...issue.path, issue.keys[0]!]);
      const error = new TransactionError(
        'MALFORMED',
        field,
        'unknown field; it would not be signed, remove it',
      );
      return { ok: false, error };
    }
    return {
      ok: false,
      error: new TransactionError('MALFORMED', pathOf(issue.path) || 'envelope', issue.message),
    };
  }
  try {
    return { ok: true, value: { envelope: parsed.data, payload: signingPayload(parsed.data) } };
  } catch (e) {
    if (e instanceof TransactionError) return { ok: false, error: e };
    throw e;
  }
}
