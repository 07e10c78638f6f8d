/** The limits an RPC server enforces, their defaults, and how overrides are checked. */
import { InputError } from '../../engine/errors.ts';

/** What one client may ask of the server. Rates count requests (each item of a batch is one). */
export interface RpcLimits {
  /** Largest HTTP body or WebSocket message, in bytes; reading stops there. */
  readonly maxRequestBytes: number;
  /** Most requests in one batch. */
  readonly maxBatch: number;
  /** Most open subscriptions on one WebSocket connection. */
  readonly maxSubscriptionsPerConnection: number;
  /** Sustained requests per second per WebSocket connection, or per remote address over HTTP (0: none after the burst). */
  readonly ratePerSecond: number;
  /** Requests allowed at once before the rate applies (the token bucket's size). */
  readonly rateBurst: number;
  /** Time an HTTP request may take to arrive whole, in milliseconds, so a stalled client cannot hold a socket. */
  readonly requestTimeoutMs: number;
  /** Bytes queued to a WebSocket client that does not read before the server drops it. */
  readonly maxSendBufferBytes: number;
}

/** Defaults: generous for one user and a dashboard, tight enough that one client cannot starve others. */
export const DEFAULT_RPC_LIMITS: RpcLimits = {
  maxRequestBytes: 1024 * 1024,
  maxBatch: 100,
  maxSubscriptionsPerConnection: 64,
  ratePerSecond: 1_000,
  rateBurst: 2_000,
  requestTimeoutMs: 30_000,
  maxSendBufferBytes: 16 * 1024 * 1024,
};

/** Which limits may be `Infinity` (no limit) and which may be 0. */
const RULES: Record<keyof RpcLimits, { readonly infinite: boolean; readonly zero: boolean }> = {
  maxRequestBytes: { infinite: false, zero: false },
  maxBatch: { infinite: false, zero: false },
  maxSubscriptionsPerConnection: { infinite: false, zero: true },
  ratePerSecond: { infinite: true, zero: true },
  rateBurst: { infinite: true, zero: false },
  requestTimeoutMs: { infinite: false, zero: false },
  maxSendBufferBytes: { infinite: false, zero: false },
};

/**
 * The defaults with `overrides` applied; throws an {@link InputError} naming `limits.<key>` for a
 * value that is not a positive integer (or `Infinity` for the rate, or 0 where allowed).
 * @example resolveRpcLimits({ maxBatch: 1_000 }).maxBatch // 1000
 */
export function resolveRpcLimits(overrides?: Partial<RpcLimits>): RpcLimits {
  const limits = { ...DEFAULT_RPC_LIMITS, ...overrides };
  for (const key of Object.keys(RULES) as (keyof RpcLimits)[]) {
    const value = limits[key];
    const rule = RULES[key];
    const ok =
      (Number.isSafeInteger(value) && (value > 0 || (rule.zero && value === 0))) ||
      (rule.infinite && value === Number.POSITIVE_INFINITY);
    if (!ok) {
      const allowed = [
        'a positive integer',
        ...(rule.zero ? ['0'] : []),
        ...(rule.infinite ? ['Infinity'] : []),
      ].join(' or ');
      throw new InputError(`limits.${key}`, `${String(value)} is not allowed; use ${allowed}`);
    }
  }
  return limits;
}
