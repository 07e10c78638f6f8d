/**
 * A typed JSON-RPC client over the node's WebSocket: calls answered by id, the new-heads subscription,
 * and a reconnect (with the subscription opened again) when the socket drops.
 */

/** A header as `chain_getHeader` and `chain_newHead` give it. */
export interface HeaderJson {
  readonly number: number;
  readonly hash: string;
  readonly parentHash: string;
  readonly stateRoot: string;
  readonly time: number;
}

/** Where the socket is. */
export type ConnectionState = 'connecting' | 'open' | 'closed';

/** An error answer of the node, with its JSON-RPC code and data. */
export class NodeCallError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data: unknown,
  ) {
    super(message);
    this.name = 'NodeCallError';
  }
}

/** The client of one node. */
export interface NodeClient {
  readonly url: string;
  call<T>(method: string, params?: readonly unknown[]): Promise<T>;
  /** Called with each new head (and with the head at each (re)connection); returns the unsubscribe. */
  onHead(listener: (head: HeaderJson) => void): () => void;
  /** Called when the connection state changes; returns the unsubscribe. */
  onState(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

/** Delay before reconnecting, doubled after each failure up to the cap. */
const RETRY_MS = { first: 250, max: 4000 } as const;

/**
 * Connect to `url` (`ws://…`); calls made while connecting wait for the socket.
 * @example const node = connectNode('ws://127.0.0.1:9944/'); await node.call<number>('system_accountNextIndex', [address])
 */
export function connectNode(url: string): NodeClient {
  const pending = new Map<number, Pending>();
  const headListeners = new Set<(head: HeaderJson) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let nextId = 1;
  let socket: WebSocket | undefined;
  let opened: Promise<WebSocket> | undefined;
  let retry: number = RETRY_MS.first;
  let closed = false;

  const setState = (state: ConnectionState) => {
    for (const l of stateListeners) l(state);
  };

  const open = (): Promise<WebSocket> => {
    opened ??= new Promise<WebSocket>((resolve) => {
      setState('connecting');
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        retry = RETRY_MS.first;
        setState('open');
        resolve(ws);
        void subscribeHeads();
      };
      ws.onmessage = (event) => receive(String(event.data));
      ws.onclose = () => {
        socket = undefined;
        opened = undefined;
        for (const p of pending.values()) p.reject(new Error('the connection to the node closed'));
        pending.clear();
        if (closed) return;
        setState('closed');
        setTimeout(() => void open(), retry);
        retry = Math.min(retry * 2, RETRY_MS.max);
      };
    });
    return opened;
  };

  const receive = (text: string) => {
    const message = JSON.parse(text) as {
      id?: number;
      result?: unknown;
      error?: { code: number; message: string; data?: unknown };
      method?: string;
      params?: { result: unknown };
    };
    if (message.method === 'chain_newHead' && message.params !== undefined) {
      for (const l of headListeners) l(message.params.result as HeaderJson);
      return;
    }
    if (message.id === undefined) return;
    const p = pending.get(message.id);
    if (p === undefined) return;
    pending.delete(message.id);
    if (message.error !== undefined)
      p.reject(new NodeCallError(message.error.code, message.error.message, message.error.data));
    else p.resolve(message.result);
  };

  const call = async <T>(method: string, params: readonly unknown[] = []): Promise<T> => {
    const ws = socket ?? (await open());
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  };

  // The head at subscription time is fetched too: a page opened between blocks shows data at once.
  const subscribeHeads = async () => {
    try {
      // Sent together: the answers come back in order, one round trip for both.
      const [, head] = await Promise.all([
        call('chain_subscribeNewHeads'),
        call<HeaderJson>('chain_getHeader'),
      ]);
      for (const l of headListeners) l(head);
    } catch {
      // The socket closed meanwhile; the reconnection subscribes again.
    }
  };

  void open();
  return {
    url,
    call,
    onHead(listener) {
      headListeners.add(listener);
      return () => headListeners.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close() {
      closed = true;
      socket?.close();
    },
  };
}
