/** What every call handler receives: the draft to write through and the event list to append to. */
import type { Rejection } from '../errors.ts';
import type { Draft } from '../state/draft.ts';
import type { ChainAddOn } from './addOn.ts';
import type { ChainRejectionCode } from './chainRejectionCodes.ts';
import type { AddOnEvent, ChainEvent } from './events.ts';

/** The context of an add-on with events `E`: the chain's own context, its event list typed for `E`. */
export interface AddOnContext<E extends AddOnEvent> {
  readonly draft: Draft;
  readonly events: ChainEvent<E>[];
  /** Optional profiler: wraps each phase of the block (the engine itself never reads a clock). */
  readonly span?: Span;
  /** The block's add-on, when the chain runs one (its hooks are called at the points it names). */
  readonly addOn?: ChainAddOn;
}

/** The context of the chain's own calls and block steps. */
export type CallContext = AddOnContext<AddOnEvent>;

/** Runs `fn` as the phase `name` (a benchmark passes one that measures time). */
export type Span = <T>(name: string, fn: () => T) => T;

/** Run a phase through the context's span, or directly. */
export function phase<T>(ctx: Pick<CallContext, 'span'>, name: string, fn: () => T): T {
  return ctx.span === undefined ? fn() : ctx.span(name, fn);
}

/** A rejection of a core call. */
export type ChainRejection = Rejection<ChainRejectionCode>;

/** A call handler: returns a rejection (and its draft is dropped) or null when applied. */
export type CallHandler<E> = (ctx: CallContext, ext: E) => ChainRejection | null;

/** Build a rejection naming the field. */
export function rejection(code: ChainRejectionCode, field: string, message: string): ChainRejection {
  return { code, field, message: `${field}: ${message}` };
}
