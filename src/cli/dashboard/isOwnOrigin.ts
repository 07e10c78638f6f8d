/**
 * Whether a request that changes something comes from the dashboard's own page. A browser names the
 * page's origin on such requests; it must be the address the request was sent to, and that address a
 * literal IP or `localhost`, so that neither a page of another site nor one whose name was made to
 * point here (DNS rebinding) can start or stop runs.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';

/** True when `headers` carry no `Origin` (not a browser page) or the dashboard's own one. */
export function isOwnOrigin(headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  const host = headers.host;
  if (host === undefined || origin !== `http://${host}`) return false;
  let hostname: string;
  try {
    hostname = new URL(origin).hostname;
  } catch {
    return false;
  }
  return hostname === 'localhost' || isIP(hostname.replace(/^\[|\]$/g, '')) !== 0;
}
