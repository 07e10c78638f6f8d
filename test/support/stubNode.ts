/**
 * A stand-in for a node in tests: a JSON-RPC server over HTTP on a free local port that answers each
 * method from a table (a result, or a JSON-RPC error) and records what it was asked.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a method answers for its params: a result, or `{ error }` to answer a JSON-RPC error. */
export type StubAnswer = (params: unknown[]) => unknown;

/** A running stub. */
export interface StubNode {
  /** `http://127.0.0.1:<port>/`. */
  readonly url: string;
  /** Every call received, in order. */
  readonly calls: { method: string; params: unknown[] }[];
  close(): Promise<void>;
}

/** The JSON-RPC error a stub answers with, e.g. `{ error: { code: -32601, message: 'Method not found' } }`. */
export interface StubError {
  readonly error: { readonly code: number; readonly message: string; readonly data?: unknown };
}

const isError = (value: unknown): value is StubError =>
  typeof value === 'object' && value !== null && 'error' in value;

/**
 * Serve `answers`; a method not in the table answers JSON-RPC's "Method not found".
 * @example const node = await startStubNode({ tm_balance: () => ({ rao: '1', tao: '0.000000001' }) })
 */
export async function startStubNode(answers: Readonly<Record<string, StubAnswer>>): Promise<StubNode> {
  const calls: { method: string; params: unknown[] }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const request = JSON.parse(body) as { id: unknown; method: string; params?: unknown[] };
      const params = request.params ?? [];
      calls.push({ method: request.method, params });
      const answer = answers[request.method];
      const out =
        answer === undefined
          ? { error: { code: -32601, message: `Method not found: ${request.method}` } }
          : answer(params);
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify(
          isError(out)
            ? { jsonrpc: '2.0', id: request.id, ...out }
            : { jsonrpc: '2.0', id: request.id, result: out },
        ),
      );
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    calls,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
