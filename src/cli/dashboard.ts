/**
 * `tensormarket dashboard [--results DIR] [--network URL] [--runs-dir DIR] [--workers N] [--port 8080]
 * [--host 127.0.0.1]`: the dashboard alone, for a node elsewhere (a local network already serves it at
 * `/` on its RPC port), for a results folder, and to run shipped scenarios from the page (the runs API
 * under `/api/`, each run's outputs under `/runs/<id>/`). The page is told the node's WebSocket in its
 * `tensormarket-network` meta tag (`none` when there is no node; `?network=` in the page's URL still
 * wins), where the results are in `tensormarket-results` and where the runs API is in `tensormarket-runs`.
 */
import { statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { InputError } from '../engine/errors.ts';
import { createResultsFiles } from '../node/rpc/resultsFiles.ts';
import { createRoundRecordsRoute } from '../node/rpc/roundRecordsRoute.ts';
import { createStaticFiles } from '../node/rpc/staticFiles.ts';
import { nodeEndpoints } from '../sdk/client/nodeEndpoints.ts';
import { ROUND_RECORDS_PATH } from '../sdk/client/roundRecordsApi.ts';
import { RUNS_API_PATH } from '../sdk/dashboard/runsApi.ts';
import { createRunFiles } from './dashboard/runFiles.ts';
import { createRunManager } from './dashboard/runManager.ts';
import { createRunsApi } from './dashboard/runsApi.ts';
import { listShippedScenarios } from './dashboard/shippedScenarios.ts';
import { BUILD_DASHBOARD_HINT, builtDashboard } from './dashboardDir.ts';
import { green } from './output.ts';
import { parseWorkers } from './runOptions.ts';
import { wholeNumber } from './wholeNumber.ts';

/** Options of {@link serveDashboard}. */
export interface DashboardOptions {
  /** The built app's folder. */
  readonly dir: string;
  /** The node's WebSocket URL the page uses; absent when the page shows results only. */
  readonly wsUrl?: string | undefined;
  /** A results folder of `simulate`, `compare` or `backtest`, served read-only under `/results/`. */
  readonly results?: string | undefined;
  /** Validators' data folders whose round records are served at `rounds/<netuid>` (see roundRecordsRoute.ts). */
  readonly rounds?: string | undefined;
  /**
   * Where runs started from the page write their folders (created when the first starts); absent, the
   * page runs nothing.
   */
  readonly runsDir?: string | undefined;
  /** Worker threads per run (default 1). */
  readonly workers?: number | undefined;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
}

/** A running dashboard server. */
export interface DashboardServer {
  readonly url: string;
  close(): Promise<void>;
}

/** The URL path a results folder is served under; the page reads it relative to itself. */
const RESULTS_PREFIX = '/results/';

/** What the page is told when it has no node to read (see web/src/nodeUrl.ts). */
const NO_NODE = 'none';

/**
 * Serve the built dashboard, pointed at `wsUrl` and at the results folder when one is given.
 * @example const d = await serveDashboard({ dir: 'web/dist', wsUrl: 'ws://127.0.0.1:9944/', host: '127.0.0.1', port: 8080 })
 */
export async function serveDashboard(options: DashboardOptions): Promise<DashboardServer> {
  const network = options.wsUrl ?? NO_NODE;
  const results = options.results === undefined ? '' : RESULTS_PREFIX.slice(1);
  const runsDir = options.runsDir;
  const runs =
    runsDir === undefined ? undefined : createRunManager({ runsDir, workers: options.workers ?? 1 });
  const files = createStaticFiles({
    dir: options.dir,
    transformIndex: (html) =>
      html
        .replace(
          '<meta name="tensormarket-network" content="" />',
          `<meta name="tensormarket-network" content="${escapeAttribute(network)}" />`,
        )
        .replace(
          '<meta name="tensormarket-results" content="" />',
          `<meta name="tensormarket-results" content="${escapeAttribute(results)}" />`,
        )
        .replace(
          '<meta name="tensormarket-runs" content="" />',
          `<meta name="tensormarket-runs" content="${runs === undefined ? '' : RUNS_API_PATH}" />`,
        ),
  });
  const resultsFiles =
    options.results === undefined
      ? undefined
      : createResultsFiles({ dir: options.results, prefix: RESULTS_PREFIX });
  const roundRecords =
    options.rounds === undefined
      ? undefined
      : createRoundRecordsRoute({ dir: options.rounds, prefix: `/${ROUND_RECORDS_PATH}` });
  const api =
    runs === undefined ? undefined : createRunsApi({ runs, scenarios: () => listShippedScenarios() });
  const runFiles = runsDir === undefined ? undefined : createRunFiles(runsDir);
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    if (resultsFiles !== undefined && (await resultsFiles(req, res))) return;
    if (roundRecords !== undefined && (await roundRecords(req, res))) return;
    if (runFiles !== undefined && (await runFiles(req, res))) return;
    await files(req, res);
  };
  const server = createServer((req, res) => {
    if (api !== undefined && req.url?.startsWith('/api/') === true) {
      api(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', connection: 'close' }).end();
      return;
    }
    answer(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: options.host, port: options.port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address() as AddressInfo;
  const host = bound.address.includes(':') ? `[${bound.address}]` : bound.address;
  return {
    url: `http://${host}:${bound.port}/`,
    close: async () => {
      // A run going is stopped first: its partial results are written before the process may end.
      await runs?.close();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    },
  };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Register the `dashboard` command. */
export function registerDashboard(program: Command): void {
  program
    .command('dashboard')
    .description(
      'serve the dashboard alone, for a node running elsewhere (localnet serves it at / already), a results folder, or to run shipped scenarios from the page',
    )
    .option('--results <dir>', 'a folder written by simulate, compare or backtest, shown at #/results')
    .option(
      '--network <url>',
      'the node: local (ws://127.0.0.1:9944) or its URL (default local; none with --results)',
    )
    .option(
      '--rounds <dir>',
      "validators' data folders (e.g. the demo's .demo): their round records on the subnet pages",
    )
    .option(
      '--runs-dir <dir>',
      'where runs started from the page (#/run) write their folders, created at the first run',
      'dashboard-runs',
    )
    .addOption(
      new Option('--workers <n>', 'worker threads per run, or auto for all cores')
        .argParser(parseWorkers)
        .default(parseWorkers('auto'), 'auto'),
    )
    .option('--port <n>', 'port of the dashboard', '8080')
    .option('--host <ip>', 'address to bind (default 127.0.0.1: this machine only)', '127.0.0.1')
    .action(
      async (opts: {
        results?: string;
        network?: string;
        rounds?: string;
        runsDir: string;
        workers: number;
        port: string;
        host: string;
      }) => {
        const port = wholeNumber(opts.port, '--port', 0, 65_535);
        if (opts.results !== undefined && !isFolder(opts.results))
          throw new InputError(
            '--results',
            `"${opts.results}" is not a folder; give the --out folder of simulate, compare or backtest`,
          );
        if (opts.rounds !== undefined && !isFolder(opts.rounds))
          throw new InputError(
            '--rounds',
            `"${opts.rounds}" is not a folder; give the folder the validators write their data in (the demo's --out, .demo by default)`,
          );
        const network = opts.network ?? (opts.results === undefined ? 'local' : undefined);
        const wsUrl = network === undefined ? undefined : nodeEndpoints(network, '--network').wsUrl;
        const dir = builtDashboard();
        if (dir === undefined)
          throw new InputError('dashboard', `the dashboard is not built; ${BUILD_DASHBOARD_HINT}`);
        const runsDir = resolve(opts.runsDir);
        const server = await serveDashboard({
          dir,
          wsUrl,
          results: opts.results,
          rounds: opts.rounds,
          runsDir,
          workers: opts.workers,
          host: opts.host,
          port,
        });
        const shown = [
          ...(wsUrl === undefined ? [] : [`the node at ${wsUrl}`]),
          ...(opts.results === undefined ? [] : [`the results in ${opts.results} (${server.url}#/results)`]),
          `runs from the page into ${runsDir} (${server.url}#/run)`,
        ];
        process.stdout.write(`${green(`dashboard at ${server.url}`)} for ${shown.join(' and ')}\n`);
        process.stdout.write('Ctrl-C stops it.\n');
        await new Promise<void>((done) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            void server.close().then(done);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
      },
    );
}
