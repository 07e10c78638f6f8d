/**
 * Random and mutated messages over HTTP and WebSocket (seeded: the run's fast-check seed). Whatever
 * arrives, the server answers with valid JSON-RPC 2.0, exactly where the specification asks for an
 * answer, under the ids it must carry, and still serves a valid call afterwards.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TensormarketError } from '../../engine/errors.ts';
import { amountJson, amountParam } from '../../sdk/amount/amount.ts';
import { call, connect, post, type WsClient } from './rpcClients.testkit.ts';
import { defineRpcMethod } from './rpcMethod.ts';
import { type RpcServer, startRpcServer } from './rpcServer.ts';

/** Messages per transport. */
const RUNS = 2_000;
const METHODS = [
  'add',
  'echo',
  'stake',
  'reject',
  'broken',
  'chain_subscribeNewHeads',
  'chain_unsubscribeNewHeads',
  'missing',
  '__proto__',
  'constructor',
  'rpc.discover',
];

let server: RpcServer<'newHeads'>;
let internalErrors = 0;

beforeAll(async () => {
  server = await startRpcServer({
    port: 0,
    // Raised so that every message is served; the limits have their own tests.
    limits: { ratePerSecond: Number.POSITIVE_INFINITY, rateBurst: Number.POSITIVE_INFINITY },
    onInternalError: () => {
      internalErrors += 1;
    },
    methods: {
      add: defineRpcMethod({ params: z.tuple([z.number(), z.number()]), handler: ([a, b]) => a + b }),
      echo: defineRpcMethod({ params: z.unknown(), handler: (params) => params }),
      stake: defineRpcMethod({
        params: z.tuple([z.string(), amountParam()]),
        handler: ([, amount]) => amountJson(amount),
      }),
      reject: defineRpcMethod({
        params: z.unknown(),
        handler: () => {
          throw new TensormarketError('NOT_ENOUGH_STAKE', 'stake: too little', {
            details: { field: 'stake' },
          });
        },
      }),
      broken: defineRpcMethod({
        params: z.unknown(),
        handler: () => {
          throw new Error('bug');
        },
      }),
    },
    subscriptions: {
      newHeads: {
        subscribe: 'chain_subscribeNewHeads',
        unsubscribe: 'chain_unsubscribeNewHeads',
        notification: 'chain_newHead',
      },
    },
  });
});
afterAll(() => server.close());

const id = fc.oneof(fc.integer(), fc.string({ maxLength: 4 }), fc.constant(null), fc.double(), fc.boolean());
const params = fc.oneof(
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  fc.tuple(fc.string(), fc.oneof(fc.string(), fc.record({ rao: fc.string() }))),
  fc.jsonValue({ maxDepth: 1 }),
);
/** Requests near the valid shape, each member sometimes missing or wrong. */
const request = fc.record(
  {
    jsonrpc: fc.oneof(fc.constant('2.0'), fc.constant('2.0'), fc.constant('1.0'), fc.integer()),
    method: fc.oneof(fc.constantFrom(...METHODS), fc.string({ maxLength: 6 }), fc.integer()),
    params,
    id,
  },
  { requiredKeys: ['jsonrpc', 'method'] },
);
const message = fc.oneof(
  { weight: 4, arbitrary: request },
  {
    weight: 2,
    arbitrary: fc.array(fc.oneof(request, request, fc.jsonValue({ maxDepth: 2 })), { maxLength: 6 }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);
/** A byte-level edit of a message's text: JSON that almost parses. */
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'replace', 'truncate', 'repeat'),
  char: fc.constantFrom(...'{}[]",:0-.e\\ tn\u0000\u00e9'),
});
const body = fc.oneof(
  { weight: 5, arbitrary: message.map((m) => JSON.stringify(m)) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(message, fc.array(mutation, { minLength: 1, maxLength: 3 }))
      .map(([m, edits]) => edits.reduce(mutate, JSON.stringify(m))),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

function mutate(text: string, edit: { at: number; kind: string; char: string }): string {
  const at = text.length === 0 ? 0 : edit.at % text.length;
  switch (edit.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + 1);
    case 'insert':
      return text.slice(0, at) + edit.char + text.slice(at);
    case 'replace':
      return text.slice(0, at) + edit.char + text.slice(at + 1);
    case 'truncate':
      return text.slice(0, at);
    default:
      return text.slice(0, at) + text.slice(at, at + 8).repeat(3) + text.slice(at + 8);
  }
}

/** The specification's view of a message: how many answers, and the ids they carry in order. */
function expected(text: string): { answered: boolean; ids: unknown[] | 'one' } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { answered: true, ids: [null] };
  }
  if (!Array.isArray(value))
    return isNotification(value) ? { answered: false, ids: [] } : { answered: true, ids: [idOf(value)] };
  if (value.length === 0 || value.length > server.limits.maxBatch) return { answered: true, ids: [null] };
  const ids = value.filter((item) => !isNotification(item)).map(idOf);
  return ids.length === 0 ? { answered: false, ids: [] } : { answered: true, ids };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown) =>
  v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

function isNotification(value: unknown): boolean {
  return (
    isObject(value) &&
    !Object.hasOwn(value, 'id') &&
    value.jsonrpc === '2.0' &&
    typeof value.method === 'string' &&
    (!Object.hasOwn(value, 'params') || (typeof value.params === 'object' && value.params !== null))
  );
}

function idOf(value: unknown): unknown {
  return isObject(value) && Object.hasOwn(value, 'id') && isId(value.id) ? value.id : null;
}

/** Problems with one response object; empty when it is a valid JSON-RPC 2.0 response. */
function responseProblems(response: unknown): string[] {
  if (!isObject(response)) return ['not an object'];
  const problems: string[] = [];
  const keys = Object.keys(response).sort();
  if (response.jsonrpc !== '2.0') problems.push('jsonrpc is not "2.0"');
  if (!Object.hasOwn(response, 'id') || !isId(response.id)) problems.push('no valid id');
  const hasResult = Object.hasOwn(response, 'result');
  const hasError = Object.hasOwn(response, 'error');
  if (hasResult === hasError) problems.push('not exactly one of result and error');
  if (keys.some((k) => !['jsonrpc', 'id', 'result', 'error'].includes(k))) problems.push(`members ${keys}`);
  if (hasError) {
    const error = response.error;
    if (!isObject(error) || !Number.isInteger(error.code) || typeof error.message !== 'string') {
      problems.push('error without integer code and string message');
    } else if (error.data !== undefined && !isObject(error.data)) problems.push('error data not an object');
  }
  return problems;
}

/** Bytes as text, `undefined` when they are not UTF-8. */
function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Check an answer (parsed body, or `undefined` for none) against what `text` asks for. */
function check(sent: string, answer: unknown): void {
  // What the server reads: sent as UTF-8, a lone surrogate arrives as U+FFFD.
  const text = Buffer.from(sent, 'utf8').toString('utf8');
  const want = expected(text);
  if (!want.answered) {
    expect({ text, answer }).toEqual({ text, answer: undefined });
    return;
  }
  const isBatch = Array.isArray(answer);
  const responses = isBatch ? answer : [answer];
  const problems = responses.flatMap(responseProblems);
  expect({ text, problems }).toEqual({ text, problems: [] });
  const ids = responses.map((r) => (r as { id: unknown }).id);
  expect({ text, ids }).toEqual({ text, ids: want.ids });
}

describe('fuzz', () => {
  it(`answers ${RUNS} random and mutated HTTP bodies validly, then still serves`, async () => {
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const { status, body: answer } = await post(server.url, text);
        check(text, answer);
        expect(status === 200 || status === 204 || status === 413).toBe(true);
      }),
      { numRuns: RUNS },
    );
    // Bytes that are not UTF-8 are a parse error, not a crash.
    for (const bytes of fc.sample(fc.uint8Array({ minLength: 1, maxLength: 16 }), {
      numRuns: 100,
      seed: 7,
    })) {
      const { body: answer } = await post(server.url, bytes);
      const text = utf8(bytes);
      if (text === undefined) expect(answer).toMatchObject({ id: null, error: { code: -32700 } });
      else check(text, answer);
    }
    expect((await call(server.url, 'add', [1, 2])).body).toEqual({ jsonrpc: '2.0', id: 1, result: 3 });
    expect(internalErrors).toBeGreaterThan(0); // the `broken` method was reached, and reported
  });

  it(`answers ${RUNS} random and mutated WebSocket messages validly and in order, then still serves`, async () => {
    const ws = await connect(server.wsUrl);
    let round = 0;
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        round += 1;
        ws.send(text);
        // Messages are answered in order: what comes before the marker's answer answers `text`.
        const marker = `marker-${round}`;
        const answers = await untilAnswerTo(ws, marker);
        expect({ text, count: answers.length }).toEqual({ text, count: expected(text).answered ? 1 : 0 });
        check(text, answers[0]);
      }),
      { numRuns: RUNS },
    );
    expect(ws.pending).toBe(0);
    expect(await ws.call('add', [1, 2], 'last')).toEqual({ jsonrpc: '2.0', id: 'last', result: 3 });
    await ws.close();
  });
});

/** Send a marker call and return the frames received before its answer. */
async function untilAnswerTo(ws: WsClient, marker: string): Promise<unknown[]> {
  ws.send(JSON.stringify({ jsonrpc: '2.0', id: marker, method: 'add', params: [0, 0] }));
  const before: unknown[] = [];
  for (;;) {
    const frame = await ws.next();
    if (isObject(frame) && frame.id === marker) return before;
    before.push(frame);
  }
}
