/**
 * Subscriptions over one WebSocket, opened on first use: subscribe with a method, receive each
 * notification for that subscription id, unsubscribe. Notifications that arrive before the subscribe
 * call's answer is read are kept for their subscription and delivered once it is known.
 */
import { WebSocket } from 'ws';
import { z } from 'zod';
import { readAnswer } from './jsonRpcAnswer.ts';
import { RpcCallError } from './rpcCallError.ts';

/** An open subscription. */
export interface Subscription {
  /** The id the node gave it. */
  readonly id: string;
  /** End it (resolves once the node confirms; already closed connections resolve at once). */
  unsubscribe(): Promise<void>;
}

/** Subscriptions over one WebSocket connection. */
export interface WsSubscriptions {
  subscribe(args: {
    readonly subscribe: string;
    readonly unsubscribe: string;
    readonly params?: readonly unknown[];
    readonly onNotification: (result: unknown) => void;
  }): Promise<Subscription>;
  /** Close the connection (every subscription ends). */
  close(): Promise<void>;
}

const notification = z.object({
  method: z.string(),
  params: z.object({ subscription: z.string(), result: z.unknown() }),
});

/**
 * Subscriptions to the node at `wsUrl`; the connection opens with the first subscription.
 * @example const subs = wsSubscriptions('ws://127.0.0.1:9944/');
 */
export function wsSubscriptions(wsUrl: string, options?: { timeoutMs?: number }): WsSubscriptions {
  const timeoutMs = options?.timeoutMs ?? 30_000;
  let socket: Promise<WebSocket> | undefined;
  let nextId = 1;
  const waiting = new Map<number, (answer: unknown) => void>();
  const listeners = new Map<string, (result: unknown) => void>();
  const early = new Map<string, unknown[]>();
  /** Subscribe calls awaiting their id: only then can an unknown subscription's notification be ours. */
  let subscribing = 0;

  const fail = (reason: string) => {
    for (const [, resolve] of waiting)
      resolve({ jsonrpc: '2.0', error: { code: -32099, message: `connection closed: ${reason}` } });
    waiting.clear();
  };

  const open = (): Promise<WebSocket> => {
    socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(wsUrl);
      ws.on('open', () => resolve(ws));
      ws.on('error', (cause) => {
        socket = undefined;
        reject(
          new RpcCallError(
            'RPC_UNREACHABLE',
            `cannot open a WebSocket to ${wsUrl} (${(cause as Error & { code?: string }).code ?? cause.message})`,
            { method: 'websocket' },
            { cause },
          ),
        );
      });
      ws.on('close', () => {
        fail('closed by the node');
        listeners.clear();
      });
      ws.on('message', (data) => {
        let frame: unknown;
        try {
          frame = JSON.parse(data.toString());
        } catch {
          return;
        }
        const id = (frame as { id?: unknown }).id;
        if (typeof id === 'number' && waiting.has(id)) {
          const resolveAnswer = waiting.get(id)!;
          waiting.delete(id);
          resolveAnswer(frame);
          return;
        }
        const note = notification.safeParse(frame);
        if (!note.success) return;
        const { subscription, result } = note.data.params;
        const listener = listeners.get(subscription);
        if (listener !== undefined) listener(result);
        else if (subscribing > 0) early.set(subscription, [...(early.get(subscription) ?? []), result]);
      });
    });
    return socket;
  };

  const call = async <S extends z.ZodType>(method: string, params: readonly unknown[], schema: S) => {
    const ws = await open();
    const id = nextId++;
    const answer = await new Promise<unknown>((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve(undefined);
      }, timeoutMs);
      waiting.set(id, (frame) => {
        clearTimeout(timer);
        resolve(frame);
      });
      ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
    if (answer === undefined)
      throw new RpcCallError('RPC_TIMEOUT', `${method}: no answer within ${timeoutMs} ms`, { method });
    return readAnswer(method, answer, schema);
  };

  return {
    async subscribe({ subscribe, unsubscribe, params = [], onNotification }) {
      subscribing++;
      let id: string;
      try {
        id = await call(subscribe, params, z.string());
      } finally {
        subscribing--;
      }
      listeners.set(id, onNotification);
      for (const result of early.get(id) ?? []) onNotification(result);
      early.delete(id);
      if (subscribing === 0) early.clear();
      return {
        id,
        async unsubscribe() {
          if (!listeners.delete(id)) return;
          const ws = await open();
          if (ws.readyState !== WebSocket.OPEN) return;
          await call(unsubscribe, [id], z.boolean());
        },
      };
    },
    async close() {
      if (socket === undefined) return;
      const ws = await socket.catch(() => undefined);
      socket = undefined;
      if (ws === undefined || ws.readyState === WebSocket.CLOSED) return;
      await new Promise<void>((resolve) => {
        ws.once('close', () => resolve());
        ws.close();
      });
    },
  };
}
