/** The refusals of the dashboard's runs API that are not bad fields of a request (those are `InputError`s). */
import { TensormarketError } from '../../engine/errors.ts';

/**
 * `RUN_IN_PROGRESS`: a run is going (one at a time); `RUN_NOT_FOUND`: no run has that id;
 * `NOT_JSON`: the request is not `content-type: application/json`; `FOREIGN_ORIGIN`: sent by a page of
 * another site; `BODY_TOO_LARGE`: more than a start request needs; `NOT_FOUND`: no such endpoint;
 * `CLOSING`: the dashboard is shutting down.
 */
export type RunsApiErrorCode =
  | 'RUN_IN_PROGRESS'
  | 'RUN_NOT_FOUND'
  | 'NOT_JSON'
  | 'FOREIGN_ORIGIN'
  | 'BODY_TOO_LARGE'
  | 'NOT_FOUND'
  | 'CLOSING';

/** The HTTP status of each refusal, in one place. */
export const RUNS_API_STATUS: Readonly<Record<RunsApiErrorCode | 'INVALID_INPUT', number>> = {
  INVALID_INPUT: 400,
  RUN_IN_PROGRESS: 409,
  RUN_NOT_FOUND: 404,
  NOT_JSON: 415,
  FOREIGN_ORIGIN: 403,
  BODY_TOO_LARGE: 413,
  NOT_FOUND: 404,
  CLOSING: 503,
};

/** A refused API request; the message says what to do instead. */
export class RunsApiError extends TensormarketError {
  declare readonly code: RunsApiErrorCode;

  constructor(code: RunsApiErrorCode, message: string, options?: { details?: Record<string, unknown> }) {
    super(code, message, options);
  }
}
