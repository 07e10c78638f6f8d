/**
 * A run started from the dashboard's page in a real headless browser (Debian's chromium driven by
 * playwright-core), through `serveDashboard`'s runs API and the same runner as `simulate`: open `#/run`,
 * pick a scenario, see a refusal naming the field, set 4 runs over 30 days, run it, watch the progress
 * bar fill to the end, see the results in place (headline and fan chart), pick a series (the address
 * follows) and reload that address to see the same; no console error, no layout shift (CLS 0).
 * Screenshots go to test-artifacts/dashboard/. Skipped where chromium is not installed.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type DashboardServer, serveDashboard } from '../src/cli/dashboard.ts';
import { CHROMIUM, ensureBuilt, hasChromium, openDashboardPage } from './support/dashboardBrowser.ts';
import { createTempDirs } from './support/tempDirs.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/dashboard/', import.meta.url));
const tempDir = createTempDirs('tm-dashboard-run-');

/** Runs in the page before its scripts: every value the progress bar shows, in order. */
const RECORD_PROGRESS = `
  window.progressSeen = [];
  new MutationObserver(() => {
    const bar = document.querySelector('progress');
    if (bar === null) return;
    const shown = bar.value + '/' + bar.max;
    if (window.progressSeen.at(-1) !== shown) window.progressSeen.push(shown);
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['value', 'max'] });
`;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

interface SummaryFile {
  readonly headline: string[];
  readonly series: { key: string }[];
  readonly shape: { series: { key: string; label: string }[] };
}

describe('dashboard runs in a browser', () => {
  it.skipIf(!hasChromium)(
    `runs a scenario from the page with a progress bar, shows its results in place and at its address${hasChromium ? '' : ` (skipped: no chromium at ${CHROMIUM})`}`,
    async () => {
      const dir = await ensureBuilt();
      const runsDir = join(tempDir(), 'runs');
      const server: DashboardServer = await serveDashboard({
        dir,
        runsDir,
        workers: 1,
        host: '127.0.0.1',
        port: 0,
      });
      cleanups.push(() => server.close());
      mkdirSync(ARTIFACTS, { recursive: true });
      // Every layout shift of the page's life is recorded, added up as the CLS metric does.
      const { page, errors } = await openDashboardPage(cleanups);
      await page.addInitScript({ content: RECORD_PROGRESS });

      await page.goto(server.url);
      await page.getByRole('navigation', { name: 'views' }).getByRole('link', { name: 'Run' }).click();
      expect(new URL(page.url()).hash).toBe('#/run');

      // The scenario's title and defaults follow the choice.
      await page.getByLabel('Scenario').selectOption('steady-state.yaml');
      expect(await page.getByTestId('run-about').textContent()).toContain('nothing moving from outside');
      expect(await page.getByLabel('Runs').inputValue()).toBe('20');
      expect(await page.getByLabel('Horizon').inputValue()).toBe('90d');

      // A refusal names the field and marks it.
      await page.getByLabel('Runs').fill('0');
      await page.getByRole('button', { name: 'Run' }).click();
      await expect.poll(() => page.getByTestId('run-problem').textContent()).toMatch(/^runs: expected/);
      expect(await page.getByLabel('Runs').getAttribute('aria-invalid')).toBe('true');
      // The browser logs the refused request itself; nothing else may be logged.
      expect(errors).toEqual([
        'Failed to load resource: the server responded with a status of 400 (Bad Request)',
      ]);
      errors.length = 0;

      await page.getByLabel('Runs').fill('4');
      await page.getByLabel('Horizon').fill('30d');
      await page.screenshot({ path: join(ARTIFACTS, 'run-form.png'), fullPage: true });
      await page.getByRole('button', { name: 'Run' }).press('Enter');
      await page.waitForURL(/#\/run\/steady-state-\d{8}-\d{6}$/);
      const id = decodeURIComponent(new URL(page.url()).hash.slice('#/run/'.length));

      await expect.poll(() => page.getByTestId('run-state').textContent(), { timeout: 20_000 }).toBe('done');
      expect(await page.getByTestId('run-count').textContent()).toBe('4 / 4 runs');
      const seen = (await page.evaluate('window.progressSeen')) as string[];
      // The bar starts empty and fills to the end without going back.
      expect(seen[0]?.startsWith('0/')).toBe(true);
      expect(seen.at(-1)).toBe('4/4');
      const done = seen.map((s) => Number(s.split('/')[0]));
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(await page.getByRole('button', { name: 'Stop' }).isDisabled()).toBe(true);

      // The results in place, read from the run's folder.
      const summary = JSON.parse(readFileSync(join(runsDir, id, 'summary.json'), 'utf8')) as SummaryFile;
      const labelOf = (key: string) => summary.shape.series.find((s) => s.key === key)?.label ?? key;
      const headline = page.getByTestId('results-headline').locator('li');
      await expect.poll(() => headline.allTextContents()).toEqual(summary.headline);
      expect(await page.getByTestId('results-manifest').textContent()).toContain('runs4');
      const fan = page.getByTestId('fan-chart');
      await fan.locator('canvas').waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'run-done.png'), fullPage: true });

      const shift = (await page.evaluate('({ layoutShift: window.layoutShift, shifts: window.shifts })')) as {
        layoutShift: number;
        shifts: string[];
      };
      expect(shift.shifts).toEqual([]);
      expect(shift.layoutShift).toBe(0);

      // A series picked goes in the run's address; reloading it shows the same run and series.
      const second = summary.series[1];
      expect(second).toBeDefined();
      if (second === undefined) return;
      await page
        .getByRole('navigation', { name: 'series' })
        .getByRole('link', { name: labelOf(second.key), exact: true })
        .click();
      expect(new URL(page.url()).hash).toBe(`#/run/${id}?series=${second.key}`);
      await page.reload();
      await expect.poll(() => page.getByTestId('run-state').textContent()).toBe('done');
      expect(await page.getByTestId('run-count').textContent()).toBe('4 / 4 runs');
      await expect.poll(() => headline.allTextContents()).toEqual(summary.headline);
      await expect.poll(() => page.getByTestId('fan-title').textContent()).toContain(labelOf(second.key));
      await fan.locator('canvas').waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'run-reloaded.png'), fullPage: true });

      expect(errors).toEqual([]);
    },
  );
});
