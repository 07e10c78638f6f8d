/**
 * `author_submitAndWatchExtrinsic`: submit an envelope over WebSocket and follow it. The subscription
 * answers `{ ready: id }` once the envelope is journalled, then `{ inBlock: hash }` and
 * `{ finalized: hash }` (a local network's blocks are final when made) when a block includes it, or
 * `{ invalid: { code, field, message } }` when a block refuses it (its era passed), or
 * `{ dropped: { code, field, message } }` when it was removed for an earlier transaction's fault (a nonce
 * gap). An envelope refused at once is the subscribe call's error, as for `author_submitExtrinsic`.
 */
import { z } from 'zod';
import type { Rejection } from '../engine/errors.ts';
import type { LocalNode } from './localNode.ts';
import { defineRpcTopic, type RpcTopic } from './rpc/rpcTopic.ts';
import type { SubmissionOutcome } from './store/blockStore.ts';

/** Why a watched extrinsic left the pool without a block. */
export interface ExtrinsicRefusal {
  readonly code: string;
  readonly field?: string;
  readonly message: string;
}

/** A notification of a watched extrinsic. */
export type ExtrinsicStatus =
  | { readonly ready: string }
  | { readonly inBlock: string }
  | { readonly finalized: string }
  | { readonly invalid: ExtrinsicRefusal }
  | { readonly dropped: ExtrinsicRefusal };

/** Receipt codes that mean "removed for another transaction's fault" rather than its own. */
const DROPPED_CODES = new Set(['NONCE_GAP']);

const WATCH_PARAMS = z.tuple([z.unknown()]);

/** The topic and how it reaches clients. */
export interface ExtrinsicWatch {
  readonly topic: RpcTopic<typeof WATCH_PARAMS>;
  /** Give the watch the server's per-subscription push (set once the server runs). */
  connect(publishTo: (subscriptionId: string, status: ExtrinsicStatus) => boolean): void;
  /** Watched submissions not yet settled. */
  readonly watching: number;
}

const included = (hash: string): ExtrinsicStatus[] => [{ inBlock: hash }, { finalized: hash }];

function refused(receipt: Rejection): ExtrinsicStatus[] {
  const reason: ExtrinsicRefusal = {
    code: receipt.code,
    ...(receipt.field === undefined ? {} : { field: receipt.field }),
    message: receipt.message,
  };
  return [DROPPED_CODES.has(receipt.code) ? { dropped: reason } : { invalid: reason }];
}

/**
 * The watch over `node`'s blocks; `afterSubmit` runs after each watched submission is acknowledged
 * (a node producing a block per submission produces it there).
 * @example const watch = createExtrinsicWatch(node); server = await startRpcServer({ subscriptions: { extrinsicUpdates: watch.topic } }); watch.connect(server.publishTo)
 */
export function createExtrinsicWatch(node: LocalNode, afterSubmit: () => void = () => {}): ExtrinsicWatch {
  /** Submission id -> subscriptions watching it. */
  const bySubmission = new Map<string, Set<string>>();
  /** Subscription -> the submission it watches. */
  const bySubscription = new Map<string, string>();
  let publishTo: (subscriptionId: string, status: ExtrinsicStatus) => boolean = () => false;

  const watch = (id: string, subscription: string) => {
    const watchers = bySubmission.get(id) ?? new Set<string>();
    watchers.add(subscription);
    bySubmission.set(id, watchers);
    bySubscription.set(subscription, id);
  };
  const unwatch = (subscription: string) => {
    const id = bySubscription.get(subscription);
    if (id === undefined) return;
    bySubscription.delete(subscription);
    const watchers = bySubmission.get(id);
    watchers?.delete(subscription);
    if (watchers?.size === 0) bySubmission.delete(id);
  };
  /** Tell every watcher of `id` how it ended; the watch of it ends. */
  const settle = (id: string, statuses: readonly ExtrinsicStatus[]) => {
    const watchers = bySubmission.get(id);
    if (watchers === undefined) return;
    bySubmission.delete(id);
    for (const subscription of watchers) {
      bySubscription.delete(subscription);
      for (const status of statuses) publishTo(subscription, status);
    }
  };
  const settledEarlier = (id: string, outcome: SubmissionOutcome) => {
    if (outcome.status === 'included') settle(id, included(node.block(outcome.block)?.hash ?? ''));
    else if (outcome.status === 'rejected') settle(id, refused(outcome.receipt));
  };

  node.onBlock((header, settled) => {
    if (bySubmission.size === 0) return;
    for (const id of settled.included) settle(id, included(header.hash));
    for (const { id, receipt } of settled.rejected) settle(id, refused(receipt));
  });

  const topic = defineRpcTopic({
    subscribe: 'author_submitAndWatchExtrinsic',
    unsubscribe: 'author_unwatchExtrinsic',
    notification: 'author_extrinsicUpdate',
    params: WATCH_PARAMS,
    async onSubscribe([envelope], subscription) {
      const { id } = await node.submitAsync(envelope);
      watch(id, subscription.id);
      publishTo(subscription.id, { ready: id });
      afterSubmit();
      // Settled before the watch began (a block in between): tell it now.
      const outcome = node.receipt(id);
      if (outcome !== undefined && outcome.status !== 'pending') settledEarlier(id, outcome);
    },
    onUnsubscribe: (subscription) => unwatch(subscription.id),
  });

  return {
    topic,
    connect(push) {
      publishTo = push;
    },
    get watching() {
      return bySubmission.size;
    },
  };
}
