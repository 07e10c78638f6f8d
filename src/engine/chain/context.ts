/** What every call handler receives: the draft to write through and the event list to append to. */
import type { Rejection } from '../errors.ts';
import type { Draft } from '../state/draft.ts';
import type { ChainEvent } from './events.ts';

export interface CallContext {
  readonly draft: Draft;
  readonly events: ChainEvent[];
  /** Optional profiler: wraps each phase of the block (the engine itself never reads a clock). */
  readonly span?: Span;
}

/** Runs `fn` as the phase `name` (a benchmark passes one that measures time). */
export type Span = <T>(name: string, fn: () => T) => T;

/** Run a phase through the context's span, or directly. */
export function phase<T>(ctx: Pick<CallContext, 'span'>, name: string, fn: () => T): T {
  return ctx.span === undefined ? fn() : ctx.span(name, fn);
}

/** A call handler: returns a rejection (and its draft is dropped) or null when applied. */
export type CallHandler<E> = (ctx: CallContext, ext: E) => Rejection | null;

/** Build a rejection naming the field. */
export function rejection(code: string, field: string, message: string): Rejection {
  return { code, field, message: `${field}: ${message}` };
}
