/** A synapse: a named request type a miner serves, with the shapes of its request and response bodies. */
import type { z } from 'zod';
import { InputError } from '../../engine/errors.ts';

/** A synapse's name: the path it is served at (`POST /<name>`). */
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** The protocol of one synapse, shared by the miners that serve it and the validators that query it. */
export interface Synapse<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  /** A letter then up to 63 letters, digits or `_`, e.g. `TextPrompt`. */
  readonly name: string;
  /** Shape of the request body; the axon refuses others with `INVALID_BODY`. */
  readonly request: Req;
  /** Shape of the response body; a dendrite reports others as `BAD_RESPONSE`. */
  readonly response: Res;
}

/** The body a synapse's caller sends. */
export type SynapseRequest<S extends Synapse> = z.input<S['request']>;
/** The body a synapse's handler returns. */
export type SynapseResponse<S extends Synapse> = z.output<S['response']>;

/**
 * Declare a synapse; throws an {@link InputError} for a name that cannot be a path segment.
 * @example
 * const Echo = defineSynapse({ name: 'Echo', request: z.object({ text: z.string() }), response: z.object({ text: z.string() }) });
 */
export function defineSynapse<Req extends z.ZodType, Res extends z.ZodType>(
  synapse: Synapse<Req, Res>,
): Synapse<Req, Res> {
  if (!NAME.test(synapse.name))
    throw new InputError(
      'synapse.name',
      `"${synapse.name}" cannot name a synapse; use a letter then up to 63 letters, digits or _`,
    );
  return synapse;
}
