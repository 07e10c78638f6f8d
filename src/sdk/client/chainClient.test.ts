import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from './chainClient.ts';
import { nodeEndpoints } from './nodeEndpoints.ts';
import { RpcCallError } from './rpcCallError.ts';

/** Canned answers by method: a body to send as is, or nothing (the request hangs). */
const ANSWERS: Record<string, ((id: unknown) => unknown) | 'hang' | 'not-json'> = {
  tm_genesisHash: (id) => ({ jsonrpc: '2.0', id, result: `0x${'ab'.repeat(32)}` }),
  tm_balance: (id) => ({ jsonrpc: '2.0', id, result: { rao: '1500000000', tao: '1.5' } }),
  system_accountNextIndex: (id) => ({
    jsonrpc: '2.0',
    id,
    error: {
      code: -32000,
      message: 'Rejected: nonce: 3 was used',
      data: { code: 'STALE_NONCE', field: 'nonce', fix: 'send 4' },
    },
  }),
  system_chain: (id) => ({ jsonrpc: '2.0', id, error: { code: -32601, message: 'Method not found' } }),
  chain_getHeader: (id) => ({ jsonrpc: '2.0', id, result: { number: 'one' } }),
  tm_subnets: 'hang',
  tm_receipt: 'not-json',
};

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const request = JSON.parse(body) as { id: unknown; method: string };
      const answer = ANSWERS[request.method];
      if (answer === 'hang') return;
      res.setHeader('content-type', 'application/json');
      res.end(answer === 'not-json' || answer === undefined ? '<html>' : JSON.stringify(answer(request.id)));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

async function callError(promise: Promise<unknown>): Promise<RpcCallError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RpcCallError);
    return error as RpcCallError;
  }
  throw new Error('resolved');
}

describe('the node client', () => {
  it('types results: amounts as rao', async () => {
    const client = connect(url);
    expect(await client.balance('5Grw')).toBe(1_500_000_000n);
    expect(await client.genesisHash()).toBe(`0x${'ab'.repeat(32)}`);
  });

  it('carries the JSON-RPC code, data.code and data.field of a refusal', async () => {
    const e = await callError(connect(url).accountNextIndex('5Grw'));
    expect({ code: e.code, rpcCode: e.rpcCode, dataCode: e.dataCode, field: e.field, fix: e.fix }).toEqual({
      code: 'RPC_REJECTED',
      rpcCode: -32000,
      dataCode: 'STALE_NONCE',
      field: 'nonce',
      fix: 'send 4',
    });
    expect(e.message).toBe('system_accountNextIndex: Rejected: nonce: 3 was used; send 4');
    const other = await callError(connect(url).systemChain());
    expect({ code: other.code, rpcCode: other.rpcCode, dataCode: other.dataCode }).toEqual({
      code: 'RPC_ERROR',
      rpcCode: -32601,
      dataCode: undefined,
    });
  });

  it('refuses answers of the wrong shape or not JSON', async () => {
    const shape = await callError(connect(url).getHeader());
    expect([shape.code, shape.message]).toEqual([
      'RPC_BAD_RESPONSE',
      expect.stringMatching(/result\.number/),
    ]);
    expect((await callError(connect(url).receipt(`0x${'00'.repeat(32)}`))).code).toBe('RPC_BAD_RESPONSE');
  });

  it('gives up on a silent node and names an unreachable one', async () => {
    expect((await callError(connect(url, { timeoutMs: 200 }).subnets())).code).toBe('RPC_TIMEOUT');
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const e = await callError(connect(`ws://127.0.0.1:${port}`).systemChain());
    expect([e.code, e.message]).toEqual(['RPC_UNREACHABLE', expect.stringMatching(/ECONNREFUSED/)]);
    const ws = await callError(connect(`ws://127.0.0.1:${port}`).subscribeNewHeads(() => {}));
    expect(ws.code).toBe('RPC_UNREACHABLE');
  });
});

describe('node endpoints', () => {
  it('names both endpoints from one URL, and local as btcli does', () => {
    expect(nodeEndpoints('local')).toEqual({
      httpUrl: 'http://127.0.0.1:9944/',
      wsUrl: 'ws://127.0.0.1:9944/',
    });
    expect(nodeEndpoints('https://node.example:443/rpc')).toEqual({
      httpUrl: 'https://node.example/rpc',
      wsUrl: 'wss://node.example/rpc',
    });
    expect(() => nodeEndpoints('finney', '--network')).toThrow(
      /^--network: "finney" is a public Bittensor network/,
    );
    expect(() => nodeEndpoints('ftp://x', '--network')).toThrow(/^--network: expected an http/);
    expect(() => nodeEndpoints('nowhere', '--network')).toThrow(/^--network: expected local or a URL/);
  });
});
