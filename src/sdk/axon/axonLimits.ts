/** The limits an axon enforces, their defaults, and how overrides are checked. */
import { InputError } from '../../engine/errors.ts';

/** What callers together may ask of one axon. */
export interface AxonLimits {
  /** Largest request body, in bytes; a larger one is refused with `BODY_TOO_LARGE` unread. */
  readonly maxBodyBytes: number;
  /** A nonce more than this many milliseconds before or after the axon's clock is refused. */
  readonly nonceWindowMs: number;
  /**
   * Most (hotkey, uuid) streams remembered at once (about 200 bytes each). A stream is forgotten once
   * its last nonce leaves the window, which makes it safe to forget: any replay of it would be stale.
   */
  readonly maxNonceEntries: number;
  /** Handlers running at once. */
  readonly maxConcurrent: number;
  /** Verified requests waiting for a handler, highest priority first (0: none wait, busy means 503). */
  readonly maxQueued: number;
  /** Default time a synapse's handler has, queue included, before `HANDLER_TIMEOUT`; a synapse may set its own. */
  readonly handlerTimeoutMs: number;
  /** Time a request may take to arrive whole, so a stalled client cannot hold a socket. */
  readonly requestTimeoutMs: number;
}

/** Defaults: bittensor's 12 s synapse timeout, a few seconds of clock skew and network delay for nonces. */
export const DEFAULT_AXON_LIMITS: AxonLimits = {
  maxBodyBytes: 1024 * 1024,
  nonceWindowMs: 4_000,
  maxNonceEntries: 65_536,
  maxConcurrent: 8,
  maxQueued: 256,
  handlerTimeoutMs: 12_000,
  requestTimeoutMs: 30_000,
};

/** Limits that may be 0. */
const ZERO_ALLOWED: ReadonlySet<keyof AxonLimits> = new Set(['maxQueued']);

/**
 * The defaults with `overrides` applied; throws an {@link InputError} naming `limits.<key>` for a value
 * that is not a positive safe integer (or 0 for `maxQueued`).
 * @example resolveAxonLimits({ maxConcurrent: 32 }).maxConcurrent // 32
 */
export function resolveAxonLimits(overrides?: Partial<AxonLimits>): AxonLimits {
  const limits = { ...DEFAULT_AXON_LIMITS, ...overrides };
  for (const key of Object.keys(DEFAULT_AXON_LIMITS) as (keyof AxonLimits)[]) {
    const value = limits[key];
    const zero = ZERO_ALLOWED.has(key);
    if (!Number.isSafeInteger(value) || value < 0 || (value === 0 && !zero))
      throw new InputError(
        `limits.${key}`,
        `${String(value)} is not allowed; use a positive integer${zero ? ' or 0' : ''}`,
      );
  }
  return limits;
}
