/**
 * Validators' round records (`rounds.jsonl`, see src/sdk/validator/roundRecord.ts) served read-only for
 * the dashboard's subnet page: `GET <prefix><netuid>` answers the newest rounds of that subnet from every
 * `rounds.jsonl` under a folder (the folder itself and three levels below, so `--rounds .demo` finds
 * `.demo/validator/rounds.jsonl`). Round records are off-chain: each validator writes its own, and the node
 * only reads them. A line that is not a round record is skipped and counted, never an error.
 */
import { open, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { RoundRecordsJson } from '../../sdk/client/roundRecordsApi.ts';
import { ROUNDS_FILE, type RoundRecord, roundRecordSchema } from '../../sdk/validator/roundRecord.ts';
import type { HttpRoute } from './httpRoute.ts';

/** Folder levels searched below the rounds folder. */
const MAX_DEPTH = 3;
/** Rounds answered when the request names no `limit`, and the most it may name. */
const DEFAULT_LIMIT = 24;
const MAX_LIMIT = 500;
/** Only the end of a longer file is read: the newest rounds are at its end. */
const MAX_BYTES_READ = 8 * 1024 * 1024;

/** Options of {@link createRoundRecordsRoute}. */
export interface RoundRecordsRouteOptions {
  /** The folder holding validators' data folders (or one of them). */
  readonly dir: string;
  /** The URL path the records are mounted on, with its slashes: `/rounds/`. */
  readonly prefix: string;
}

/**
 * The handler of a folder's round records.
 * @example const rounds = createRoundRecordsRoute({ dir: '.demo', prefix: '/rounds/' }); if (!(await rounds(req, res))) files(req, res)
 */
export function createRoundRecordsRoute(options: RoundRecordsRouteOptions): HttpRoute {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(options.prefix)) return false;
    const rest = url.pathname.slice(options.prefix.length);
    const limitText = url.searchParams.get('limit');
    const limit = limitText === null ? DEFAULT_LIMIT : Number(limitText);
    if (!/^\d+$/.test(rest) || !Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      const text = `expected ${options.prefix}<netuid>[?limit=1..${MAX_LIMIT}], got ${url.pathname}${url.search}\n`;
      res.writeHead(404, {
        'content-type': 'text/plain; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
      return true;
    }
    const answer = await readRoundRecords(options.dir, Number(rest), limit);
    if (res.destroyed || res.headersSent) return true;
    const body = Buffer.from(JSON.stringify(answer), 'utf8');
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': body.length,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

/**
 * The newest `limit` rounds of subnet `netuid` in the `rounds.jsonl` files under `dir`.
 * @example (await readRoundRecords('.demo', 1, 24)).rounds.at(-1)?.miners[0]?.score
 */
export async function readRoundRecords(
  dir: string,
  netuid: number,
  limit: number,
): Promise<RoundRecordsJson> {
  const files = await findRoundFiles(dir, 0);
  let skipped = 0;
  const rounds: RoundRecord[] = [];
  for (const file of files) {
    const { lines, partialFirst } = await lastLines(file);
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        // The first line of a file read from its middle is cut, not wrong.
        if (!(i === 0 && partialFirst)) skipped++;
        return;
      }
      const record = roundRecordSchema.safeParse(parsed);
      if (!record.success) skipped++;
      else if (record.data.netuid === netuid) rounds.push(record.data);
    });
  }
  rounds.sort((a, b) => a.block - b.block || a.validator.localeCompare(b.validator) || a.round - b.round);
  return {
    netuid,
    files: files.map((f) => relative(dir, f).split(sep).join('/')),
    rounds: rounds.slice(-limit),
    skipped,
  };
}

/** Every `rounds.jsonl` at most {@link MAX_DEPTH} levels below `dir`, sorted; a missing folder has none. */
async function findRoundFiles(dir: string, depth: number): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, e.name);
    if (e.isFile() && e.name === ROUNDS_FILE) found.push(path);
    else if (e.isDirectory() && depth < MAX_DEPTH && !e.name.startsWith('.') && e.name !== 'node_modules')
      found.push(...(await findRoundFiles(path, depth + 1)));
  }
  return found;
}

/** The file's lines, only its last {@link MAX_BYTES_READ} bytes when longer. */
async function lastLines(file: string): Promise<{ lines: string[]; partialFirst: boolean }> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (handle === undefined) return { lines: [], partialFirst: false };
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, MAX_BYTES_READ);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return { lines: buffer.toString('utf8').split('\n'), partialFirst: size > length };
  } finally {
    await handle.close();
  }
}
