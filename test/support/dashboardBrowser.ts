/**
 * What the dashboard's browser tests share: Debian's chromium with the project's flags, the layout-shift
 * probe run before the page's scripts, and the built app.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DASHBOARD_DIR } from '../../src/cli/dashboardDir.ts';

/** The browser the tests drive. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** The flags the project runs chromium with: no sandbox in containers, nothing fetched from outside. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Runs in the page before its own scripts: every layout shift of the page's life added up as the CLS
 * metric counts them (shifts right after input excluded), with the elements that moved.
 */
export const MEASURE_LAYOUT_SHIFT = `
  window.layoutShift = 0;
  window.shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.layoutShift += entry.value;
      const moved = (entry.sources || []).map((s) => (s.node ? (s.node.outerHTML || s.node.nodeName + ':' + s.node.textContent).slice(0, 80) : '?') + ' ' + JSON.stringify([s.previousRect, s.currentRect]));
      window.shifts.push(entry.value.toFixed(4) + ' at ' + location.hash + ' ' + moved.join(' | '));
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

/**
 * The built dashboard; built here when `npm install` has not built it yet, or when the build predates
 * the page's runs meta tag (an older build would not know about results or runs).
 */
export async function ensureBuilt(): Promise<string> {
  const index = join(DASHBOARD_DIR, 'index.html');
  if (!existsSync(index) || !readFileSync(index, 'utf8').includes('tensormarket-runs')) {
    const { build } = await import('vite');
    await build({ configFile: fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url)) });
  }
  return DASHBOARD_DIR;
}

/** A page at 1280 × 900 in a fresh chromium, with the console's errors and the layout shifts recorded. */
export interface DashboardPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions, in order. */
  readonly errors: string[];
}

/**
 * Launch chromium and open a page that records console errors and, before the page's own scripts, every
 * layout shift (see {@link MEASURE_LAYOUT_SHIFT}); closing the browser is pushed onto `cleanups`.
 * @example const { page, errors } = await openDashboardPage(cleanups)
 */
export async function openDashboardPage(cleanups: (() => Promise<void> | void)[]): Promise<DashboardPage> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  cleanups.push(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript({ content: MEASURE_LAYOUT_SHIFT });
  return { page, errors };
}
