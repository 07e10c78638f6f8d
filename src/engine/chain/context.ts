/** What every call handler receives: the draft to write through and the event list to append to. */
import type { Rejection } from '../errors.ts';
import type { Draft } from '../state/draft.ts';
import type { ChainEvent } from './events.ts';

export interface CallContext {
  readonly draft: Draft;
  readonly events: ChainEvent[];
}

/** A call handler: returns a rejection (and its draft is dropped) or null when applied. */
export type CallHandler<E> = (ctx: CallContext, ext: E) => Rejection | null;

/** Build a rejection naming the field. */
export function rejection(code: string, field: string, message: string): Rejection {
  return { code, field, message: `${field}: ${message}` };
}
