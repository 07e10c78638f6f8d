/** JSON-RPC calls over HTTP (`fetch`): one POST per call, each with its own deadline. */
import type { z } from 'zod';
import { readAnswer } from './jsonRpcAnswer.ts';
import { RpcCallError } from './rpcCallError.ts';

/** A typed call: `method` with positional `params`, its result checked against `schema`. */
export type RpcCall = <S extends z.ZodType>(
  method: string,
  params: readonly unknown[],
  schema: S,
) => Promise<z.output<S>>;

/** Options of {@link httpRpc}. */
export interface HttpRpcOptions {
  /** Deadline of one call, ms; default 30 000. */
  readonly timeoutMs?: number;
}

/** Default deadline of one call: long enough for a loaded node, short enough that a dead one is noticed. */
export const DEFAULT_CALL_TIMEOUT_MS = 30_000;

/**
 * Calls to the node at `url`: throws {@link RpcCallError} `RPC_UNREACHABLE`, `RPC_TIMEOUT`,
 * `RPC_BAD_RESPONSE`, or the node's own error.
 * @example const call = httpRpc('http://127.0.0.1:9944/'); await call('tm_genesisHash', [], z.string())
 */
export function httpRpc(url: string, options?: HttpRpcOptions): RpcCall {
  const timeoutMs = options?.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  let nextId = 1;
  return async (method, params, schema) => {
    const id = nextId++;
    let response: Response;
    let body: string;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id, method, params }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await response.text();
    } catch (cause) {
      const timedOut = cause instanceof DOMException && cause.name === 'TimeoutError';
      throw new RpcCallError(
        timedOut ? 'RPC_TIMEOUT' : 'RPC_UNREACHABLE',
        timedOut
          ? `${method}: no answer from ${url} within ${timeoutMs} ms`
          : `${method}: cannot reach ${url} (${describeCause(cause)}); is the node running?`,
        { method },
        { cause },
      );
    }
    let answer: unknown;
    try {
      answer = JSON.parse(body);
    } catch (cause) {
      throw new RpcCallError(
        'RPC_BAD_RESPONSE',
        `${method}: HTTP ${response.status} with a body that is not JSON`,
        { method },
        { cause },
      );
    }
    return readAnswer(method, answer, schema);
  };
}

/** The innermost reason of a failed fetch (undici wraps the socket error in `cause`). */
export function describeCause(error: unknown): string {
  let e: unknown = error;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  if (e instanceof Error) return (e as Error & { code?: string }).code ?? e.message;
  return String(e);
}
