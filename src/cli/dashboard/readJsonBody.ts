/** The JSON body of an API request, refused unless it says it is JSON and stays small. */
import type { IncomingMessage } from 'node:http';
import { InputError } from '../../engine/errors.ts';
import { RunsApiError } from './runsApiError.ts';

/** A start request is a few short fields: anything longer is not one. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * The parsed body of `req`. Requiring `content-type: application/json` means a page of another site
 * cannot send it without the browser asking this server first (which it never allows).
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    throw new RunsApiError(
      'NOT_JSON',
      `expected content-type: application/json, got ${type === '' ? 'none' : type}; send the request as JSON`,
    );
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new RunsApiError(
        'BODY_TOO_LARGE',
        `the body exceeds ${MAX_BODY_BYTES} bytes; send only the run's fields`,
      );
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch (cause) {
    throw new InputError('body', 'is not valid JSON; send an object such as {"scenario":"default.yaml"}', {
      cause,
    });
  }
}
