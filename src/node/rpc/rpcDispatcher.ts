/**
 * Turning one received message (a request, a notification or a batch) into the text to answer with,
 * the same for HTTP and WebSocket: parse, check, rate-limit, validate params, call, serialise.
 */
import { z } from 'zod';
import { InputError } from '../../engine/errors.ts';
import { RPC_ERRORS, RpcError, type RpcErrorName, toRpcError } from './rpcErrors.ts';
import type { RpcLimits } from './rpcLimits.ts';
import { type RpcId, type RpcRequest, readRequest } from './rpcMessage.ts';
import type { RpcContext, RpcMethod, RpcMethods } from './rpcMethod.ts';
import type { RpcTopic, RpcTopics } from './rpcTopic.ts';
import type { Subscriber, SubscriptionRegistry } from './subscriptionRegistry.ts';

/** One client as the dispatcher sees it. */
export interface RpcSession {
  readonly context: RpcContext;
  /** Take request tokens from this client's rate-limit bucket. */
  take(count: number): boolean;
  /** The WebSocket connection, for subscriptions; `undefined` over HTTP. */
  readonly subscriber: Subscriber | undefined;
}

/** What to send back for one message. */
export interface RpcAnswer {
  /** The JSON text; `undefined` when there is nothing to send (notifications only). */
  readonly text: string | undefined;
  /** HTTP status for a POST that carried the message. */
  readonly httpStatus: number;
  /** Call once `text` is sent (or dropped): subscriptions it opened start delivering. */
  readonly afterSend: () => void;
}

/** Answers messages for one server. */
export interface RpcDispatcher {
  dispatch(text: string, session: RpcSession): Promise<RpcAnswer>;
  /** The answer to a message refused before it was read (e.g. too large): one error under id null. */
  refuse(error: RpcError): RpcAnswer;
}

/** What a dispatcher serves and how it reports errors no client may see. */
export interface RpcDispatcherOptions {
  readonly methods: RpcMethods;
  readonly topics: RpcTopics;
  readonly limits: RpcLimits;
  readonly registry: SubscriptionRegistry;
  /** Receives handler failures that became `INTERNAL_ERROR` (their detail stays out of the answer). */
  readonly report: (error: unknown, where: string) => void;
}

type Route =
  | { readonly kind: 'method'; readonly method: RpcMethod }
  | { readonly kind: 'subscribe'; readonly name: string; readonly topic: RpcTopic }
  | { readonly kind: 'unsubscribe'; readonly name: string };

/** Unsubscribe takes the subscription id, positionally as Substrate clients send it. */
const UNSUBSCRIBE_PARAMS = z.tuple([z.string()]);
/** A topic without a params schema takes none. */
const NO_PARAMS = z.tuple([]);
/** Issues listed in an invalid-params message; the rest are counted. */
const ISSUES_SHOWN = 5;

/**
 * A dispatcher over the caller's methods and topics. Throws an {@link InputError} when two names clash
 * or a name uses JSON-RPC's reserved `rpc.` prefix.
 */
export function createRpcDispatcher(options: RpcDispatcherOptions): RpcDispatcher {
  const { limits, registry, report } = options;
  const routes = buildRoutes(options.methods, options.topics);

  const route = async (request: RpcRequest, session: RpcSession, opened: string[]): Promise<unknown> => {
    const target = routes.get(request.method);
    if (target === undefined) {
      throw new RpcError('METHOD_NOT_FOUND', { detail: quote(request.method), data: { field: 'method' } });
    }
    if (target.kind === 'method') {
      return await target.method.handler(
        await readParams(target.method.params, request.params),
        session.context,
      );
    }
    const subscriber = session.subscriber;
    if (subscriber === undefined) {
      throw new RpcError('WEBSOCKET_REQUIRED', {
        detail: `${request.method} needs a WebSocket connection`,
        data: { field: 'method', fix: 'open a WebSocket to the same host and port and call it there' },
      });
    }
    if (target.kind === 'unsubscribe') {
      const [id] = await readParams(UNSUBSCRIBE_PARAMS, request.params);
      if (!registry.close(id, subscriber)) {
        throw new RpcError('UNKNOWN_SUBSCRIPTION', {
          detail: `no subscription ${quote(id)} on this connection`,
          data: { field: 'params[0]' },
        });
      }
      return true;
    }
    if (registry.countFor(subscriber) >= limits.maxSubscriptionsPerConnection) {
      throw new RpcError('TOO_MANY_SUBSCRIPTIONS', {
        detail: `this connection has ${limits.maxSubscriptionsPerConnection}, the most allowed`,
        data: { fix: 'unsubscribe from one first, or open another connection' },
      });
    }
    const params = await readParams(target.topic.params ?? NO_PARAMS, request.params);
    const signal = session.context.signal;
    if (signal.aborted) throw new RpcError('INTERNAL_ERROR', { detail: 'the connection closed' });
    const subscription = registry.open(target.name, subscriber);
    try {
      await target.topic.onSubscribe?.(params, subscription, session.context);
      // The connection may have closed while the hook ran; its subscriptions were already ended.
      if (signal.aborted) throw new RpcError('INTERNAL_ERROR', { detail: 'the connection closed' });
    } catch (error) {
      registry.close(subscription.id, subscriber);
      throw error;
    }
    opened.push(subscription.id);
    return subscription.id;
  };

  /** The answer text to one request, or `undefined` for a notification. */
  const callOne = async (
    item: unknown,
    session: RpcSession,
    opened: string[],
  ): Promise<{ text: string; error?: RpcErrorName } | undefined> => {
    const read = readRequest(item);
    if (!session.take(1)) {
      if (read.ok && read.notification) return undefined;
      return errorAnswer(
        read.ok ? (read.request.id ?? null) : read.id,
        new RpcError('RATE_LIMITED', rateFix(limits)),
      );
    }
    if (!read.ok) return errorAnswer(read.id, read.error);
    const { request, notification } = read;
    const id = request.id ?? null;
    let result: unknown;
    try {
      result = await route(request, session, opened);
    } catch (thrown) {
      const error = toRpcError(thrown);
      if (error.code === 'INTERNAL_ERROR' && !(thrown instanceof RpcError)) report(thrown, request.method);
      return notification ? undefined : errorAnswer(id, error);
    }
    if (notification) return undefined;
    try {
      return { text: JSON.stringify({ jsonrpc: '2.0', id, result: result === undefined ? null : result }) };
    } catch (thrown) {
      // A result JSON cannot hold (a bigint, a cycle) is the handler's bug, not the client's.
      report(thrown, `${request.method} result`);
      return errorAnswer(id, new RpcError('INTERNAL_ERROR'));
    }
  };

  const refuse = (error: RpcError): RpcAnswer => {
    const answer = errorAnswer(null, error);
    return { text: answer.text, httpStatus: RPC_ERRORS[error.code].httpStatus, afterSend: () => {} };
  };

  return {
    refuse,
    async dispatch(text, session) {
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch (thrown) {
        if (!session.take(1)) return refuse(new RpcError('RATE_LIMITED', rateFix(limits)));
        const detail = thrown instanceof Error ? thrown.message.slice(0, 200) : undefined;
        return refuse(new RpcError('PARSE_ERROR', detail === undefined ? {} : { detail }));
      }
      const opened: string[] = [];
      const afterSend = () => {
        for (const id of opened) registry.activate(id);
      };
      if (!Array.isArray(message)) {
        const answer = await callOne(message, session, opened);
        const httpStatus =
          answer === undefined ? 204 : answer.error ? RPC_ERRORS[answer.error].httpStatus : 200;
        return { text: answer?.text, httpStatus, afterSend };
      }
      if (message.length === 0 || message.length > limits.maxBatch) {
        if (!session.take(1)) return refuse(new RpcError('RATE_LIMITED', rateFix(limits)));
        return refuse(
          message.length === 0
            ? new RpcError('INVALID_REQUEST', { detail: 'an empty batch' })
            : new RpcError('BATCH_TOO_LARGE', {
                detail: `${message.length} requests; at most ${limits.maxBatch}`,
                data: { fix: `split it into batches of at most ${limits.maxBatch}` },
              }),
        );
      }
      // In order, one after another: a batch of transactions applies as sent (nonce 1 before nonce 2).
      const parts: string[] = [];
      for (const item of message) {
        const answer = await callOne(item, session, opened);
        if (answer !== undefined) parts.push(answer.text);
      }
      return parts.length === 0
        ? { text: undefined, httpStatus: 204, afterSend }
        : { text: `[${parts.join(',')}]`, httpStatus: 200, afterSend };
    },
  };
}

/** Method names to what serves them; every name once, none under `rpc.`. */
function buildRoutes(methods: RpcMethods, topics: RpcTopics): Map<string, Route> {
  const routes = new Map<string, Route>();
  const add = (name: string, field: string, target: Route) => {
    if (name.startsWith('rpc.'))
      throw new InputError(field, `${name}: the rpc. prefix is reserved by JSON-RPC`);
    if (routes.has(name)) throw new InputError(field, `${name} is already a method; choose another name`);
    routes.set(name, target);
  };
  for (const [name, method] of Object.entries(methods))
    add(name, `methods.${name}`, { kind: 'method', method });
  for (const [name, topic] of Object.entries(topics)) {
    add(topic.subscribe, `subscriptions.${name}.subscribe`, { kind: 'subscribe', name, topic });
    add(topic.unsubscribe, `subscriptions.${name}.unsubscribe`, { kind: 'unsubscribe', name });
    if (topic.notification === '') {
      throw new InputError(`subscriptions.${name}.notification`, 'is empty; name the notification method');
    }
  }
  return routes;
}

/** Validate params; absent params read as `[]`, or `{}` for an object schema. */
async function readParams<P extends z.ZodType>(
  schema: P,
  params: RpcRequest['params'],
): Promise<z.output<P>> {
  const input = params ?? (schema.type === 'object' ? {} : []);
  const parsed = await schema.safeParseAsync(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const first = issues[0]!;
  const listed = issues
    .slice(0, ISSUES_SHOWN)
    .map((issue) => `${issueField(issue, input)}: ${issue.message}`);
  if (issues.length > ISSUES_SHOWN) listed.push(`and ${issues.length - ISSUES_SHOWN} more`);
  // Custom issues (e.g. from amountParam) carry the domain code and the fix.
  const extra = (first as { params?: { code?: unknown; fix?: unknown } }).params;
  throw new RpcError('INVALID_PARAMS', {
    detail: listed.join('; '),
    data: {
      field: issueField(first, input),
      ...(typeof extra?.code === 'string' ? { code: extra.code } : {}),
      ...(typeof extra?.fix === 'string' ? { fix: extra.fix } : {}),
    },
  });
}

/**
 * The field an issue concerns. A positional list that is too short is reported by zod at the list; the
 * field a client must add is the first missing position.
 */
function issueField(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === 'too_small' && issue.origin === 'array') {
    let value = input;
    for (const key of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
    if (Array.isArray(value)) return paramPath([...issue.path, value.length]);
  }
  return paramPath(issue.path);
}

/** A zod issue path as the field a client sees: `params[0].amount.rao`. */
function paramPath(path: readonly PropertyKey[]): string {
  let text = 'params';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) text += `.${key}`;
    else text += `[${JSON.stringify(String(key))}]`;
  }
  return text;
}

function errorAnswer(id: RpcId, error: RpcError): { text: string; error: RpcErrorName } {
  return { text: JSON.stringify({ jsonrpc: '2.0', id, error: error.toJSON() }), error: error.code };
}

function rateFix(limits: RpcLimits) {
  return {
    detail: `more than ${limits.rateBurst} requests at once or ${limits.ratePerSecond} per second`,
    data: { fix: 'slow down and retry' },
  };
}

/** A client-supplied name in a message: quoted, cut to a readable length. */
function quote(text: string): string {
  return JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text);
}
