/**
 * A miner's server (an axon): each synapse at `POST /<name>`, every request verified by
 * {@link verifyRequest} before any work, then the blacklist hook, then a place among the workers
 * (priority hook, bounded queue), then the handler within its time limit. Refusals are answered with
 * their status and `{ code, message, field? }`; every answer carries bittensor's `bt_header_axon_*`
 * headers.
 */
import { type FastifyError, type FastifyReply, fastify } from 'fastify';
import { InputError, invariant } from '../../engine/errors.ts';
import { decodeSs58, type Ss58Address } from '../keys/ss58.ts';
import { AxonError, type AxonErrorCode } from './axonError.ts';
import { type AxonLimits, resolveAxonLimits } from './axonLimits.ts';
import type { CallerRegistry } from './callerRegistry.ts';
import { createNonceMemory } from './nonceMemory.ts';
import type { AxonRoute } from './serveSynapse.ts';
import { type VerifiedRequest, verifyRequest } from './verifyRequest.ts';
import { RESPONSE_HEADERS } from './wireHeaders.ts';
import { createWorkQueue } from './workQueue.ts';

/** What to serve, for whom, where, and within which limits. */
export interface AxonOptions {
  /** The miner's hotkey (SS58): requests addressed to another are refused. */
  readonly hotkey: string;
  readonly synapses: readonly AxonRoute[];
  /** The subnet's registrations; only hotkeys with a validator permit are served. */
  readonly callers: CallerRegistry;
  /** A reason to refuse a verified request with `BLACKLISTED`, or `undefined` to serve it. */
  readonly blacklist?: (request: VerifiedRequest) => string | undefined | Promise<string | undefined>;
  /** A request's rank in the queue: higher first; default 0 for all (first come, first served). */
  readonly priority?: (request: VerifiedRequest) => number;
  /** Overrides of {@link DEFAULT_AXON_LIMITS}. */
  readonly limits?: Partial<AxonLimits>;
  /** Address to bind; default `127.0.0.1` (use `0.0.0.0` to serve other machines). */
  readonly host?: string;
  /** Port to bind; 0 picks a free one (see the returned `port`). */
  readonly port: number;
  /** Receives failures callers only see as `HANDLER_FAILED`; default one line on stderr. */
  readonly onInternalError?: (error: unknown, where: string) => void;
}

/** Requests answered so far (served, and refused by code) and the work in hand. */
export interface AxonStats {
  readonly served: number;
  readonly refused: Readonly<Partial<Record<AxonErrorCode, number>>>;
  /** Handlers running now. */
  readonly running: number;
  /** Verified requests waiting for a handler now. */
  readonly waiting: number;
}

/** A running axon. */
export interface Axon {
  /** `http://host:port`, which a dendrite is given with the hotkey. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly hotkey: Ss58Address;
  /** The limits in force (defaults with the overrides). */
  readonly limits: AxonLimits;
  /** A snapshot of the counts. */
  stats(): AxonStats;
  /** Stop listening and close every connection; resolves once the port is free. */
  close(): Promise<void>;
}

const NS_PER_MS = 1_000_000n;

/**
 * Start an axon and resolve once it listens.
 * @example
 * const axon = await startAxon({
 *   hotkey: miner.address,
 *   port: 8091,
 *   callers: { lookup: (hotkey) => metagraph.get(hotkey) },
 *   synapses: [serveSynapse(Echo, ({ body }) => ({ text: body.text }))],
 * });
 */
export async function startAxon(options: AxonOptions): Promise<Axon> {
  const limits = resolveAxonLimits(options.limits);
  try {
    decodeSs58(options.hotkey);
  } catch (cause) {
    throw new InputError('hotkey', `the miner's hotkey is not an SS58 address: ${(cause as Error).message}`, {
      cause,
    });
  }
  const minerHotkey = options.hotkey as Ss58Address;
  const report = options.onInternalError ?? reportToStderr;
  const nonces = createNonceMemory({
    windowNs: BigInt(limits.nonceWindowMs) * NS_PER_MS,
    capacity: limits.maxNonceEntries,
  });
  const queue = createWorkQueue({ maxConcurrent: limits.maxConcurrent, maxQueued: limits.maxQueued });
  const counts = { served: 0, refused: {} as Partial<Record<AxonErrorCode, number>> };

  const app = fastify({
    logger: false,
    bodyLimit: limits.maxBodyBytes,
    requestTimeout: limits.requestTimeoutMs,
    forceCloseConnections: true,
  });
  // The body is hashed from its parsed value by the verification steps: keep it as text until then.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  const refuse = (reply: FastifyReply, error: AxonError) => {
    counts.refused[error.code] = (counts.refused[error.code] ?? 0) + 1;
    return reply
      .code(error.status)
      .header(RESPONSE_HEADERS.statusMessage, error.code)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(error.toBody()));
  };

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header(RESPONSE_HEADERS.statusCode, String(reply.statusCode));
    reply.header(RESPONSE_HEADERS.processTime, (reply.elapsedTime / 1000).toFixed(6));
    reply.header(RESPONSE_HEADERS.axonHotkey, minerHotkey);
    if (!reply.hasHeader(RESPONSE_HEADERS.statusMessage))
      reply.header(RESPONSE_HEADERS.statusMessage, reply.statusCode === 200 ? 'Success' : 'Error');
    return payload;
  });

  const names = options.synapses.map((r) => r.synapse.name);
  app.setNotFoundHandler((request, reply) =>
    refuse(
      reply,
      new AxonError(
        'UNKNOWN_SYNAPSE',
        `${request.method} ${request.url.slice(0, 100)}: this miner serves POST /<synapse> for ${names.join(', ') || 'no synapse'}`,
      ),
    ),
  );

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return refuse(
        reply,
        new AxonError('BODY_TOO_LARGE', `at most ${limits.maxBodyBytes} bytes of body`, 'body'),
      );
    if (error.statusCode === 415)
      return refuse(
        reply,
        new AxonError('UNSUPPORTED_MEDIA_TYPE', 'send the body as content-type: application/json', 'body'),
      );
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
      return refuse(
        reply,
        new AxonError('INVALID_JSON', `the body cannot be read: ${error.message}`, 'body'),
      );
    report(error, 'axon');
    return refuse(reply, new AxonError('HANDLER_FAILED', 'the miner failed; see its log'));
  });

  const seen = new Set<string>();
  for (const route of options.synapses) {
    if (seen.has(route.synapse.name))
      throw new InputError('synapses', `${route.synapse.name} is served twice; serve each synapse once`);
    seen.add(route.synapse.name);
    app.post(`/${route.synapse.name}`, async (request, reply) => {
      const checked = verifyRequest(
        {
          synapse: route.synapse,
          headers: request.headers,
          body: typeof request.body === 'string' ? request.body : '',
          remoteAddress: request.ip,
        },
        {
          minerHotkey,
          callers: options.callers,
          nonces,
          nowNs: BigInt(Date.now()) * NS_PER_MS,
        },
      );
      if (!checked.ok) return refuse(reply, checked.error);
      const verified = checked.value;
      // The handler's time starts now and covers the blacklist, the queue and the work.
      const timeoutMs = Math.min(
        route.timeoutMs ?? limits.handlerTimeoutMs,
        verified.callerTimeoutMs ?? Number.POSITIVE_INFINITY,
      );
      const controller = new AbortController();
      const timer = setTimeout(
        () =>
          controller.abort(new AxonError('HANDLER_TIMEOUT', `no answer within ${timeoutMs} ms; retry later`)),
        timeoutMs,
      );
      const onGone = () => {
        if (!reply.raw.writableFinished)
          controller.abort(new AxonError('HANDLER_TIMEOUT', 'the caller closed the connection'));
      };
      reply.raw.once('close', onGone);
      try {
        const reason = await untilAborted(Promise.resolve(options.blacklist?.(verified)), controller.signal);
        if (reason !== undefined) return refuse(reply, new AxonError('BLACKLISTED', reason));
        const release = await queue.acquire(options.priority?.(verified) ?? 0, controller.signal);
        const work = Promise.resolve().then(() => route.handler(verified, controller.signal));
        // The slot is held until the work has really stopped, so the bound holds for slow handlers too.
        work.then(release, release);
        const output = await untilAborted(work, controller.signal);
        const parsed = route.synapse.response.safeParse(output);
        if (!parsed.success) {
          report(parsed.error, `${route.synapse.name} response`);
          return refuse(
            reply,
            new AxonError('INVALID_RESPONSE', `the miner's answer is not a ${route.synapse.name} response`),
          );
        }
        counts.served += 1;
        return reply.code(200).type('application/json; charset=utf-8').send(JSON.stringify(parsed.data));
      } catch (error) {
        if (error instanceof AxonError) return refuse(reply, error);
        report(error, `${route.synapse.name} handler`);
        return refuse(reply, new AxonError('HANDLER_FAILED', 'the handler failed; see the miner log'));
      } finally {
        clearTimeout(timer);
        reply.raw.off('close', onGone);
      }
    });
  }

  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port });
  const bound = app.server.address();
  invariant(bound !== null && typeof bound === 'object', 'AXON_NOT_TCP', 'the axon listens on no TCP port');
  const hostInUrl = bound.address.includes(':') ? `[${bound.address}]` : bound.address;
  return {
    url: `http://${hostInUrl}:${bound.port}`,
    host: bound.address,
    port: bound.port,
    hotkey: minerHotkey,
    limits,
    stats: () => ({
      served: counts.served,
      refused: { ...counts.refused },
      running: queue.running,
      waiting: queue.waiting,
    }),
    close: () => app.close(),
  };
}

/** `work`'s value, or `signal.reason` thrown as soon as `signal` aborts. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function reportToStderr(error: unknown, where: string): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`axon: internal error in ${where}: ${text}\n`);
}
