/**
 * A results folder (what `simulate`, `compare` or `backtest` wrote) served read-only under a URL prefix:
 * `GET <prefix><relative path>` answers a JSON, CSV or text file inside the folder, and `GET <prefix>`
 * the list of those files (`{ "files": ["summary.json", "gate/summary.json", …] }`) so that a page asks
 * only for files that exist; anything else is 404. Paths are resolved inside the folder, symbolic links
 * included, and never leave it.
 */
import { readdir, readFile, realpath } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, relative, sep } from 'node:path';

/** The only kinds of file a results folder serves, with their content type. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** At most this many files are listed: a results folder holds tens; more means a wrong folder. */
const MAX_LISTED = 10_000;

/** Options of {@link createResultsFiles}. */
export interface ResultsFilesOptions {
  /** The results folder. */
  readonly dir: string;
  /** The URL path the folder is mounted on, with its slashes: `/results/`. */
  readonly prefix: string;
}

/** Answers a GET or HEAD request when its path is under the prefix; resolves false for any other path. */
export type ResultsFiles = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * The handler of a results folder's files.
 * @example const results = createResultsFiles({ dir: 'out', prefix: '/results/' }); if (!(await results(req, res))) files(req, res)
 */
export function createResultsFiles(options: ResultsFilesOptions): ResultsFiles {
  const rootPromise = realpath(normalize(options.dir));
  return async (req, res) => {
    const urlPath = (req.url ?? '/').split('?')[0] ?? '/';
    if (!urlPath.startsWith(options.prefix)) return false;
    const root = await rootPromise;
    const rest = urlPath.slice(options.prefix.length);
    let body: Buffer | undefined;
    let type: string | undefined;
    if (rest === '') {
      body = Buffer.from(JSON.stringify({ files: await listFiles(root) }), 'utf8');
      type = CONTENT_TYPES['.json'];
    } else {
      const file = await fileOf(root, rest);
      type = file === undefined ? undefined : CONTENT_TYPES[extname(file).toLowerCase()];
      if (file !== undefined && type !== undefined) body = await readFile(file).catch(() => undefined);
    }
    if (res.destroyed || res.headersSent) return true;
    if (body === undefined || type === undefined) {
      const text = 'not found\n';
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'content-length': text.length })
        .end(text);
      return true;
    }
    res.writeHead(200, {
      'content-type': type,
      'content-length': body.length,
      'x-content-type-options': 'nosniff',
      // A folder may be rewritten by the next run; the page must read what is there now.
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

/** The servable files under `root` (plain files only, not links), as sorted `/`-separated relative paths. */
async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && CONTENT_TYPES[extname(e.name).toLowerCase()] !== undefined)
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort()
    .slice(0, MAX_LISTED);
}

/** The real file a relative URL path names inside `root`, or undefined when it names none that may be served. */
async function fileOf(root: string, encoded: string): Promise<string | undefined> {
  let name: string;
  try {
    name = decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
  if (name === '' || name.includes('\0') || name.includes('\\') || name.split('/').includes('..'))
    return undefined;
  const file = normalize(join(root, name));
  if (!file.startsWith(root + sep)) return undefined;
  // A link inside the folder may point outside it: only its target's real place counts.
  const real = await realpath(file).catch(() => undefined);
  return real?.startsWith(root + sep) ? real : undefined;
}
