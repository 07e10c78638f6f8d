/** The open subscriptions of a server: who listens to which topic, and pushing notifications to them. */
import { randomBytes } from 'node:crypto';
import { invariant } from '../../engine/errors.ts';
import type { RpcSubscription, RpcTopics } from './rpcTopic.ts';

/** A connection that can receive notifications (a WebSocket client). */
export interface Subscriber {
  send(text: string): void;
}

/** Subscriptions across all connections of one server. */
export interface SubscriptionRegistry {
  /** Open a subscription; its notifications wait until {@link activate}, so they follow its id. */
  open(topic: string, subscriber: Subscriber): RpcSubscription;
  /** Deliver what waited and everything after (call once the subscription id has been sent). */
  activate(id: string): void;
  /** End `id` if `subscriber` holds it; `false` when it does not. */
  close(id: string, subscriber: Subscriber): boolean;
  /** End every subscription of a connection that has gone. */
  closeAll(subscriber: Subscriber): void;
  /** Open subscriptions of one connection. */
  countFor(subscriber: Subscriber): number;
  /** Push `result` to every subscriber of `topic`; returns how many were sent to. */
  publish(topic: string, result: unknown): number;
  /** Push `result` to one subscription; `false` when it is not open. */
  publishTo(id: string, result: unknown): boolean;
}

interface Entry {
  readonly subscription: RpcSubscription;
  readonly topic: string;
  readonly subscriber: Subscriber;
  /** Frames held until the subscription id reaches the client; `undefined` once it has. */
  waiting: string[] | undefined;
}

/**
 * A registry over `topics`; `report` receives errors thrown by a topic's `onUnsubscribe` (they cannot
 * reach a client).
 */
export function createSubscriptionRegistry(
  topics: RpcTopics,
  report: (error: unknown, where: string) => void,
): SubscriptionRegistry {
  const entries = new Map<string, Entry>();
  const byTopic = new Map<string, Set<Entry>>(Object.keys(topics).map((name) => [name, new Set()]));
  const bySubscriber = new Map<Subscriber, Set<Entry>>();

  const deliver = (entry: Entry, frame: string) => {
    if (entry.waiting === undefined) entry.subscriber.send(frame);
    else entry.waiting.push(frame);
  };

  const end = (entry: Entry) => {
    entries.delete(entry.subscription.id);
    byTopic.get(entry.topic)?.delete(entry);
    const held = bySubscriber.get(entry.subscriber);
    held?.delete(entry);
    if (held?.size === 0) bySubscriber.delete(entry.subscriber);
    try {
      topics[entry.topic]?.onUnsubscribe?.(entry.subscription);
    } catch (error) {
      report(error, `${entry.topic} onUnsubscribe`);
    }
  };

  /** One notification frame, the result serialised once by the caller. */
  const frame = (entry: Entry, resultJson: string) => {
    const method = topics[entry.topic]!.notification;
    return `{"jsonrpc":"2.0","method":${JSON.stringify(method)},"params":{"subscription":${JSON.stringify(entry.subscription.id)},"result":${resultJson}}}`;
  };

  return {
    open(topic, subscriber) {
      const listeners = byTopic.get(topic);
      invariant(listeners !== undefined, 'RPC_UNKNOWN_TOPIC', `no topic ${topic}`);
      let id = randomBytes(8).toString('hex');
      while (entries.has(id)) id = randomBytes(8).toString('hex');
      const entry: Entry = { subscription: { id }, topic, subscriber, waiting: [] };
      entries.set(id, entry);
      listeners.add(entry);
      const held = bySubscriber.get(subscriber) ?? new Set<Entry>();
      held.add(entry);
      bySubscriber.set(subscriber, held);
      return entry.subscription;
    },
    activate(id) {
      const entry = entries.get(id);
      if (entry?.waiting === undefined) return;
      const waiting = entry.waiting;
      entry.waiting = undefined;
      for (const text of waiting) entry.subscriber.send(text);
    },
    close(id, subscriber) {
      const entry = entries.get(id);
      if (entry === undefined || entry.subscriber !== subscriber) return false;
      end(entry);
      return true;
    },
    closeAll(subscriber) {
      for (const entry of [...(bySubscriber.get(subscriber) ?? [])]) end(entry);
    },
    countFor(subscriber) {
      return bySubscriber.get(subscriber)?.size ?? 0;
    },
    publish(topic, result) {
      const listeners = byTopic.get(topic);
      invariant(listeners !== undefined, 'RPC_UNKNOWN_TOPIC', `publish: no topic ${topic}`);
      if (listeners.size === 0) return 0;
      const resultJson = serialiseResult(result);
      for (const entry of listeners) deliver(entry, frame(entry, resultJson));
      return listeners.size;
    },
    publishTo(id, result) {
      const entry = entries.get(id);
      if (entry === undefined) return false;
      deliver(entry, frame(entry, serialiseResult(result)));
      return true;
    },
  };
}

/** JSON of a notification's result; `undefined` is sent as null, and a value JSON cannot hold throws. */
function serialiseResult(result: unknown): string {
  return JSON.stringify(result) ?? 'null';
}
