/** Where the run queue lives: a `redis://` or `rediss://` URL, checked once and turned into connection options. */
import { InputError } from '../../engine/errors.ts';

/** A checked queue location: what to connect to, and how to name it without its password. */
export interface QueueTarget {
  /** The URL as given, password replaced by `***` (safe for manifests and logs). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  readonly tls: boolean;
}

const DEFAULT_PORT = 6379;

/**
 * The target a queue URL names; anything else is an InputError naming `field` and the expected form.
 * @example parseQueueUrl('redis://127.0.0.1:6379').port // 6379
 */
export function parseQueueUrl(text: string, field = '--queue'): QueueTarget {
  const fix = 'expected redis://HOST:PORT (or rediss:// for TLS, optionally redis://:PASSWORD@HOST:PORT/DB)';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(field, `"${text}" is not a URL; ${fix}`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new InputError(field, `unsupported scheme "${url.protocol}"; ${fix}`);
  if (url.hostname === '') throw new InputError(field, `"${text}" names no host; ${fix}`);
  const port = url.port === '' ? DEFAULT_PORT : Number(url.port);
  const dbText = url.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0)
    throw new InputError(field, `database "${dbText}" is not a whole number; ${fix}`);
  if (url.search !== '' || url.hash !== '')
    throw new InputError(field, `"${text}" has a query or fragment the queue does not read; ${fix}`);
  const password = url.password === '' ? undefined : decodeURIComponent(url.password);
  const username = url.username === '' ? undefined : decodeURIComponent(url.username);
  const shown = new URL(url.href);
  if (password !== undefined) shown.password = '***';
  return {
    url: shown.href.replace(/\/$/, ''),
    // Brackets of an IPv6 literal are URL syntax, not part of the address.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    db,
    ...(username === undefined ? {} : { username }),
    ...(password === undefined ? {} : { password }),
    tls: url.protocol === 'rediss:',
  };
}
