/**
 * A built single-page app served read-only from one folder: `GET /` answers `index.html` and
 * `GET /assets/<file>` the files the bundler wrote, with their content type; anything else is 404. Paths
 * are resolved inside the folder and never leave it.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** Content types of the files a bundler writes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Options of {@link createStaticFiles}. */
export interface StaticFilesOptions {
  /** The folder holding `index.html` and `assets/`. */
  readonly dir: string;
  /** Rewrites `index.html` before it is sent (e.g. to tell the page which node to use). */
  readonly transformIndex?: (html: string) => string;
}

/** Answers a GET or HEAD request; resolves once the answer is written. */
export type StaticFiles = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * The handler of a built app's files.
 * @example const files = createStaticFiles({ dir: 'web/dist' }); createServer((req, res) => void files(req, res))
 */
export function createStaticFiles(options: StaticFilesOptions): StaticFiles {
  const root = normalize(options.dir);
  return async (req, res) => {
    const file = fileOf(root, (req.url ?? '/').split('?')[0] ?? '/');
    if (file === undefined) return notFound(res);
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound(res);
    }
    const isIndex = file === join(root, 'index.html');
    if (isIndex && options.transformIndex !== undefined)
      body = Buffer.from(options.transformIndex(body.toString('utf8')), 'utf8');
    if (res.destroyed) return;
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'x-content-type-options': 'nosniff',
      // Asset names carry a hash of their content; the page itself must always be fresh.
      'cache-control': isIndex ? 'no-cache' : 'public, max-age=31536000, immutable',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** The file a URL path names inside `root`, or undefined when it names none that may be served. */
function fileOf(root: string, urlPath: string): string | undefined {
  if (urlPath === '/' || urlPath === '/index.html') return join(root, 'index.html');
  if (!urlPath.startsWith('/assets/')) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(urlPath.slice('/assets/'.length));
  } catch {
    return undefined;
  }
  if (name === '' || name.includes('\0') || name.includes('\\') || name.split('/').includes('..'))
    return undefined;
  const assets = join(root, 'assets');
  const file = normalize(join(assets, name));
  return file.startsWith(assets + sep) ? file : undefined;
}

function notFound(res: ServerResponse): void {
  if (res.destroyed || res.headersSent) return;
  const text = 'not found\n';
  res
    .writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'content-length': text.length })
    .end(text);
}
