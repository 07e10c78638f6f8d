/**
 * A validator's client (a dendrite): queries many miners at once, each request signed by the
 * validator's hotkey in one stream (a uuid per dendrite, strictly increasing nanosecond nonces), at most
 * `concurrency` in flight, each within its own deadline. One miner's failure is a value in its place of
 * the results, never an exception. Uses Node's fetch; nothing is looked up at start (no external IP).
 */
import { randomUUID } from 'node:crypto';
import { InputError } from '../../engine/errors.ts';
import { AXON_ERROR_CODES, type AxonErrorCode } from '../axon/axonError.ts';
import { type CanonicalBody, canonicalBody } from '../axon/canonicalBody.ts';
import type { Synapse, SynapseRequest, SynapseResponse } from '../axon/synapse.ts';
import { RESPONSE_HEADERS } from '../axon/wireHeaders.ts';
import { describeCause } from '../client/httpRpc.ts';
import type { Keypair } from '../keys/keypair.ts';
import type { Ss58Address } from '../keys/ss58.ts';
import { createNonceClock } from './nonceClock.ts';
import type { AxonTarget, QueryFailure, QueryResult } from './queryResult.ts';
import { signRequest } from './signRequest.ts';

/** Options of {@link createDendrite}. */
export interface DendriteOptions {
  /** The validator's hotkey (sr25519). */
  readonly keypair: Keypair;
  /** Largest answer read from a miner, in bytes; default 8 MiB. */
  readonly maxResponseBytes?: number;
}

/** Options of one query. */
export interface QueryOptions {
  /** Deadline of each request, sending to the whole answer, ms; default 12 000 (bittensor's). */
  readonly timeoutMs?: number;
  /** Requests in flight at once; default 64. */
  readonly concurrency?: number;
}

/** A signing client for miners. */
export interface Dendrite {
  /** The hotkey requests are signed with. */
  readonly hotkey: Ss58Address;
  /** This dendrite's stream id, sent with every request. */
  readonly uuid: string;
  /**
   * Send `body` to `synapse` on every axon; results in the order of `axons`. Throws only for a mistake
   * of the caller's (a body that is not the synapse's request, bad options), before anything is sent.
   * Requests to one miner from one dendrite should not overlap: the miner serves a stream's nonces in
   * increasing order only, so of two overlapping requests the later-signed may overtake the other,
   * which is then refused `REPLAYED_NONCE`. Use a dendrite per concurrent stream to the same miner.
   */
  query<S extends Synapse>(
    axons: readonly AxonTarget[],
    synapse: S,
    body: SynapseRequest<S>,
    options?: QueryOptions,
  ): Promise<QueryResult<SynapseResponse<S>>[]>;
}

/** Defaults of a query: bittensor's 12 s timeout; enough parallel requests for a 256-UID subnet in a few rounds. */
export const DEFAULT_QUERY_TIMEOUT_MS = 12_000;
export const DEFAULT_QUERY_CONCURRENCY = 64;
const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * A dendrite signing with `options.keypair`.
 * @example
 * const dendrite = createDendrite({ keypair: validatorHotkey });
 * const results = await dendrite.query(axons, Echo, { text: 'hi' }, { timeoutMs: 5_000 });
 * for (const r of results) if (r.ok) score(r.axon.hotkey, r.body, r.latencyMs);
 */
export function createDendrite(options: DendriteOptions): Dendrite {
  const { keypair } = options;
  if (keypair.scheme !== 'sr25519')
    throw new InputError(
      'keypair',
      `a ${keypair.scheme} key cannot sign requests to miners; use an sr25519 hotkey`,
    );
  const maxResponseBytes = positiveInteger(
    'maxResponseBytes',
    options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  );
  const uuid = randomUUID();
  const nextNonce = createNonceClock();

  const send = async <T>(
    axon: AxonTarget,
    synapse: Synapse,
    body: CanonicalBody,
    timeoutMs: number,
  ): Promise<QueryResult<T>> => {
    const started = performance.now();
    const fail = (
      status: number,
      code: QueryFailure['code'],
      message: string,
      field?: string,
    ): QueryFailure => {
      const latencyMs = performance.now() - started;
      return field === undefined
        ? { ok: false, axon, status, code, message, latencyMs }
        : { ok: false, axon, status, code, message, field, latencyMs };
    };
    let url: URL;
    try {
      url = new URL(synapse.name, axon.url.endsWith('/') ? axon.url : `${axon.url}/`);
    } catch {
      return fail(503, 'UNREACHABLE', `${axon.url.slice(0, 100)} is not a URL`);
    }
    const signed = signRequest({
      keypair,
      minerHotkey: axon.hotkey,
      uuid,
      nonce: nextNonce(),
      body,
      timeoutMs,
    });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let status: number;
    let text: string | undefined;
    let processTime: string | null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: signed.headers,
        body: signed.body,
        signal: controller.signal,
      });
      status = response.status;
      processTime = response.headers.get(RESPONSE_HEADERS.processTime);
      text = await readBounded(response, maxResponseBytes);
    } catch (cause) {
      if (controller.signal.aborted) return fail(408, 'TIMEOUT', `no whole answer within ${timeoutMs} ms`);
      return fail(503, 'UNREACHABLE', `cannot reach ${url.origin} (${describeCause(cause)})`);
    } finally {
      clearTimeout(timer);
    }
    if (text === undefined)
      return fail(status, 'RESPONSE_TOO_LARGE', `the answer is over ${maxResponseBytes} bytes`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return fail(status, 'BAD_RESPONSE', `HTTP ${status} with a body that is not JSON`);
    }
    if (status !== 200) {
      const refusal = readRefusal(json);
      return refusal === undefined
        ? fail(status, 'BAD_RESPONSE', `HTTP ${status} without an axon error body`)
        : fail(status, refusal.code, refusal.message, refusal.field);
    }
    const parsed = synapse.response.safeParse(json);
    if (!parsed.success)
      return fail(
        status,
        'BAD_RESPONSE',
        `the answer is not a ${synapse.name} response: ${parsed.error.issues[0]?.message ?? ''}`,
      );
    const seconds = processTime === null ? Number.NaN : Number(processTime);
    return {
      ok: true,
      axon,
      status: 200,
      body: parsed.data as T,
      latencyMs: performance.now() - started,
      processMs: Number.isFinite(seconds) ? seconds * 1000 : undefined,
    };
  };

  return {
    hotkey: keypair.address,
    uuid,
    async query(axons, synapse, body, queryOptions) {
      const timeoutMs = positiveInteger('timeoutMs', queryOptions?.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS);
      const concurrency = positiveInteger(
        'concurrency',
        queryOptions?.concurrency ?? DEFAULT_QUERY_CONCURRENCY,
      );
      const checked = synapse.request.safeParse(body);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw new InputError(
          ['body', ...(issue?.path ?? []).map(String)].join('.'),
          `not a ${synapse.name} request: ${issue?.message ?? 'invalid'}`,
        );
      }
      // One canonical text for every miner: each request differs only in its signed headers.
      const canonical = canonicalBody(body);
      type Answer = QueryResult<SynapseResponse<typeof synapse>>;
      const results: Answer[] = new Array(axons.length);
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < axons.length; i = next++)
          results[i] = await send<SynapseResponse<typeof synapse>>(axons[i]!, synapse, canonical, timeoutMs);
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, axons.length) }, worker));
      return results;
    },
  };
}

const KNOWN_CODES: ReadonlySet<string> = new Set(AXON_ERROR_CODES);

/** An axon's `{ code, message, field? }`, when the body is one. */
function readRefusal(json: unknown): { code: AxonErrorCode; message: string; field?: string } | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { code, message, field } = json as Record<string, unknown>;
  if (typeof code !== 'string' || !KNOWN_CODES.has(code) || typeof message !== 'string') return undefined;
  return typeof field === 'string'
    ? { code: code as AxonErrorCode, message, field }
    : { code: code as AxonErrorCode, message };
}

/** The body's text, or `undefined` (the rest unread) once it passes `max` bytes. */
async function readBounded(response: Response, max: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > max) {
    await response.body?.cancel();
    return undefined;
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function positiveInteger(field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new InputError(field, `${value} is not allowed; use a positive integer`);
  return value;
}
