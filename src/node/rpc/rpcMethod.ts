/** A method the server answers: its params schema and its handler, registered by the caller. */
import type { z } from 'zod';

/** Who is calling, and a signal that fires when they are gone. */
export interface RpcContext {
  readonly transport: 'http' | 'ws';
  /** The client's address as the socket reports it. */
  readonly remoteAddress: string;
  /** Aborted when the client disconnects before the answer is sent (long handlers may stop early). */
  readonly signal: AbortSignal;
}

/**
 * A method: `params` validates the request's params (a positional array, e.g. `z.tuple([...])`, or an
 * object); absent params are read as `[]`, or `{}` for an object schema. `handler` gets the parsed
 * value and returns the result (JSON-serialisable; amounts as {@link AmountJson}) or throws: a
 * `TensormarketError` becomes the `REJECTED` error with its code and field.
 */
export interface RpcMethod<P extends z.ZodType = z.ZodType> {
  readonly params: P;
  handler(params: z.output<P>, ctx: RpcContext): unknown;
}

/** Methods by name, e.g. `chain_getBlockHash`. */
export type RpcMethods = Readonly<Record<string, RpcMethod>>;

/**
 * A method with its handler's params typed from the schema.
 * @example defineRpcMethod({ params: z.tuple([z.number().int()]), handler: ([n]) => hashAt(n) })
 */
export function defineRpcMethod<P extends z.ZodType>(method: RpcMethod<P>): RpcMethod<P> {
  return method;
}
