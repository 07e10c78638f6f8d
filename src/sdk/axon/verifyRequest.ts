/**
 * The checks a request passes before any work, in order, as data: each step either lets the request on
 * or refuses it with its own code. Cheap checks come first and the signature before anything that looks
 * the caller up; the nonce is recorded last, so a request refused at any step (a forgery, an unknown
 * caller) neither moves a stream's nonce nor takes a place in the nonce memory. The steps run
 * synchronously, so two copies of one request cannot both pass the nonce check.
 */
import { hexToBytes } from '@noble/hashes/utils.js';
import { InputError } from '../../engine/errors.ts';
import { decodeSs58, type Ss58Address } from '../keys/ss58.ts';
import { verify } from '../keys/verify.ts';
import { AxonError } from './axonError.ts';
import type { Caller, CallerRegistry } from './callerRegistry.ts';
import { type BodyHash, canonicalBody } from './canonicalBody.ts';
import type { NonceMemory } from './nonceMemory.ts';
import { signingMessage } from './signingMessage.ts';
import type { Synapse } from './synapse.ts';
import { REQUEST_HEADERS } from './wireHeaders.ts';

/** A request as it arrived. */
export interface ArrivedRequest {
  readonly synapse: Synapse;
  /** Header values by lower-case name (Node's form: a repeated header is an array). */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The body's text. */
  readonly body: string;
  readonly remoteAddress: string;
}

/** What the checks compare a request with. */
export interface VerifyContext {
  /** This miner's hotkey. */
  readonly minerHotkey: Ss58Address;
  readonly callers: CallerRegistry;
  readonly nonces: NonceMemory;
  /** The axon's clock, nanoseconds since the Unix epoch. */
  readonly nowNs: bigint;
}

/** A request that passed every check: who sent it, in which stream, and its typed body. */
export interface VerifiedRequest<Body = unknown> {
  readonly synapse: string;
  readonly caller: Caller;
  readonly uuid: string;
  readonly nonce: bigint;
  readonly body: Body;
  /** Milliseconds the caller said it will wait (the `timeout` header), when it said. */
  readonly callerTimeoutMs: number | undefined;
  readonly remoteAddress: string;
}

/** The names of the steps, in the order they run. */
export const VERIFY_STEPS = [
  'headers',
  'axonHotkey',
  'nonce',
  'bodyHash',
  'signature',
  'caller',
  'body',
  'recordNonce',
] as const;

/** One step of {@link VERIFY_STEPS}. */
export type VerifyStep = (typeof VERIFY_STEPS)[number];

/** The outcome: the verified request, or the refusal and the step that refused it. */
export type VerifyOutcome =
  | { readonly ok: true; readonly value: VerifiedRequest }
  | { readonly ok: false; readonly error: AxonError; readonly step: VerifyStep };

/** The signed headers, read and in form. */
interface SignedHeaders {
  readonly nonce: bigint;
  readonly uuid: string;
  readonly hotkey: Ss58Address;
  readonly publicKey: Uint8Array;
  readonly signature: Uint8Array;
  readonly axonHotkey: string;
  readonly bodyHash: BodyHash;
  readonly timeoutMs: number | undefined;
}

/** What the steps learn as they go; each step reads what earlier ones set. */
interface Draft {
  readonly request: ArrivedRequest;
  readonly context: VerifyContext;
  signed?: SignedHeaders;
  json?: unknown;
  caller?: Caller;
  body?: unknown;
}

const NONCE = /^[1-9][0-9]{0,19}$/;
const UUID = /^[A-Za-z0-9_-]{1,64}$/;
const SIGNATURE = /^0x[0-9a-fA-F]{128}$/;
const BODY_HASH = /^[0-9a-f]{64}$/;
const SECONDS = /^[0-9]{1,9}(\.[0-9]{1,9})?$/;
const NS_PER_MS = 1_000_000n;

const streamKey = (signed: SignedHeaders) => `${signed.hotkey}:${signed.uuid}`;
const seconds = (ns: bigint) => (Number(ns / NS_PER_MS) / 1000).toFixed(3);

/** One header's single value; `undefined` when absent or empty. */
function header(request: ArrivedRequest, name: string): string | undefined {
  const value = request.headers[name];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (value === undefined || value.length === 0) return undefined;
  throw new AxonError('MALFORMED_HEADER', `${name} is sent ${value.length} times; send it once`, name);
}

function required(request: ArrivedRequest, name: string): string {
  const value = header(request, name);
  if (value === undefined)
    throw new AxonError('MISSING_HEADER', `${name} is missing; every request carries it`, name);
  return value;
}

function inForm(value: string, form: RegExp, name: string, expected: string): string {
  if (!form.test(value))
    throw new AxonError('MALFORMED_HEADER', `"${value.slice(0, 80)}" is not ${expected}`, name);
  return value;
}

/** Read the signed headers; a missing signature is refused before anything else is read. */
function readSignedHeaders(request: ArrivedRequest): SignedHeaders {
  const signatureText = header(request, REQUEST_HEADERS.signature);
  if (signatureText === undefined)
    throw new AxonError(
      'MISSING_SIGNATURE',
      `${REQUEST_HEADERS.signature} is missing or empty; every request is signed by its caller's hotkey`,
      REQUEST_HEADERS.signature,
    );
  const H = REQUEST_HEADERS;
  const nonce = inForm(required(request, H.nonce), NONCE, H.nonce, 'nanoseconds since the Unix epoch');
  const uuid = inForm(required(request, H.uuid), UUID, H.uuid, '1 to 64 letters, digits, - or _');
  const hotkeyText = required(request, H.hotkey);
  const axonHotkey = required(request, H.axonHotkey);
  const bodyHash = inForm(
    required(request, H.bodyHash),
    BODY_HASH,
    H.bodyHash,
    '64 lowercase hex digits (blake2b-256 of the body in RFC 8785 form)',
  );
  inForm(signatureText, SIGNATURE, H.signature, '0x and 128 hex digits (a 64-byte sr25519 signature)');
  let publicKey: Uint8Array;
  try {
    publicKey = decodeSs58(hotkeyText).publicKey;
  } catch (cause) {
    throw new AxonError(
      'MALFORMED_HEADER',
      `not an SS58 hotkey: ${cause instanceof Error ? cause.message : String(cause)}`,
      H.hotkey,
    );
  }
  const timeoutText = header(request, H.timeout);
  const timeoutMs =
    timeoutText === undefined
      ? undefined
      : Number(inForm(timeoutText, SECONDS, H.timeout, 'seconds as a decimal, e.g. 12.0')) * 1000;
  return {
    nonce: BigInt(nonce),
    uuid,
    hotkey: hotkeyText as Ss58Address,
    publicKey,
    signature: hexToBytes(signatureText.slice(2)),
    axonHotkey,
    bodyHash: bodyHash as BodyHash,
    timeoutMs,
  };
}

const NONCE_REFUSALS = {
  stale: 'STALE_NONCE',
  future: 'FUTURE_NONCE',
  replayed: 'REPLAYED_NONCE',
} as const;

/** The steps; each returns nothing to let the request on, or throws the {@link AxonError} refusing it. */
const STEPS: Readonly<Record<VerifyStep, (draft: Draft) => void>> = {
  headers(draft) {
    draft.signed = readSignedHeaders(draft.request);
  },
  axonHotkey({ signed, context }) {
    if (signed!.axonHotkey !== context.minerHotkey)
      throw new AxonError(
        'WRONG_AXON_HOTKEY',
        `the request is for ${signed!.axonHotkey.slice(0, 64)}; this miner is ${context.minerHotkey}`,
        REQUEST_HEADERS.axonHotkey,
      );
  },
  nonce({ signed, context }) {
    const s = signed!;
    const verdict = context.nonces.check(streamKey(s), s.nonce, context.nowNs);
    if (verdict === 'fresh') return;
    const window = `the window is ${seconds(context.nonces.windowNs)} s`;
    const message =
      verdict === 'stale'
        ? `signed ${seconds(context.nowNs - s.nonce)} s ago by this miner's clock; ${window}: sign again`
        : verdict === 'future'
          ? `signed ${seconds(s.nonce - context.nowNs)} s ahead of this miner's clock; ${window}: check your clock`
          : `not above the last nonce served in stream ${s.uuid}; each request takes a new, larger nonce`;
    throw new AxonError(NONCE_REFUSALS[verdict], message, REQUEST_HEADERS.nonce);
  },
  bodyHash(draft) {
    let json: unknown;
    try {
      json = JSON.parse(draft.request.body);
    } catch {
      throw new AxonError('INVALID_JSON', 'the body is not JSON', 'body');
    }
    let hash: BodyHash;
    try {
      hash = canonicalBody(json).hash;
    } catch (cause) {
      if (cause instanceof InputError) throw new AxonError('INVALID_JSON', cause.message, cause.field);
      if (cause instanceof RangeError)
        throw new AxonError('INVALID_JSON', 'the body is nested too deeply to canonicalize', 'body');
      throw cause;
    }
    if (hash !== draft.signed!.bodyHash)
      throw new AxonError(
        'BODY_HASH_MISMATCH',
        `the body's hash is ${hash}, not the signed ${draft.signed!.bodyHash}: the body changed, or was hashed in another form than RFC 8785`,
        REQUEST_HEADERS.bodyHash,
      );
    draft.json = json;
  },
  signature({ signed, context }) {
    const s = signed!;
    const message = signingMessage({
      nonce: s.nonce,
      callerHotkey: s.hotkey,
      minerHotkey: context.minerHotkey,
      uuid: s.uuid,
      bodyHash: s.bodyHash,
    });
    if (!verify('sr25519', s.publicKey, message, s.signature))
      throw new AxonError(
        'BAD_SIGNATURE',
        `not an sr25519 signature by ${s.hotkey} of nonce.callerHotkey.minerHotkey.uuid.bodyHash`,
        REQUEST_HEADERS.signature,
      );
  },
  caller(draft) {
    const hotkey = draft.signed!.hotkey;
    const info = draft.context.callers.lookup(hotkey);
    if (info === undefined)
      throw new AxonError(
        'UNREGISTERED_CALLER',
        `${hotkey} holds no UID on this subnet`,
        REQUEST_HEADERS.hotkey,
      );
    if (!info.validatorPermit)
      throw new AxonError(
        'NO_VALIDATOR_PERMIT',
        `${hotkey} (UID ${info.uid}) has no validator permit`,
        REQUEST_HEADERS.hotkey,
      );
    draft.caller = { hotkey, uid: info.uid, validatorPermit: info.validatorPermit };
  },
  body(draft) {
    const parsed = draft.request.synapse.request.safeParse(draft.json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = (issue?.path ?? [])
        .map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))
        .join('');
      throw new AxonError(
        'INVALID_BODY',
        `not a ${draft.request.synapse.name} request: ${issue?.message ?? 'invalid'}`,
        `body${path}`,
      );
    }
    draft.body = parsed.data;
  },
  recordNonce({ signed, context }) {
    if (!context.nonces.record(streamKey(signed!), signed!.nonce, context.nowNs))
      throw new AxonError(
        'NONCE_MEMORY_FULL',
        `${context.nonces.capacity} streams are active within the nonce window; retry in a few seconds, or reuse your dendrite's stream`,
      );
  },
};

/**
 * Run {@link VERIFY_STEPS} over `request`; on success the nonce is recorded. Unexpected failures (a bug
 * in a registry) are thrown, not returned.
 * @example
 * const checked = verifyRequest(request, { minerHotkey, callers, nonces, nowNs });
 * if (!checked.ok) reply(checked.error.status, checked.error.toBody());
 */
export function verifyRequest(request: ArrivedRequest, context: VerifyContext): VerifyOutcome {
  const draft: Draft = { request, context };
  for (const step of VERIFY_STEPS) {
    try {
      STEPS[step](draft);
    } catch (error) {
      if (error instanceof AxonError) return { ok: false, error, step };
      throw error;
    }
  }
  const signed = draft.signed!;
  return {
    ok: true,
    value: {
      synapse: request.synapse.name,
      caller: draft.caller!,
      uuid: signed.uuid,
      nonce: signed.nonce,
      body: draft.body,
      callerTimeoutMs: signed.timeoutMs,
      remoteAddress: request.remoteAddress,
    },
  };
}
