import { request } from 'node:http';
import { connect as connectTcp } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvariantError, TensormarketError } from '../../engine/errors.ts';
import { amountJson, amountParam } from '../../sdk/amount/amount.ts';
import { call, connect, post } from './rpcClients.testkit.ts';
import { DEFAULT_RPC_LIMITS, type RpcLimits } from './rpcLimits.ts';
import { defineRpcMethod, type RpcMethods } from './rpcMethod.ts';
import { type RpcServer, startRpcServer } from './rpcServer.ts';
import { defineRpcTopic } from './rpcTopic.ts';

/** A domain error as the engine would throw one, with the field it concerns. */
class NonceError extends TensormarketError {
  readonly field = 'nonce';
  constructor() {
    super('NONCE_TOO_LOW', 'nonce: 3 was already used; send 4');
  }
}

/** Resolves when the `wait` method has started, so a test can disconnect mid-request. */
let waitStarted: () => void = () => {};
/** Resolves with whether the `wait` handler saw its client go. */
let waitAborted: (aborted: boolean) => void = () => {};

const methods: RpcMethods = {
  add: defineRpcMethod({ params: z.tuple([z.number(), z.number()]), handler: ([a, b]) => a + b }),
  echo: defineRpcMethod({ params: z.unknown(), handler: (params) => params }),
  stake: defineRpcMethod({
    params: z.object({ hotkey: z.string(), amount: amountParam() }),
    handler: ({ amount }) => amountJson(amount),
  }),
  nothing: defineRpcMethod({ params: z.tuple([]), handler: () => undefined }),
  rejectNonce: defineRpcMethod({
    params: z.tuple([]),
    handler: () => {
      throw new NonceError();
    },
  }),
  broken: defineRpcMethod({
    params: z.tuple([]),
    handler: () => {
      throw new Error('secret internal detail');
    },
  }),
  invariant: defineRpcMethod({
    params: z.tuple([]),
    handler: () => {
      throw new InvariantError('SUPPLY_NOT_CONSERVED', 'secret invariant detail');
    },
  }),
  bigint: defineRpcMethod({ params: z.tuple([]), handler: () => 1n }),
  wait: defineRpcMethod({
    params: z.tuple([]),
    handler: (_params, ctx) =>
      new Promise((resolve) => {
        ctx.signal.addEventListener('abort', () => {
          waitAborted(true);
          resolve('late');
        });
        waitStarted();
      }),
  }),
};

/** Subscription hooks' calls, checked by the tests. */
const ended: string[] = [];

let server: RpcServer<'newHeads' | 'extrinsic'>;
const internalErrors: { error: unknown; where: string }[] = [];

async function startTestServer(limits?: Partial<RpcLimits>) {
  return startRpcServer({
    port: 0,
    methods,
    limits: limits ?? {},
    onInternalError: (error, where) => internalErrors.push({ error, where }),
    subscriptions: {
      newHeads: defineRpcTopic({
        subscribe: 'chain_subscribeNewHeads',
        unsubscribe: 'chain_unsubscribeNewHeads',
        notification: 'chain_newHead',
        onUnsubscribe: ({ id }) => {
          ended.push(id);
        },
      }),
      // Pushes its first status from inside the subscribe call: it must still follow the id.
      extrinsic: defineRpcTopic({
        subscribe: 'author_submitAndWatchExtrinsic',
        unsubscribe: 'author_unwatchExtrinsic',
        notification: 'author_extrinsicUpdate',
        params: z.tuple([z.string().startsWith('0x')]),
        onSubscribe: ([extrinsic], { id }) => {
          server.publishTo(id, { ready: extrinsic });
        },
      }),
    },
  });
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The `error` member of an answer, for assertions. */
function errorOf(body: unknown): { code: number; message: string; data?: Record<string, unknown> } {
  expect(body).toHaveProperty('error');
  return (body as { error: { code: number; message: string; data?: Record<string, unknown> } }).error;
}

describe('calls', () => {
  it('answers a call over HTTP and over WebSocket', async () => {
    expect(await call(server.url, 'add', [2, 3], 7)).toEqual({
      status: 200,
      body: { jsonrpc: '2.0', id: 7, result: 5 },
    });
    const ws = await connect(server.wsUrl);
    expect(await ws.call('add', [2, 3], 'x')).toEqual({ jsonrpc: '2.0', id: 'x', result: 5 });
    await ws.close();
  });

  it('takes object params, reads amounts in the one JSON shape, answers undefined as null', async () => {
    const staked = await call(server.url, 'stake', { hotkey: 'h', amount: '1.5' });
    expect(staked.body).toEqual({ jsonrpc: '2.0', id: 1, result: { rao: '1500000000', tao: '1.5' } });
    expect((await call(server.url, 'nothing')).body).toEqual({ jsonrpc: '2.0', id: 1, result: null });
  });

  it('answers invalid params with -32602 and the param path as field', async () => {
    const positional = errorOf((await call(server.url, 'add', ['2', 3])).body);
    expect(positional.code).toBe(-32602);
    expect(positional.data).toEqual({ field: 'params[0]' });
    const missing = errorOf((await call(server.url, 'add', [2])).body);
    expect(missing.data?.field).toBe('params[1]');
    const amount = errorOf((await call(server.url, 'stake', { hotkey: 'h', amount: '1.0000000001' })).body);
    expect(amount.code).toBe(-32602);
    expect(amount.data).toMatchObject({ field: 'params.amount', code: 'AMOUNT_TOO_PRECISE' });
    const rao = errorOf((await call(server.url, 'stake', { hotkey: 'h', amount: { rao: 1 } })).body);
    expect(rao.data).toMatchObject({ field: 'params.amount.rao', code: 'AMOUNT_INVALID' });
  });

  it('answers an unknown method with -32601, inherited object members included', async () => {
    for (const method of ['chain_nope', '__proto__', 'toString', 'constructor']) {
      const error = errorOf((await call(server.url, method, [])).body);
      expect({ method, code: error.code, field: error.data?.field }).toEqual({
        method,
        code: -32601,
        field: 'method',
      });
    }
  });

  it('answers unparsable JSON with -32700 and id null, and malformed requests with -32600', async () => {
    const parse = await post(server.url, '{"jsonrpc":"2.0","method":');
    expect(parse.body).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32700 } });
    const notUtf8 = await post(server.url, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(notUtf8.body).toMatchObject({ id: null, error: { code: -32700 } });
    const cases: [unknown, unknown, string | undefined][] = [
      [{ jsonrpc: '1.0', id: 3, method: 'add' }, 3, 'jsonrpc'],
      [{ jsonrpc: '2.0', id: { a: 1 }, method: 'add' }, null, 'id'],
      [{ jsonrpc: '2.0', id: 4, method: 5 }, 4, 'method'],
      [{ jsonrpc: '2.0', id: 5, method: 'add', params: 'x' }, 5, 'params'],
      ['just a string', null, undefined],
    ];
    for (const [request, id, field] of cases) {
      const body = (await post(server.url, JSON.stringify(request))).body as { id: unknown };
      expect({ request, id: body.id, error: errorOf(body).code, field: errorOf(body).data?.field }).toEqual({
        request,
        id,
        error: -32600,
        field,
      });
    }
    expect((await post(server.url, '[]')).body).toMatchObject({ id: null, error: { code: -32600 } });
  });

  it('refuses other HTTP methods and paths with a JSON-RPC error', async () => {
    const res = await fetch(server.url, { method: 'GET' });
    expect(res.status).toBe(405);
    expect(await res.json()).toMatchObject({ id: null, error: { code: -32600 } });
    expect((await post(`${server.url}other`, '{}')).status).toBe(404);
  });
});

describe('batches', () => {
  it('answers in order, leaves notifications unanswered', async () => {
    const batch = [
      { jsonrpc: '2.0', id: 'a', method: 'add', params: [1, 2] },
      { jsonrpc: '2.0', method: 'add', params: [1, 1] },
      { jsonrpc: '2.0', id: 'b', method: 'missing' },
      { foo: 'bar' },
      { jsonrpc: '2.0', id: 3, method: 'add', params: [3, 4] },
    ];
    const { status, body } = await post(server.url, JSON.stringify(batch));
    expect(status).toBe(200);
    const answers = body as { id: unknown; result?: unknown; error?: { code: number } }[];
    expect(answers.map((a) => [a.id, a.result ?? a.error?.code])).toEqual([
      ['a', 3],
      ['b', -32601],
      [null, -32600],
      [3, 7],
    ]);
  });

  it('sends nothing for notifications alone (HTTP 204)', async () => {
    const single = await post(server.url, JSON.stringify({ jsonrpc: '2.0', method: 'add', params: [1, 1] }));
    expect(single).toEqual({ status: 204, body: undefined });
    const batch = [
      { jsonrpc: '2.0', method: 'add', params: [1, 1] },
      { jsonrpc: '2.0', method: 'broken' },
    ];
    expect(await post(server.url, JSON.stringify(batch))).toEqual({ status: 204, body: undefined });
  });

  it('refuses a batch over the limit (default 100) whole', async () => {
    const request = (id: number) => ({ jsonrpc: '2.0', id, method: 'add', params: [id, 1] });
    const atLimit = Array.from({ length: DEFAULT_RPC_LIMITS.maxBatch }, (_, i) => request(i));
    expect(((await post(server.url, JSON.stringify(atLimit))).body as unknown[]).length).toBe(100);
    const over = await post(server.url, JSON.stringify([...atLimit, request(100)]));
    expect(over.status).toBe(413);
    expect(over.body).toMatchObject({ id: null, error: { code: -32002 } });
  });
});

describe('errors thrown by handlers', () => {
  it('maps a TensormarketError to -32000 with its code and field', async () => {
    const error = errorOf((await call(server.url, 'rejectNonce', [])).body);
    expect(error).toEqual({
      code: -32000,
      message: 'Rejected: nonce: 3 was already used; send 4',
      data: { code: 'NONCE_TOO_LOW', field: 'nonce' },
    });
  });

  it('maps any other throw, a broken invariant and an unserialisable result to -32603 without detail', async () => {
    internalErrors.length = 0;
    for (const method of ['broken', 'invariant', 'bigint']) {
      const { body } = await call(server.url, method, []);
      expect({ method, body }).toEqual({
        method,
        body: { jsonrpc: '2.0', id: 1, error: { code: -32603, message: 'Internal error' } },
      });
    }
    expect(internalErrors.map((e) => e.where)).toEqual(['broken', 'invariant', 'bigint result']);
  });
});

describe('subscriptions', () => {
  it('subscribes, receives a published notification, unsubscribes', async () => {
    const ws = await connect(server.wsUrl);
    const subscribed = await ws.call('chain_subscribeNewHeads', []);
    const id = subscribed.result as string;
    expect(typeof id).toBe('string');
    expect(server.publish('newHeads', { number: 1 })).toBe(1);
    expect(await ws.next()).toEqual({
      jsonrpc: '2.0',
      method: 'chain_newHead',
      params: { subscription: id, result: { number: 1 } },
    });
    expect((await ws.call('chain_unsubscribeNewHeads', [id])).result).toBe(true);
    expect(ended).toContain(id);
    expect(server.publish('newHeads', { number: 2 })).toBe(0);
    const again = await ws.call('chain_unsubscribeNewHeads', [id]);
    expect(again.error).toMatchObject({ code: -32005, data: { field: 'params[0]' } });
    await ws.close();
  });

  it('delivers a notification sent while subscribing after the subscription id', async () => {
    const ws = await connect(server.wsUrl);
    ws.send(
      JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'author_submitAndWatchExtrinsic', params: ['0x01'] }),
    );
    const first = (await ws.next()) as { id: number; result: string };
    expect(first.id).toBe(9);
    expect(await ws.next()).toEqual({
      jsonrpc: '2.0',
      method: 'author_extrinsicUpdate',
      params: { subscription: first.result, result: { ready: '0x01' } },
    });
    await ws.close();
  });

  it('ends the subscriptions of a closed connection', async () => {
    const ws = await connect(server.wsUrl);
    const id = (await ws.call('chain_subscribeNewHeads')).result as string;
    await ws.close();
    // The server sees the close on its own schedule: wait until it has ended the subscription.
    while (!ended.includes(id)) await new Promise((r) => setTimeout(r, 5));
    expect(server.publishTo(id, {})).toBe(false);
  });

  it('answers a subscription over HTTP with -32006', async () => {
    const error = errorOf((await call(server.url, 'chain_subscribeNewHeads', [])).body);
    expect(error).toMatchObject({ code: -32006, data: { field: 'method' } });
  });
});

describe('limits', () => {
  it('refuses too many subscriptions on one connection', async () => {
    const limited = await startTestServer({ maxSubscriptionsPerConnection: 2 });
    const ws = await connect(limited.wsUrl);
    await ws.call('chain_subscribeNewHeads');
    await ws.call('chain_subscribeNewHeads');
    const third = await ws.call('chain_subscribeNewHeads');
    expect(third.error).toMatchObject({ code: -32004 });
    // Another connection has its own allowance.
    const other = await connect(limited.wsUrl);
    expect(typeof (await other.call('chain_subscribeNewHeads')).result).toBe('string');
    await Promise.all([ws.close(), other.close()]);
    await limited.close();
  });

  it('rate-limits per remote address over HTTP and per connection over WebSocket', async () => {
    const limited = await startTestServer({ ratePerSecond: 0, rateBurst: 3 });
    for (let i = 0; i < 3; i++)
      expect((await call(limited.url, 'add', [i, 1])).body).toHaveProperty('result');
    const refused = await call(limited.url, 'add', [1, 1]);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ id: 1, error: { code: -32003 } });
    const ws = await connect(limited.wsUrl);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await ws.call('add', [i, 1], i));
    expect(answers.map((a) => a.result ?? (a.error as { code: number }).code)).toEqual([1, 2, 3, -32003]);
    await ws.close();
    await limited.close();
  });

  it('refuses a body over the limit without reading it, declared or streamed, and keeps serving', async () => {
    const limited = await startTestServer({ maxRequestBytes: 4096 });
    const declared = await fetch(limited.url, { method: 'POST', body: new Uint8Array(8 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ id: null, error: { code: -32001 } });
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(chunk); // endless: only the server's refusal ends this request
      },
    });
    const streamed = await fetch(limited.url, {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: { code: -32001 } });
    const ws = await connect(limited.wsUrl);
    ws.send('x'.repeat(5000));
    expect(await ws.closed).toBe(1009);
    expect((await call(limited.url, 'add', [1, 2])).body).toHaveProperty('result', 3);
    await limited.close();
  });

  it('checks overrides of the limits and refuses clashing or reserved method names', async () => {
    await expect(startTestServer({ maxBatch: 0 })).rejects.toThrow(/limits\.maxBatch/);
    const topic = { subscribe: 'add', unsubscribe: 'x_unsubscribe', notification: 'x_note' };
    await expect(startRpcServer({ port: 0, methods, subscriptions: { x: topic } })).rejects.toThrow(
      /subscriptions\.x\.subscribe: add is already a method/,
    );
    const reserved = { 'rpc.discover': methods.add! };
    await expect(startRpcServer({ port: 0, methods: reserved })).rejects.toThrow(/methods\.rpc\.discover/);
  });
});

describe('robustness', () => {
  it('binds 127.0.0.1 unless told otherwise', () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('survives a client that disconnects mid-body and one that leaves while its call runs', async () => {
    await new Promise<void>((resolve) => {
      const req = request(server.url, { method: 'POST', headers: { 'content-length': '1000' } });
      req.on('error', () => resolve());
      req.write('{"jsonrpc":"2.0",', () => req.destroy());
      req.on('close', () => resolve());
    });
    const started = new Promise<void>((resolve) => {
      waitStarted = resolve;
    });
    const aborted = new Promise<boolean>((resolve) => {
      waitAborted = resolve;
    });
    const req = request(server.url, { method: 'POST' });
    req.on('error', () => {});
    req.end(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'wait' }));
    await started;
    req.destroy();
    expect(await aborted).toBe(true);
    const ws = await connect(server.wsUrl);
    const wsStarted = new Promise<void>((resolve) => {
      waitStarted = resolve;
    });
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'wait' }));
    await wsStarted;
    await ws.close();
    expect((await call(server.url, 'add', [1, 2])).body).toHaveProperty('result', 3);
  });

  it('closes on a malformed WebSocket frame and answers a binary frame that is not UTF-8', async () => {
    const ws = await connect(server.wsUrl);
    ws.send(new Uint8Array([0xff, 0xfe]));
    expect(await ws.next()).toMatchObject({ id: null, error: { code: -32700 } });
    await ws.close();
    const closed = await rawWebSocketGarbage(server.port);
    expect(closed).toBe(true);
    expect((await call(server.url, 'add', [1, 2])).body).toHaveProperty('result', 3);
  });
});

/** Upgrade a raw TCP connection, send a frame with a reserved opcode, resolve once the server closes it. */
function rawWebSocketGarbage(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(port, '127.0.0.1');
    let upgraded = false;
    socket.on('data', (data) => {
      if (!upgraded && data.toString().startsWith('HTTP/1.1 101')) {
        upgraded = true;
        socket.write(Buffer.from([0x83, 0x80, 0, 0, 0, 0])); // opcode 3 is reserved
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => (upgraded ? resolve(true) : reject(new Error('no upgrade'))));
    socket.write(
      'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
  });
}
