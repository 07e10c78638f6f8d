/** The headers and body of one signed request to one miner. */
import { bytesToHex } from '@noble/hashes/utils.js';
import { InputError } from '../../engine/errors.ts';
import type { CanonicalBody } from '../axon/canonicalBody.ts';
import { signingMessage } from '../axon/signingMessage.ts';
import { REQUEST_HEADERS } from '../axon/wireHeaders.ts';
import type { Keypair } from '../keys/keypair.ts';

/** What one request is made of. */
export interface RequestToSign {
  /** The caller's hotkey; sr25519, as bittensor hotkeys are. */
  readonly keypair: Keypair;
  /** The miner's hotkey (SS58). */
  readonly minerHotkey: string;
  readonly uuid: string;
  /** Nanoseconds since the Unix epoch, above the stream's previous nonce. */
  readonly nonce: bigint;
  readonly body: CanonicalBody;
  /** Milliseconds the caller will wait, sent as the `timeout` header in seconds; none when absent. */
  readonly timeoutMs?: number;
}

/** A request ready to POST: its headers and its body's text. */
export interface SignedRequest {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Sign one request: the caller's sr25519 signature of `nonce.callerHotkey.minerHotkey.uuid.bodyHash`
 * and the headers that carry it. Throws an {@link InputError} for an ed25519 keypair.
 * @example fetch(`${axon.url}/Echo`, { method: 'POST', ...signRequest({ keypair, minerHotkey, uuid, nonce, body: canonicalBody({ text: 'hi' }) }) })
 */
export function signRequest(request: RequestToSign): SignedRequest {
  const { keypair, body } = request;
  if (keypair.scheme !== 'sr25519')
    throw new InputError(
      'keypair',
      `a ${keypair.scheme} key cannot sign requests to miners; use an sr25519 hotkey`,
    );
  const message = signingMessage({
    nonce: request.nonce,
    callerHotkey: keypair.address,
    minerHotkey: request.minerHotkey,
    uuid: request.uuid,
    bodyHash: body.hash,
  });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [REQUEST_HEADERS.nonce]: String(request.nonce),
    [REQUEST_HEADERS.uuid]: request.uuid,
    [REQUEST_HEADERS.hotkey]: keypair.address,
    [REQUEST_HEADERS.signature]: `0x${bytesToHex(keypair.sign(message))}`,
    [REQUEST_HEADERS.axonHotkey]: request.minerHotkey,
    [REQUEST_HEADERS.bodyHash]: body.hash,
  };
  if (request.timeoutMs !== undefined)
    headers[REQUEST_HEADERS.timeout] = (request.timeoutMs / 1000).toFixed(3);
  return { headers, body: body.text };
}
