/**
 * An axon on an ephemeral port, called by a real dendrite and by hand-made requests: every check refuses
 * with its own status and code, and a verified request is served once. (Here rather than beside
 * `startAxon.ts` so that no file under axon/ imports the dendrite.)
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  aborted,
  BLACKLISTED,
  CALLERS,
  deferred,
  Echo,
  Hold,
  MINER,
  NO_PERMIT,
  UNREGISTERED,
  VALIDATOR,
} from '../axon/axon.testkit.ts';
import { AXON_ERROR_STATUS, AxonError } from '../axon/axonError.ts';
import { canonicalBody } from '../axon/canonicalBody.ts';
import { serveSynapse } from '../axon/serveSynapse.ts';
import { type Axon, startAxon } from '../axon/startAxon.ts';
import { defineSynapse } from '../axon/synapse.ts';
import { REQUEST_HEADERS, RESPONSE_HEADERS } from '../axon/wireHeaders.ts';
import type { Keypair } from '../keys/keypair.ts';
import { createDendrite } from './createDendrite.ts';
import { createNonceClock } from './nonceClock.ts';
import type { QueryResult } from './queryResult.ts';
import { type SignedRequest, signRequest } from './signRequest.ts';

const Broken = defineSynapse({ name: 'Broken', request: z.object({}), response: z.object({}) });
const Misshapen = defineSynapse({
  name: 'Misshapen',
  request: z.object({}),
  response: z.object({ n: z.number() }),
});
const Refusing = defineSynapse({ name: 'Refusing', request: z.object({}), response: z.object({}) });
const Unserved = defineSynapse({ name: 'Unserved', request: z.object({}), response: z.object({}) });

const S = 1_000_000_000n;
const nextNonce = createNonceClock();
const internalErrors: string[] = [];

let axon: Axon;
const target = () => ({ url: axon.url, hotkey: MINER.address });

beforeAll(async () => {
  axon = await startAxon({
    hotkey: MINER.address,
    port: 0,
    callers: CALLERS,
    blacklist: ({ caller }) =>
      caller.hotkey === BLACKLISTED.address ? 'this validator is blacklisted' : undefined,
    limits: { maxBodyBytes: 4096 },
    onInternalError: (_error, where) => internalErrors.push(where),
    synapses: [
      serveSynapse(Echo, ({ body, caller }) => ({ text: body.text, uid: caller.uid })),
      serveSynapse(
        Hold,
        async (_request, signal) => {
          await aborted(signal);
          return { done: true };
        },
        { timeoutMs: 100 },
      ),
      serveSynapse(Broken, () => {
        throw new Error('the model file is missing');
      }),
      serveSynapse(Misshapen, () => ({ n: 'seven' }) as unknown as { n: number }),
      serveSynapse(Refusing, () => {
        throw new AxonError('BLACKLISTED', 'not today');
      }),
    ],
  });
});

afterAll(async () => {
  await axon.close();
});

/** A request signed as a dendrite signs it, with any part replaced. */
function signed(
  over: { keypair?: Keypair; nonce?: bigint; body?: unknown; minerHotkey?: string; uuid?: string } = {},
): SignedRequest {
  return signRequest({
    keypair: over.keypair ?? VALIDATOR,
    minerHotkey: over.minerHotkey ?? MINER.address,
    uuid: over.uuid ?? randomUUID(),
    nonce: over.nonce ?? nextNonce(),
    body: canonicalBody(over.body ?? { text: 'hello' }),
  });
}

/** POST a hand-made request; the status, the JSON body and the headers of the answer. */
async function post(
  request: { headers: Readonly<Record<string, string>>; body: string },
  path = '/Echo',
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${axon.url}${path}`, { method: 'POST', ...request });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

const withHeaders = (request: SignedRequest, headers: Record<string, string | undefined>) => {
  const merged: Record<string, string> = { ...request.headers };
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  return { headers: merged, body: request.body };
};

/** Status, code and field of a refusal, or the status and body of an answer. */
const outcome = (r: { status: number; body: Record<string, unknown> }) => ({
  status: r.status,
  code: r.body.code,
  field: r.body.field,
});

const failure = <T>(r: QueryResult<T> | undefined) =>
  r === undefined || r.ok ? { ok: r?.ok } : { ok: false, status: r.status, code: r.code };

describe('axon: a verified request', () => {
  it('is served to a real dendrite, with the typed answer, latency and process time', async () => {
    const dendrite = createDendrite({ keypair: VALIDATOR });
    const [result] = await dendrite.query([target()], Echo, { text: 'hello' });
    expect(result).toMatchObject({ ok: true, status: 200, body: { text: 'hello', uid: 0 } });
    if (!result?.ok) return;
    expect(result.latencyMs).toBeGreaterThan(0);
    expect(result.processMs).toBeGreaterThanOrEqual(0);
    // The same stream goes on: each request of the dendrite takes a larger nonce.
    const [again] = await dendrite.query([target()], Echo, { text: 'again' });
    expect(again).toMatchObject({ ok: true, body: { text: 'again' } });
  });

  it("answers with bittensor's axon headers", async () => {
    const answer = await post(signed());
    expect(answer.status).toBe(200);
    expect(answer.headers.get(RESPONSE_HEADERS.statusCode)).toBe('200');
    expect(answer.headers.get(RESPONSE_HEADERS.statusMessage)).toBe('Success');
    expect(answer.headers.get(RESPONSE_HEADERS.axonHotkey)).toBe(MINER.address);
    expect(Number(answer.headers.get(RESPONSE_HEADERS.processTime))).toBeGreaterThanOrEqual(0);
  });

  it('is served whatever the JSON form of the body, since the hash covers its RFC 8785 form', async () => {
    const request = signed({ body: { text: 'é' } });
    const answer = await post({ headers: request.headers, body: '{ "text" : "\\u00e9" }' });
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 200,
      body: { text: 'é', uid: 0 },
    });
  });
});

describe('axon: each check refuses with its own status and code', () => {
  const cases: {
    name: string;
    request: () => { headers: Readonly<Record<string, string>>; body: string };
    expected: { status: number; code: string; field?: string };
  }[] = [
    {
      name: 'a forged signature (made by another key than the hotkey named)',
      request: () =>
        withHeaders(signed({ keypair: UNREGISTERED }), { [REQUEST_HEADERS.hotkey]: VALIDATOR.address }),
      expected: { status: 401, code: 'BAD_SIGNATURE', field: REQUEST_HEADERS.signature },
    },
    {
      name: 'a signature with a flipped byte',
      request: () => {
        const r = signed();
        const sig = r.headers[REQUEST_HEADERS.signature]!;
        const flipped = `${sig.slice(0, 10)}${sig[10] === '0' ? '1' : '0'}${sig.slice(11)}`;
        return withHeaders(r, { [REQUEST_HEADERS.signature]: flipped });
      },
      expected: { status: 401, code: 'BAD_SIGNATURE', field: REQUEST_HEADERS.signature },
    },
    {
      name: 'a missing signature',
      request: () => withHeaders(signed(), { [REQUEST_HEADERS.signature]: undefined }),
      expected: { status: 401, code: 'MISSING_SIGNATURE', field: REQUEST_HEADERS.signature },
    },
    {
      name: 'an empty signature (the case bittensor once let through unverified)',
      request: () => withHeaders(signed(), { [REQUEST_HEADERS.signature]: '' }),
      expected: { status: 401, code: 'MISSING_SIGNATURE', field: REQUEST_HEADERS.signature },
    },
    {
      name: 'a missing uuid',
      request: () => withHeaders(signed(), { [REQUEST_HEADERS.uuid]: undefined }),
      expected: { status: 401, code: 'MISSING_HEADER', field: REQUEST_HEADERS.uuid },
    },
    {
      name: 'a nonce with a leading zero',
      request: () => {
        const r = signed();
        return withHeaders(r, { [REQUEST_HEADERS.nonce]: `0${r.headers[REQUEST_HEADERS.nonce]}` });
      },
      expected: { status: 400, code: 'MALFORMED_HEADER', field: REQUEST_HEADERS.nonce },
    },
    {
      name: 'a stale nonce (signed 10 s ago)',
      request: () => signed({ nonce: nextNonce() - 10n * S }),
      expected: { status: 401, code: 'STALE_NONCE', field: REQUEST_HEADERS.nonce },
    },
    {
      name: 'a nonce 10 s ahead',
      request: () => signed({ nonce: nextNonce() + 10n * S }),
      expected: { status: 401, code: 'FUTURE_NONCE', field: REQUEST_HEADERS.nonce },
    },
    {
      name: 'a tampered body',
      request: () => ({ headers: signed({ body: { text: 'pay 1' } }).headers, body: '{"text":"pay 1000"}' }),
      expected: { status: 400, code: 'BODY_HASH_MISMATCH', field: REQUEST_HEADERS.bodyHash },
    },
    {
      name: 'a body that is not JSON',
      request: () => ({ headers: signed().headers, body: '{"text":' }),
      expected: { status: 400, code: 'INVALID_JSON', field: 'body' },
    },
    {
      name: 'a signed body that is not the synapse request',
      request: () => signed({ body: { text: 5 } }),
      expected: { status: 400, code: 'INVALID_BODY', field: 'body.text' },
    },
    {
      name: 'a request for another miner',
      request: () => signed({ minerHotkey: VALIDATOR.address }),
      expected: { status: 401, code: 'WRONG_AXON_HOTKEY', field: REQUEST_HEADERS.axonHotkey },
    },
    {
      name: 'an unregistered caller',
      request: () => signed({ keypair: UNREGISTERED }),
      expected: { status: 403, code: 'UNREGISTERED_CALLER', field: REQUEST_HEADERS.hotkey },
    },
    {
      name: 'a caller without a validator permit',
      request: () => signed({ keypair: NO_PERMIT }),
      expected: { status: 403, code: 'NO_VALIDATOR_PERMIT', field: REQUEST_HEADERS.hotkey },
    },
    {
      name: 'a body that is not application/json',
      request: () => {
        const r = signed();
        return withHeaders(r, { 'content-type': 'text/plain' });
      },
      expected: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', field: 'body' },
    },
  ];

  for (const c of cases)
    it(c.name, async () => {
      const answer = await post(c.request());
      expect(outcome(answer)).toEqual({ field: undefined, ...c.expected });
      expect(AXON_ERROR_STATUS[answer.body.code as keyof typeof AXON_ERROR_STATUS]).toBe(answer.status);
      expect(typeof answer.body.message).toBe('string');
      expect(answer.headers.get(RESPONSE_HEADERS.statusMessage)).toBe(c.expected.code);
    });

  it('a replayed request: served once, then REPLAYED_NONCE', async () => {
    const request = signed();
    expect((await post(request)).status).toBe(200);
    expect(outcome(await post(request))).toEqual({
      status: 401,
      code: 'REPLAYED_NONCE',
      field: REQUEST_HEADERS.nonce,
    });
  });

  it('two copies of one request sent at once: one served, one REPLAYED_NONCE', async () => {
    const request = signed();
    const answers = await Promise.all([post(request), post(request)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401]);
    expect(answers.find((a) => a.status === 401)?.body.code).toBe('REPLAYED_NONCE');
  });

  it('an older nonce of a stream after a newer one: REPLAYED_NONCE', async () => {
    const uuid = randomUUID();
    const older = signed({ uuid });
    const newer = signed({ uuid });
    expect((await post(newer)).status).toBe(200);
    expect((await post(older)).body.code).toBe('REPLAYED_NONCE');
  });

  it('a forged request does not move the stream it claims: the genuine next request is served', async () => {
    const uuid = randomUUID();
    const genuine = signed({ uuid });
    const forged = withHeaders(signed({ uuid, keypair: UNREGISTERED }), {
      [REQUEST_HEADERS.hotkey]: VALIDATOR.address,
    });
    expect((await post(forged)).body.code).toBe('BAD_SIGNATURE');
    expect((await post(genuine)).status).toBe(200);
  });

  it('an oversize body from a dendrite: 413 BODY_TOO_LARGE', async () => {
    const [result] = await createDendrite({ keypair: VALIDATOR }).query([target()], Echo, {
      text: 'x'.repeat(5000),
    });
    expect(failure(result)).toEqual({ ok: false, status: 413, code: 'BODY_TOO_LARGE' });
  });

  it('an unknown synapse (or a GET): 404 UNKNOWN_SYNAPSE', async () => {
    const [result] = await createDendrite({ keypair: VALIDATOR }).query([target()], Unserved, {});
    expect(failure(result)).toEqual({ ok: false, status: 404, code: 'UNKNOWN_SYNAPSE' });
    const get = await fetch(`${axon.url}/Echo`);
    expect({ status: get.status, code: ((await get.json()) as { code: string }).code }).toEqual({
      status: 404,
      code: 'UNKNOWN_SYNAPSE',
    });
  });

  it('the refusals a dendrite sees: unregistered, no permit, blacklisted (403)', async () => {
    const ask = async (keypair: Keypair) =>
      failure((await createDendrite({ keypair }).query([target()], Echo, { text: 'hi' }))[0]);
    expect(await ask(UNREGISTERED)).toEqual({ ok: false, status: 403, code: 'UNREGISTERED_CALLER' });
    expect(await ask(NO_PERMIT)).toEqual({ ok: false, status: 403, code: 'NO_VALIDATOR_PERMIT' });
    expect(await ask(BLACKLISTED)).toEqual({ ok: false, status: 403, code: 'BLACKLISTED' });
  });

  it('a handler out of time: 408 HANDLER_TIMEOUT, its signal aborted', async () => {
    const [result] = await createDendrite({ keypair: VALIDATOR }).query([target()], Hold, {});
    expect(failure(result)).toEqual({ ok: false, status: 408, code: 'HANDLER_TIMEOUT' });
  });

  it('a handler that throws: 500 HANDLER_FAILED without its message, reported to the miner', async () => {
    const answer = await post(signed({ body: {} }), '/Broken');
    expect(outcome(answer)).toEqual({ status: 500, code: 'HANDLER_FAILED', field: undefined });
    expect(String(answer.body.message)).not.toContain('model file');
    expect(internalErrors).toContain('Broken handler');
  });

  it("a handler's answer of the wrong shape: 500 INVALID_RESPONSE", async () => {
    expect(outcome(await post(signed({ body: {} }), '/Misshapen'))).toEqual({
      status: 500,
      code: 'INVALID_RESPONSE',
      field: undefined,
    });
  });

  it('a handler that refuses with an AxonError: its code and status', async () => {
    expect(outcome(await post(signed({ body: {} }), '/Refusing'))).toEqual({
      status: 403,
      code: 'BLACKLISTED',
      field: undefined,
    });
  });

  it('counts what it served and refused', () => {
    const stats = axon.stats();
    expect(stats.served).toBeGreaterThan(0);
    expect(stats.refused.BAD_SIGNATURE).toBeGreaterThanOrEqual(3);
  });
});

describe('axon: bounded work and memory', () => {
  it('every worker busy and no queue: 503 OVERLOADED; served again once the worker is free', async () => {
    const entered = deferred();
    const release = deferred();
    const busy = await startAxon({
      hotkey: MINER.address,
      port: 0,
      callers: CALLERS,
      limits: { maxConcurrent: 1, maxQueued: 0 },
      synapses: [
        serveSynapse(Hold, async () => {
          entered.resolve();
          await release.promise;
          return { done: true };
        }),
      ],
    });
    try {
      const at = [{ url: busy.url, hotkey: MINER.address }];
      const first = createDendrite({ keypair: VALIDATOR }).query(at, Hold, {});
      await entered.promise;
      const [second] = await createDendrite({ keypair: VALIDATOR }).query(at, Hold, {});
      expect(failure(second)).toEqual({ ok: false, status: 503, code: 'OVERLOADED' });
      release.resolve();
      expect((await first)[0]).toMatchObject({ ok: true, body: { done: true } });
      const [third] = await createDendrite({ keypair: VALIDATOR }).query(at, Hold, {});
      expect(third?.ok).toBe(true);
    } finally {
      release.resolve();
      await busy.close();
    }
  });

  it('the queue serves the higher priority first', async () => {
    const entered = deferred();
    const release = deferred();
    const order: number[] = [];
    const ranked = await startAxon({
      hotkey: MINER.address,
      port: 0,
      callers: CALLERS,
      limits: { maxConcurrent: 1, maxQueued: 4 },
      priority: ({ body }) => (body as { text: string }).text.length,
      synapses: [
        serveSynapse(Echo, async ({ body, caller }) => {
          entered.resolve();
          await release.promise;
          order.push(body.text.length);
          return { text: body.text, uid: caller.uid };
        }),
      ],
    });
    try {
      const at = [{ url: ranked.url, hotkey: MINER.address }];
      const ask = (text: string) => createDendrite({ keypair: VALIDATOR }).query(at, Echo, { text });
      const first = ask('a');
      await entered.promise;
      const rest = [ask('bb'), ask('cccc'), ask('ddd')];
      // Every request is verified and queued before the worker is let go.
      while (ranked.stats().waiting < 3) await new Promise((resolve) => setTimeout(resolve, 5));
      release.resolve();
      await Promise.all([first, ...rest]);
      expect(order).toEqual([1, 4, 3, 2]);
    } finally {
      release.resolve();
      await ranked.close();
    }
  });

  it('a full nonce memory refuses a new stream with 503 NONCE_MEMORY_FULL, and keeps serving the known one', async () => {
    const small = await startAxon({
      hotkey: MINER.address,
      port: 0,
      callers: CALLERS,
      limits: { maxNonceEntries: 1 },
      synapses: [serveSynapse(Echo, ({ body, caller }) => ({ text: body.text, uid: caller.uid }))],
    });
    try {
      const at = [{ url: small.url, hotkey: MINER.address }];
      const known = createDendrite({ keypair: VALIDATOR });
      expect((await known.query(at, Echo, { text: '1' }))[0]?.ok).toBe(true);
      const [other] = await createDendrite({ keypair: VALIDATOR }).query(at, Echo, { text: '2' });
      expect(failure(other)).toEqual({ ok: false, status: 503, code: 'NONCE_MEMORY_FULL' });
      expect((await known.query(at, Echo, { text: '3' }))[0]?.ok).toBe(true);
    } finally {
      await small.close();
    }
  });
});
