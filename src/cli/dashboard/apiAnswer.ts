/** How the runs API answers: JSON bodies, and errors as `{ error: { field?, code, message } }` with their status. */
import type { ServerResponse } from 'node:http';
import { InputError } from '../../engine/errors.ts';
import type { RunsApiErrorJson } from '../../sdk/dashboard/runsApi.ts';
import { RUNS_API_STATUS, RunsApiError } from './runsApiError.ts';

/** Send `body` as JSON with `status`. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    })
    .end(text);
}

/**
 * Send an expected refusal with its status; anything else is a fault of the server (500), said without
 * its insides.
 */
export function sendApiError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (error instanceof InputError) {
    const body: RunsApiErrorJson = {
      error: { field: error.field, code: error.code, message: error.message },
    };
    sendJson(res, RUNS_API_STATUS.INVALID_INPUT, body);
    return;
  }
  if (error instanceof RunsApiError) {
    const body: RunsApiErrorJson = { error: { code: error.code, message: error.message } };
    sendJson(res, RUNS_API_STATUS[error.code], body);
    return;
  }
  const body: RunsApiErrorJson = {
    error: { code: 'INTERNAL', message: 'the dashboard failed to answer; its console says why' },
  };
  process.stderr.write(
    `dashboard: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  sendJson(res, 500, body);
}
