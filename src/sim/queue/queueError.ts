/** The error thrown when the run queue cannot be used. */
import { TensormarketError } from '../../engine/errors.ts';

/**
 * `QUEUE_UNREACHABLE`: no Redis answers at the queue URL; `QUEUE_JOB_INVALID`: a job's data or result is not
 * what this version writes (another version of the project shares the queue).
 */
export type QueueErrorCode = 'QUEUE_UNREACHABLE' | 'QUEUE_JOB_INVALID';

/** The queue at `url` cannot be used; the message says why and what to check. */
export class QueueError extends TensormarketError {
  declare readonly code: QueueErrorCode;
  readonly url: string;

  constructor(code: QueueErrorCode, url: string, message: string, options?: { cause?: unknown }) {
    super(code, `queue ${url}: ${message}`, { details: { url }, ...options });
    this.url = url;
  }
}
