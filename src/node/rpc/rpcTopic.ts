/** A subscription topic: the names of its subscribe, unsubscribe and notification methods. */
import type { z } from 'zod';
import type { RpcContext } from './rpcMethod.ts';

/** An open subscription as its topic's hooks see it. */
export interface RpcSubscription {
  /** The id the client got back and that notifications carry. */
  readonly id: string;
}

/**
 * A topic clients subscribe to over WebSocket, e.g. `chain_subscribeNewHeads` /
 * `chain_unsubscribeNewHeads` / `chain_newHead`. `params` validates the subscribe call's params
 * (default: none). `onSubscribe` may refuse by throwing, or remember the id to push to it alone
 * (`publishTo`); notifications it causes reach the client after the subscription id.
 */
export interface RpcTopic<P extends z.ZodType = z.ZodType> {
  readonly subscribe: string;
  readonly unsubscribe: string;
  readonly notification: string;
  readonly params?: P;
  onSubscribe?(params: z.output<P>, subscription: RpcSubscription, ctx: RpcContext): unknown;
  /** Called once when the subscription ends: unsubscribed, connection closed or server closed. */
  onUnsubscribe?(subscription: RpcSubscription): void;
}

/** Topics by the name the server's `publish` takes, e.g. `newHeads`. */
export type RpcTopics = Readonly<Record<string, RpcTopic>>;

/**
 * A topic with its hook's params typed from the schema.
 * @example defineRpcTopic({ subscribe: 'chain_subscribeNewHeads', unsubscribe: 'chain_unsubscribeNewHeads', notification: 'chain_newHead' })
 */
export function defineRpcTopic<P extends z.ZodType>(topic: RpcTopic<P>): RpcTopic<P> {
  return topic;
}
