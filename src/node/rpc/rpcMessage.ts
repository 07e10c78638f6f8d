/** The JSON-RPC 2.0 messages the server reads and writes, and the check that a value is a request. */
import { RpcError, type RpcErrorObject } from './rpcErrors.ts';

/** A request id: a string, a number or null (an absent id makes the request a notification). */
export type RpcId = string | number | null;

/** A well-formed request; `id` absent means a notification, which gets no answer. */
export interface RpcRequest {
  readonly jsonrpc: '2.0';
  readonly method: string;
  readonly params?: readonly unknown[] | Readonly<Record<string, unknown>>;
  readonly id?: RpcId;
}

/** The answer to a request: its `id` and either a `result` or an `error`. */
export type RpcResponse =
  | { readonly jsonrpc: '2.0'; readonly id: RpcId; readonly result: unknown }
  | { readonly jsonrpc: '2.0'; readonly id: RpcId; readonly error: RpcErrorObject };

/** A message the server pushes on a subscription. */
export interface RpcNotification {
  readonly jsonrpc: '2.0';
  /** The topic's notification name, e.g. `chain_newHead`. */
  readonly method: string;
  readonly params: { readonly subscription: string; readonly result: unknown };
}

/** A value read as a request, or the error to answer with (and the id to answer it under). */
export type RequestRead =
  | { readonly ok: true; readonly request: RpcRequest; readonly notification: boolean }
  | { readonly ok: false; readonly id: RpcId; readonly error: RpcError };

/**
 * Check one parsed JSON value (a whole message or one batch item) against JSON-RPC 2.0's request shape.
 * An invalid request is answered even without an id, under its id when that id is itself valid.
 * @example readRequest({ jsonrpc: '2.0', method: 'system_health', id: 1 }).ok // true
 */
export function readRequest(value: unknown): RequestRead {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return invalid(null, 'a request is an object', undefined);
  }
  const members = value as Record<string, unknown>;
  const hasId = Object.hasOwn(members, 'id');
  const id = members.id;
  if (hasId && !isRpcId(id)) return invalid(null, 'id must be a string, a number or null', 'id');
  const answerId = hasId ? (id as RpcId) : null;
  if (members.jsonrpc !== '2.0') return invalid(answerId, 'jsonrpc must be "2.0"', 'jsonrpc');
  if (typeof members.method !== 'string') return invalid(answerId, 'method must be a string', 'method');
  const params = members.params;
  if (Object.hasOwn(members, 'params') && (typeof params !== 'object' || params === null)) {
    return invalid(answerId, 'params must be an array or an object', 'params');
  }
  const request: RpcRequest = {
    jsonrpc: '2.0',
    method: members.method,
    ...(params === undefined ? {} : { params: params as NonNullable<RpcRequest['params']> }),
    ...(hasId ? { id: answerId } : {}),
  };
  return { ok: true, request, notification: !hasId };
}

function isRpcId(value: unknown): value is RpcId {
  return value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

function invalid(id: RpcId, detail: string, field: string | undefined): RequestRead {
  return {
    ok: false,
    id,
    error: new RpcError('INVALID_REQUEST', { detail, ...(field === undefined ? {} : { data: { field } }) }),
  };
}
