/**
 * The errors of the node's JSON-RPC API: one table of stable codes (JSON-RPC's own and ours in the
 * -32000…-32099 server range), the typed {@link RpcError}, and how a thrown value becomes one.
 */
import { InvariantError, type Rejection, TensormarketError } from '../../engine/errors.ts';

/**
 * Every error the API answers with: wire `code`, the fixed start of its `message`, and the HTTP status
 * of a POST whose whole answer is that error (JSON-RPC errors inside a valid exchange stay 200, so
 * clients read the body; only refusals of the request itself use 4xx).
 */
export const RPC_ERRORS = {
  PARSE_ERROR: { code: -32700, message: 'Parse error', httpStatus: 200 },
  INVALID_REQUEST: { code: -32600, message: 'Invalid request', httpStatus: 200 },
  METHOD_NOT_FOUND: { code: -32601, message: 'Method not found', httpStatus: 200 },
  INVALID_PARAMS: { code: -32602, message: 'Invalid params', httpStatus: 200 },
  INTERNAL_ERROR: { code: -32603, message: 'Internal error', httpStatus: 200 },
  /** A domain rejection (not enough stake, bad nonce...); `data.code` and `data.field` say which. */
  REJECTED: { code: -32000, message: 'Rejected', httpStatus: 200 },
  REQUEST_TOO_LARGE: { code: -32001, message: 'Request too large', httpStatus: 413 },
  BATCH_TOO_LARGE: { code: -32002, message: 'Batch too large', httpStatus: 413 },
  RATE_LIMITED: { code: -32003, message: 'Rate limited', httpStatus: 429 },
  TOO_MANY_SUBSCRIPTIONS: { code: -32004, message: 'Too many subscriptions', httpStatus: 200 },
  UNKNOWN_SUBSCRIPTION: { code: -32005, message: 'Unknown subscription', httpStatus: 200 },
  WEBSOCKET_REQUIRED: { code: -32006, message: 'WebSocket required', httpStatus: 200 },
} as const satisfies Record<string, { code: number; message: string; httpStatus: number }>;

/** Name of an API error, e.g. `INVALID_PARAMS`. */
export type RpcErrorName = keyof typeof RPC_ERRORS;
/** Wire code of an API error, e.g. `-32602`. */
export type RpcErrorCode = (typeof RPC_ERRORS)[RpcErrorName]['code'];

/** What an error adds for the client: the field at fault, the domain error's code, how to fix it. */
export interface RpcErrorData {
  /** Path of the offending input, e.g. `params[0].amount.rao`. */
  readonly field?: string;
  /** The domain error's stable code, for `REJECTED`. */
  readonly code?: string;
  /** What to send instead. */
  readonly fix?: string;
}

/** The JSON-RPC `error` member as sent on the wire. */
export interface RpcErrorObject {
  readonly code: RpcErrorCode;
  readonly message: string;
  readonly data?: RpcErrorData;
}

/**
 * An API error. `code` is the name (a {@link TensormarketError} code); `rpcCode` is the number sent.
 * @example throw new RpcError('UNKNOWN_SUBSCRIPTION', { detail: 'no subscription a1 on this connection', data: { field: 'params[0]' } })
 */
export class RpcError extends TensormarketError {
  declare readonly code: RpcErrorName;
  readonly rpcCode: RpcErrorCode;
  readonly data: RpcErrorData;

  constructor(name: RpcErrorName, options?: { detail?: string; data?: RpcErrorData; cause?: unknown }) {
    const base = RPC_ERRORS[name].message;
    const detail = options?.detail;
    super(name, detail === undefined ? base : `${base}: ${detail}`, {
      details: { ...options?.data },
      cause: options?.cause,
    });
    this.rpcCode = RPC_ERRORS[name].code;
    this.data = options?.data ?? {};
  }

  /** The wire form; `data` only when it says something. */
  toJSON(): RpcErrorObject {
    const { field, code, fix } = this.data;
    const data: { field?: string; code?: string; fix?: string } = {};
    if (field !== undefined) data.field = field;
    if (code !== undefined) data.code = code;
    if (fix !== undefined) data.fix = fix;
    return Object.keys(data).length === 0
      ? { code: this.rpcCode, message: this.message }
      : { code: this.rpcCode, message: this.message, data };
  }
}

/**
 * A domain rejection as the API's `REJECTED` error, keeping its code, field and fix.
 * @example rejectedError({ code: 'NONCE_TOO_LOW', message: 'nonce: 3 was used; send 4', field: 'nonce' })
 */
export function rejectedError(rejection: Rejection & { readonly fix?: string }, cause?: unknown): RpcError {
  const data: { field?: string; code?: string; fix?: string } = { code: rejection.code };
  if (rejection.field !== undefined) data.field = rejection.field;
  if (rejection.fix !== undefined) data.fix = rejection.fix;
  return new RpcError('REJECTED', { detail: rejection.message, data, cause });
}

/**
 * What a handler's throw becomes: an {@link RpcError} as is; a domain error (a {@link TensormarketError}
 * other than a broken invariant) as `REJECTED` with its code and field; anything else as
 * `INTERNAL_ERROR` with no message of its own, so no stack or internal detail reaches the client.
 */
export function toRpcError(thrown: unknown): RpcError {
  if (thrown instanceof RpcError) return thrown;
  if (thrown instanceof TensormarketError && !(thrown instanceof InvariantError)) {
    const field = stringMember(thrown, 'field') ?? stringMember(thrown.details, 'field');
    const fix = stringMember(thrown, 'fix') ?? stringMember(thrown.details, 'fix');
    const rejection = {
      code: thrown.code,
      message: thrown.message,
      ...(field === undefined ? {} : { field }),
      ...(fix === undefined ? {} : { fix }),
    };
    return rejectedError(rejection, thrown);
  }
  return new RpcError('INTERNAL_ERROR', { cause: thrown });
}

/** `value[key]` when it is a string (domain errors carry `field` as a member or in `details`). */
function stringMember(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const member = (value as Record<string, unknown>)[key];
  return typeof member === 'string' ? member : undefined;
}
