/**
 * The node's JSON-RPC 2.0 server: HTTP `POST /` for calls and a WebSocket on the same port for calls
 * and subscriptions. Transport only: the caller registers the methods and topics.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import type { HttpRoute } from './httpRoute.ts';
import { createRpcDispatcher, type RpcAnswer, type RpcSession } from './rpcDispatcher.ts';
import { RpcError } from './rpcErrors.ts';
import { type RpcLimits, resolveRpcLimits } from './rpcLimits.ts';
import type { RpcMethods } from './rpcMethod.ts';
import type { RpcTopics } from './rpcTopic.ts';
import { createStaticFiles } from './staticFiles.ts';
import { createSubscriptionRegistry, type Subscriber } from './subscriptionRegistry.ts';
import { createTokenBucket, createTokenBuckets } from './tokenBucket.ts';

/** What to serve, where, and within which limits. */
export interface RpcServerOptions<T extends RpcTopics> {
  /** Address to bind; default `127.0.0.1` so the node is not reachable from other machines unless asked. */
  readonly host?: string;
  /** Port to bind; 0 picks a free one (see the returned `port`). */
  readonly port: number;
  readonly methods: RpcMethods;
  /** Topics by the name `publish` takes, e.g. `{ newHeads: { subscribe: 'chain_subscribeNewHeads', ... } }`. */
  readonly subscriptions?: T;
  /** Overrides of {@link DEFAULT_RPC_LIMITS}. */
  readonly limits?: Partial<RpcLimits>;
  /**
   * A built web app (`index.html` and `assets/`) to answer `GET /` and `GET /assets/...` with; without
   * it a GET is refused as not JSON-RPC.
   */
  readonly staticDir?: string;
  /** GET handlers tried in order before the app's files (e.g. validators' round records). */
  readonly routes?: readonly HttpRoute[];
  /** Receives failures that clients only see as `INTERNAL_ERROR`; default: one line on stderr. */
  readonly onInternalError?: (error: unknown, where: string) => void;
}

/** A running server. */
export interface RpcServer<Topic extends string> {
  /** `http://host:port/`, where calls are POSTed. */
  readonly url: string;
  /** `ws://host:port/`, for calls and subscriptions. */
  readonly wsUrl: string;
  /** The bound address. */
  readonly host: string;
  /** The bound port. */
  readonly port: number;
  /** The limits in force (defaults with the overrides). */
  readonly limits: RpcLimits;
  /** Notify every subscriber of `topic`; returns how many there were. A result JSON cannot hold throws. */
  publish(topic: Topic, result: unknown): number;
  /** Notify one subscription (e.g. the watcher of one extrinsic); `false` when it is not open. */
  publishTo(subscriptionId: string, result: unknown): boolean;
  /** Stop listening and drop every connection; resolves once the port is free. */
  close(): Promise<void>;
}

/**
 * Start a server and resolve once it listens.
 * @example
 * const server = await startRpcServer({
 *   port: 9944,
 *   methods: { chain_getBlockHash: defineRpcMethod({ params: z.tuple([z.number().int()]), handler: ([n]) => hashAt(n) }) },
 *   subscriptions: { newHeads: { subscribe: 'chain_subscribeNewHeads', unsubscribe: 'chain_unsubscribeNewHeads', notification: 'chain_newHead' } },
 * });
 * server.publish('newHeads', header);
 */
export async function startRpcServer<const T extends RpcTopics = Record<never, never>>(
  options: RpcServerOptions<T>,
): Promise<RpcServer<keyof T & string>> {
  const limits = resolveRpcLimits(options.limits);
  const topics: RpcTopics = options.subscriptions ?? {};
  const report = options.onInternalError ?? reportToStderr;
  const registry = createSubscriptionRegistry(topics, report);
  const dispatcher = createRpcDispatcher({ methods: options.methods, topics, limits, registry, report });
  const now = () => performance.now();
  const rate = { ratePerSecond: limits.ratePerSecond, burst: limits.rateBurst, now };
  const httpBuckets = createTokenBuckets(rate);
  const files = options.staticDir === undefined ? undefined : createStaticFiles({ dir: options.staticDir });
  const routes = options.routes ?? [];
  const answerGet = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    for (const route of routes) if (await route(req, res)) return true;
    if (files === undefined) return false;
    await files(req, res);
    return true;
  };

  const server = createServer((req, res) => {
    const address = req.socket.remoteAddress ?? 'unknown';
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const session: RpcSession = {
      context: { transport: 'http', remoteAddress: address, signal: controller.signal },
      take: (count) => httpBuckets.take(address, count),
      subscriber: undefined,
    };
    serveHttp(req, res, session);
  });
  server.requestTimeout = limits.requestTimeoutMs;
  server.headersTimeout = Math.min(server.headersTimeout, limits.requestTimeoutMs);

  const refuseNonRpc = (req: IncomingMessage, res: ServerResponse) => {
    const refused = dispatcher.refuse(
      new RpcError('INVALID_REQUEST', {
        detail: `${req.method} ${(req.url ?? '').slice(0, 100)}: send requests as POST /`,
        data: { fix: 'POST a JSON-RPC request to /, or open a WebSocket on /' },
      }),
    );
    // No body is wanted: close rather than read one.
    writeHttp(
      res,
      { ...refused, httpStatus: req.method === 'POST' ? 404 : 405 },
      { allow: 'POST', connection: 'close' },
    );
  };

  const serveHttp = (req: IncomingMessage, res: ServerResponse, session: RpcSession) => {
    if ((files !== undefined || routes.length > 0) && (req.method === 'GET' || req.method === 'HEAD')) {
      answerGet(req, res).then(
        (answered) => {
          if (!answered) refuseNonRpc(req, res);
        },
        (error: unknown) => {
          report(error, 'static file');
          if (!res.headersSent) res.writeHead(500).end();
        },
      );
      return;
    }
    if (req.method !== 'POST' || (req.url ?? '/').split('?')[0] !== '/') {
      refuseNonRpc(req, res);
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limits.maxRequestBytes) {
      refuseTooLarge(req, res, declared);
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      received += chunk.length;
      if (received > limits.maxRequestBytes) {
        refused = true;
        chunks.length = 0;
        refuseTooLarge(req, res, received);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      const text = decodeUtf8(Buffer.concat(chunks));
      const answering =
        text === undefined
          ? Promise.resolve(
              dispatcher.refuse(new RpcError('PARSE_ERROR', { detail: 'the body is not UTF-8' })),
            )
          : dispatcher.dispatch(text, session);
      answering.then(
        (answer) => {
          writeHttp(res, answer);
          answer.afterSend();
        },
        (error: unknown) => {
          report(error, 'http dispatch');
          writeHttp(res, dispatcher.refuse(new RpcError('INTERNAL_ERROR')));
        },
      );
    });
    // A client that goes away mid-body: nothing to answer, nothing to keep.
    req.on('error', () => {
      chunks.length = 0;
    });
  };

  /** Answer 413 and stop reading the body. */
  const refuseTooLarge = (req: IncomingMessage, res: ServerResponse, bytes: number) => {
    const answer = dispatcher.refuse(
      new RpcError('REQUEST_TOO_LARGE', {
        detail: `${bytes} bytes or more; at most ${limits.maxRequestBytes}`,
        data: { fix: `send at most ${limits.maxRequestBytes} bytes per request, or split the batch` },
      }),
    );
    // Node closes a `connection: close` socket once the answer is written; paused, the rest is never read.
    req.pause();
    writeHttp(res, answer, { connection: 'close' });
  };

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxRequestBytes });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => {});
    wss.handleUpgrade(req, socket, head, (ws) => serveWebSocket(ws, req));
  });

  const serveWebSocket = (ws: WebSocket, req: IncomingMessage) => {
    sockets.add(ws);
    const controller = new AbortController();
    const bucket = createTokenBucket(rate);
    const subscriber: Subscriber = {
      send(text) {
        if (ws.readyState !== WebSocket.OPEN) return;
        // A client that does not read would grow this queue without bound: drop it instead.
        if (ws.bufferedAmount > limits.maxSendBufferBytes) {
          ws.terminate();
          return;
        }
        ws.send(text);
      },
    };
    const session: RpcSession = {
      context: {
        transport: 'ws',
        remoteAddress: req.socket.remoteAddress ?? 'unknown',
        signal: controller.signal,
      },
      take: (count) => bucket.take(count),
      subscriber,
    };
    const answer = async (data: RawData, isBinary: boolean) => {
      const text = isBinary ? decodeUtf8(toBuffer(data)) : toBuffer(data).toString('utf8');
      try {
        const answered =
          text === undefined
            ? dispatcher.refuse(new RpcError('PARSE_ERROR', { detail: 'the message is not UTF-8' }))
            : await dispatcher.dispatch(text, session);
        if (answered.text !== undefined) subscriber.send(answered.text);
        answered.afterSend();
      } catch (error) {
        report(error, 'ws dispatch');
      }
    };
    // Messages are answered one after another, in the order sent: two extrinsics sent in turn apply in
    // turn. A client far ahead of its answers is not read until it is within MAX_QUEUED_MESSAGES again.
    let queue = Promise.resolve();
    let queued = 0;
    ws.on('message', (data: RawData, isBinary: boolean) => {
      queued += 1;
      if (queued >= MAX_QUEUED_MESSAGES) ws.pause();
      queue = queue.then(async () => {
        await answer(data, isBinary);
        queued -= 1;
        if (ws.isPaused && queued < MAX_QUEUED_MESSAGES) ws.resume();
      });
    });
    // Errors (an oversized or malformed frame) close the socket with the matching code; 'close' follows.
    ws.on('error', () => {});
    ws.on('close', () => {
      sockets.delete(ws);
      controller.abort();
      registry.closeAll(subscriber);
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: options.host ?? '127.0.0.1', port: options.port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address() as AddressInfo;
  const hostInUrl = bound.address.includes(':') ? `[${bound.address}]` : bound.address;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostInUrl}:${bound.port}/`,
    wsUrl: `ws://${hostInUrl}:${bound.port}/`,
    host: bound.address,
    port: bound.port,
    limits,
    publish: (topic, result) => registry.publish(topic, result),
    publishTo: (id, result) => registry.publishTo(id, result),
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** Messages of one WebSocket connection waiting for their answer before the server stops reading it. */
const MAX_QUEUED_MESSAGES = 32;

/** Write an answer unless the client has gone. */
function writeHttp(res: ServerResponse, answer: RpcAnswer, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  if (answer.text === undefined) {
    res.writeHead(answer.httpStatus, headers).end();
    return;
  }
  res
    .writeHead(answer.httpStatus, {
      ...headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(answer.text),
    })
    .end(answer.text);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a body or binary frame; `undefined` when it is not UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function toBuffer(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

function reportToStderr(error: unknown, where: string): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`rpc: internal error in ${where}: ${text}\n`);
}
