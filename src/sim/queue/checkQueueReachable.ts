/**
 * Ping the queue's Redis once, with no retries, before any BullMQ client is made: BullMQ's clients retry
 * an absent server forever (and one that never connected cannot always be closed), so an unreachable URL
 * must be found out first.
 */
import { Redis } from 'ioredis';
import { errorMessage } from '../runner/runChunk.ts';
import { QueueError } from './queueError.ts';
import { redisOptions } from './queueSettings.ts';
import type { QueueTarget } from './queueUrl.ts';

/** How long the first connection may take before the queue counts as unreachable. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Resolve when Redis at `target` answers PING; else throw `QUEUE_UNREACHABLE` naming the URL and the fix.
 * @example await checkQueueReachable(parseQueueUrl('redis://127.0.0.1:6379'))
 */
export async function checkQueueReachable(target: QueueTarget): Promise<void> {
  const client = new Redis({
    ...redisOptions(target),
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // The socket's own error (ECONNREFUSED, a DNS failure) says more than the rejected command.
  let socketError: unknown;
  client.on('error', (error) => {
    socketError ??= error;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new QueueError(
      'QUEUE_UNREACHABLE',
      target.url,
      `cannot connect to Redis (${errorMessage(socketError ?? error)}); start redis-server there or fix the URL`,
      { cause: error },
    );
  } finally {
    client.disconnect();
  }
}
