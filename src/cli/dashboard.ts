/**
 * `tensormarket dashboard [--network URL] [--port 8080] [--host 127.0.0.1]`: the dashboard alone, for a
 * node elsewhere (a local network already serves it at `/` on its RPC port). The page is told the
 * node's WebSocket in its `tensormarket-network` meta tag; `?network=` in the page's URL still wins.
 */

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import { InputError } from '../engine/errors.ts';
import { createStaticFiles } from '../node/rpc/staticFiles.ts';
import { nodeEndpoints } from '../sdk/client/nodeEndpoints.ts';
import { BUILD_DASHBOARD_HINT, builtDashboard } from './dashboardDir.ts';
import { green } from './output.ts';
import { wholeNumber } from './wholeNumber.ts';

/** Options of {@link serveDashboard}. */
export interface DashboardOptions {
  /** The built app's folder. */
  readonly dir: string;
  /** The node's WebSocket URL the page uses. */
  readonly wsUrl: string;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
}

/** A running dashboard server. */
export interface DashboardServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serve the built dashboard, pointed at `wsUrl`.
 * @example const d = await serveDashboard({ dir: 'web/dist', wsUrl: 'ws://127.0.0.1:9944/', host: '127.0.0.1', port: 8080 })
 */
export async function serveDashboard(options: DashboardOptions): Promise<DashboardServer> {
  const meta = '<meta name="tensormarket-network" content="" />';
  const files = createStaticFiles({
    dir: options.dir,
    transformIndex: (html) =>
      html.replace(meta, `<meta name="tensormarket-network" content="${escapeAttribute(options.wsUrl)}" />`),
  });
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', connection: 'close' }).end();
      return;
    }
    files(req, res).catch(() => {
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Register the `dashboard` command. */
export function registerDashboard(program: Command): void {
  program
    .command('dashboard')
    .description('serve the dashboard alone, for a node running elsewhere (localnet serves it at / already)')
    .option('--network <url>', 'the node: local (ws://127.0.0.1:9944) or its URL', 'local')
    .option('--port <n>', 'port of the dashboard', '8080')
    .option('--host <ip>', 'address to bind (default 127.0.0.1: this machine only)', '127.0.0.1')
    .action(async (opts: { network: string; port: string; host: string }) => {
      const port = wholeNumber(opts.port, '--port', 0, 65_535);
      const { wsUrl } = nodeEndpoints(opts.network, '--network');
      const dir = builtDashboard();
      if (dir === undefined)
        throw new InputError('dashboard', `the dashboard is not built; ${BUILD_DASHBOARD_HINT}`);
      const server = await serveDashboard({ dir, wsUrl, host: opts.host, port });
      process.stdout.write(`${green(`dashboard at ${server.url}`)} for the node at ${wsUrl}\n`);
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
    });
}
