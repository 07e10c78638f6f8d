/** How a miner answers one synapse: its handler, and optionally its own time limit. */
import type { z } from 'zod';
import { InputError } from '../../engine/errors.ts';
import type { Synapse } from './synapse.ts';
import type { VerifiedRequest } from './verifyRequest.ts';

/**
 * The work of one synapse for a verified request. `signal` aborts when the time is up or the caller has
 * gone: stop then, since the handler's slot is only given back once it returns. Throw an `AxonError` to
 * refuse with its code; anything else thrown is answered `HANDLER_FAILED` without its message.
 */
export type SynapseHandler<S extends Synapse> = (
  request: VerifiedRequest<z.output<S['request']>>,
  signal: AbortSignal,
) => z.input<S['response']> | Promise<z.input<S['response']>>;

/** A synapse with its handler, ready for `startAxon`. */
export interface AxonRoute {
  readonly synapse: Synapse;
  /** Milliseconds the handler has, queue included; default the axon's `limits.handlerTimeoutMs`. */
  readonly timeoutMs: number | undefined;
  readonly handler: (request: VerifiedRequest, signal: AbortSignal) => unknown;
}

/**
 * Serve `synapse` with `handler`; `options.timeoutMs` overrides the axon's default time limit.
 * @example serveSynapse(Echo, ({ body }) => ({ text: body.text }), { timeoutMs: 2_000 })
 */
export function serveSynapse<S extends Synapse>(
  synapse: S,
  handler: SynapseHandler<S>,
  options?: { readonly timeoutMs?: number },
): AxonRoute {
  const timeoutMs = options?.timeoutMs;
  if (timeoutMs !== undefined && !(Number.isSafeInteger(timeoutMs) && timeoutMs > 0))
    throw new InputError(
      `${synapse.name}.timeoutMs`,
      `${timeoutMs} is not a time limit; use a positive integer of milliseconds`,
    );
  // The axon checked the body against `synapse.request` before calling, so the body has its type.
  return { synapse, timeoutMs, handler: handler as AxonRoute['handler'] };
}
