/**
 * The dashboard's first paint of data (`npm run bench -- dashboard`): a node on a 128-subnet genesis
 * serves the dashboard; headless chromium opens `#/subnets` and the page itself records when the
 * table first shows every subnet, measured from the start of navigation. Figures only.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { BUILD_DASHBOARD_HINT, builtDashboard } from '../src/cli/dashboardDir.ts';
import { startLocalnet } from '../src/node/startLocalnet.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from '../test/support/dashboardBrowser.ts';
import { benchNetworkGenesis } from './engine.ts';
import { fmt, median, printTable } from './lib.ts';

const SUBNETS = 128;
const LOADS = 7;

/** Runs in the page: the time (ms since navigation start) the subnets table first has `rows` rows. */
const recordFirstData = (rows: number) => `
  window.firstData = null;
  new MutationObserver((_, observer) => {
    if (document.querySelectorAll('[data-testid="subnets-table"] tbody tr').length >= ${rows}) {
      window.firstData = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

export async function runDashboardBench(): Promise<void> {
  const dir = builtDashboard();
  if (!existsSync(CHROMIUM) || dir === undefined) {
    process.stdout.write(
      dir === undefined
        ? `\ndashboard: skipped: the dashboard is not built; ${BUILD_DASHBOARD_HINT}\n`
        : `\ndashboard: skipped: no chromium at ${CHROMIUM}\n`,
    );
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-bench-dashboard-'));
  const net = await startLocalnet({
    dataDir,
    genesis: benchNetworkGenesis(SUBNETS),
    production: 'manual',
    port: 0,
    staticDir: dir,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
  });
  try {
    const rows = SUBNETS + 1; // and root
    const times: number[] = [];
    const rpcTimes: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.addInitScript({ content: recordFirstData(rows) });
      await page.goto(`${net.server.url}#/subnets`);
      await page.waitForFunction('window.firstData !== null', undefined, { timeout: 30_000 });
      times.push((await page.evaluate('window.firstData')) as number);
      // The two calls the table waits for, timed from the page, for comparison.
      rpcTimes.push(
        (await page.evaluate(`(async () => {
          const t = performance.now();
          await Promise.all(['tm_subnets', 'tm_subnetEconomics'].map((method) =>
            fetch('/', { method: 'POST', headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: [] }) }).then((r) => r.json())));
          return performance.now() - t;
        })()`)) as number,
      );
      await page.close();
    }
    printTable(
      `dashboard on a ${SUBNETS}-subnet genesis: first paint of data (headless chromium)`,
      ['measure', `median of ${LOADS} loads`, 'first load'],
      [
        [`navigation to ${SUBNETS} subnets in the table`, `${fmt(median(times))} ms`, `${fmt(times[0]!)} ms`],
        ['tm_subnets + tm_subnetEconomics (HTTP)', `${fmt(median(rpcTimes))} ms`, `${fmt(rpcTimes[0]!)} ms`],
      ],
    );
  } finally {
    await browser.close();
    await net.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
