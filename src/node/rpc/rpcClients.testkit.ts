/**
 * Real clients for the RPC server's tests: `fetch` over HTTP and a `ws` WebSocket that queues every
 * frame it receives, so a test can wait for the next one or for the answer to one id.
 */
import { WebSocket } from 'ws';

/** An HTTP answer: status and the parsed body (`undefined` when empty). */
export interface HttpAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** POST `body` (text or bytes) to the server and read the answer. */
export async function post(url: string, body: string | Uint8Array): Promise<HttpAnswer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** POST one request and read the answer. */
export function call(
  url: string,
  method: string,
  params?: unknown,
  id: string | number = 1,
): Promise<HttpAnswer> {
  return post(
    url,
    JSON.stringify({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) }),
  );
}

/** A WebSocket client that keeps received frames in order. */
export interface WsClient {
  readonly socket: WebSocket;
  /** Send raw text (or bytes, as a binary frame). */
  send(data: string | Uint8Array): void;
  /** Send a request and resolve with the frame that answers its id. */
  call(method: string, params?: unknown, id?: string | number): Promise<Record<string, unknown>>;
  /** The next frame not yet taken, parsed. */
  next(): Promise<unknown>;
  /** Frames received and not yet taken. */
  readonly pending: number;
  /** Resolves with the close code once the connection has closed. */
  readonly closed: Promise<number>;
  close(): Promise<number>;
}

/** Open a WebSocket to `url` and resolve once it is open. */
export async function connect(url: string): Promise<WsClient> {
  const socket = new WebSocket(url);
  const frames: unknown[] = [];
  const waiting: ((frame: unknown) => void)[] = [];
  let nextId = 1_000_000;
  socket.on('message', (data) => {
    const frame: unknown = JSON.parse(data.toString());
    const waiter = waiting.shift();
    if (waiter === undefined) frames.push(frame);
    else waiter(frame);
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const next = () =>
    frames.length > 0 ? Promise.resolve(frames.shift()) : new Promise<unknown>((r) => waiting.push(r));
  return {
    socket,
    closed,
    send: (data) => socket.send(data, { binary: typeof data !== 'string' }),
    async call(method, params, id = nextId++) {
      socket.send(
        JSON.stringify({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) }),
      );
      // Frames before the answer (notifications, other answers) stay queued, in order.
      const skipped: unknown[] = [];
      for (;;) {
        const frame = (await next()) as Record<string, unknown>;
        if (frame.id === id && !('method' in frame)) {
          frames.unshift(...skipped);
          return frame;
        }
        skipped.push(frame);
      }
    },
    next,
    get pending() {
      return frames.length;
    },
    close() {
      socket.close();
      return closed;
    },
  };
}
