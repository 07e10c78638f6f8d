/** What a query got from each miner: a typed answer, or why there is none. Never an exception. */
import type { AxonErrorCode } from '../axon/axonError.ts';

/** A miner to query: where it listens and its hotkey (SS58). */
export interface AxonTarget {
  /** Base URL, e.g. `http://203.0.113.7:8091`; the synapse's name is appended. */
  readonly url: string;
  readonly hotkey: string;
}

/**
 * Failures seen by the caller itself. `TIMEOUT`: no whole answer in time (status 408, as bittensor's
 * dendrite reports it); `UNREACHABLE`: no connection or a broken one, or a URL that cannot be fetched
 * (status 503, as bittensor's); `BAD_RESPONSE`: an answer that is not the synapse's response, or a
 * refusal without an axon error body; `RESPONSE_TOO_LARGE`: more than the dendrite's `maxResponseBytes`.
 */
export type DendriteErrorCode = 'TIMEOUT' | 'UNREACHABLE' | 'BAD_RESPONSE' | 'RESPONSE_TOO_LARGE';

/** Why a miner gave no answer: its refusal's code, or the caller's own. */
export type QueryErrorCode = AxonErrorCode | DendriteErrorCode;

/** A miner's typed answer. */
export interface QuerySuccess<T> {
  readonly ok: true;
  readonly axon: AxonTarget;
  readonly status: 200;
  readonly body: T;
  /** Milliseconds from sending to the whole answer, as the caller saw them. */
  readonly latencyMs: number;
  /** Milliseconds the miner says it took (`bt_header_axon_process_time`), when it says. */
  readonly processMs: number | undefined;
}

/** No answer from a miner. */
export interface QueryFailure {
  readonly ok: false;
  readonly axon: AxonTarget;
  /** The HTTP status, or the one bittensor's dendrite reports for a failure with none (408, 503). */
  readonly status: number;
  readonly code: QueryErrorCode;
  readonly message: string;
  /** The field the miner named, when it named one. */
  readonly field?: string;
  readonly latencyMs: number;
}

/** One miner's outcome. */
export type QueryResult<T> = QuerySuccess<T> | QueryFailure;
