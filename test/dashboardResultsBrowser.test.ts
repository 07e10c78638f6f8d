/**
 * The dashboard's results view in a real headless browser (Debian's chromium driven by playwright-core):
 * a small results folder written by the real `tensormarket simulate`, served with `serveDashboard` and no
 * node. Open `#/results`, read the headline and the run's facts, see a fan chart and the outcomes'
 * histograms, switch the series (the address follows, and opening that address shows the same series);
 * no layout shift (CLS 0), no console error; then a real `backtest` folder (its fans over the recorded
 * path) and a real forked `compare` folder (the variants side by side, their branches on one chart with the
 * fork day, the holder classes by variant, at desktop and phone width; a variant opened in place). Screenshots go to test-artifacts/dashboard/. Skipped where chromium is not installed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type DashboardServer, serveDashboard } from '../src/cli/dashboard.ts';
import { CHROMIUM, ensureBuilt, hasChromium, openDashboardPage } from './support/dashboardBrowser.ts';
import { runCliAsync } from './support/runCli.ts';
import { createTempDirs } from './support/tempDirs.ts';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/dashboard/', import.meta.url));
const tempDir = createTempDirs('tm-dashboard-results-');

/** Two rule packs on the same two short futures, forked after a week: the smallest comparison there is. */
const FORK_DAY = 7;
const TWO_VARIANTS = `name: two-packs
runs: 2
horizon: 14d
seed: 1
step: day
recordEvery: 7
fork: { atDays: ${FORK_DAY} }
model:
  rulePack: price-2026-06
variants:
  - name: price
    title: Price shares
  - name: dtao
    title: dTAO launch rules
    model: { rulePack: dtao-2025-02 }
`;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

interface SummaryFile {
  readonly headline: string[];
  readonly series: { key: string }[];
  readonly shape: { series: { key: string; label: string }[] };
  readonly outcomes: { key: string }[];
  readonly holderClasses: { key: string }[];
}

describe('dashboard results view in a browser', () => {
  it.skipIf(!hasChromium)(
    `shows simulate, backtest and compare folders: headline, fans, histograms, variants side by side${hasChromium ? '' : ` (skipped: no chromium at ${CHROMIUM})`}`,
    async () => {
      const out = tempDir();
      const backtestOut = tempDir();
      const compareDir = tempDir();
      writeFileSync(join(compareDir, 'two.yaml'), TWO_VARIANTS);
      const compareOut = join(compareDir, 'out');
      const [run, backtest, compare, dir] = await Promise.all([
        runCliAsync(
          [
            'simulate',
            '--runs',
            '4',
            '--horizon',
            '30d',
            '--sensitivity-runs',
            '0',
            '--workers',
            '1',
            '--quiet',
            '--out',
            out,
          ],
          { cwd: out },
        ),
        runCliAsync(
          [
            'backtest',
            '--from',
            '2025-02-20',
            '--to',
            '2025-03-06',
            '--runs',
            '3',
            '--workers',
            '1',
            '--quiet',
            '--out',
            backtestOut,
          ],
          { cwd: backtestOut },
        ),
        runCliAsync(
          ['compare', join(compareDir, 'two.yaml'), '--workers', '1', '--quiet', '--out', compareOut],
          {
            cwd: compareDir,
          },
        ),
        ensureBuilt(),
      ]);
      expect(`${compare.status} ${compare.stderr}`).toBe('0 ');
      expect(`${run.status} ${run.stderr}`).toBe('0 ');
      expect(`${backtest.status} ${backtest.stderr}`).toBe('0 ');
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as SummaryFile;
      const labelOf = (key: string) => summary.shape.series.find((s) => s.key === key)?.label ?? key;
      const [first, second] = summary.series;
      expect(first).toBeDefined();
      expect(second).toBeDefined();
      if (first === undefined || second === undefined) return;

      const server: DashboardServer = await serveDashboard({ dir, results: out, host: '127.0.0.1', port: 0 });
      cleanups.push(() => server.close());
      mkdirSync(ARTIFACTS, { recursive: true });
      // Every layout shift of the page's life is recorded, added up as the CLS metric does.
      const { page, errors } = await openDashboardPage(cleanups);

      await page.goto(server.url);
      // Without a node the page says so and connects to nothing; the Results link is there.
      await page.getByRole('heading', { name: 'No node' }).waitFor();
      await page.getByRole('navigation', { name: 'views' }).getByRole('link', { name: 'Results' }).click();
      expect(new URL(page.url()).hash).toBe('#/results');

      const headline = page.getByTestId('results-headline').locator('li');
      await expect.poll(() => headline.allTextContents()).toEqual(summary.headline);
      expect(await page.getByTestId('results-manifest').textContent()).toContain('runs4');
      const fan = page.getByTestId('fan-chart');
      await fan.locator('canvas').waitFor();
      expect(await page.getByTestId('fan-title').textContent()).toContain(labelOf(first.key));
      // The holder-class answer: a row per class the file lists.
      const holderRows = page.getByTestId('figure-table').first().locator('tbody tr');
      expect(await holderRows.count()).toBe(summary.holderClasses.length);
      const histograms = page.getByTestId('outcomes').locator('svg.histogram');
      expect(await histograms.count()).toBeGreaterThan(0);
      expect(await page.getByTestId('outcomes').locator('figure').count()).toBe(summary.outcomes.length);
      await page.screenshot({ path: join(ARTIFACTS, 'results.png'), fullPage: true });

      // Switching the series puts it in the address; opening that address shows it again.
      await page
        .getByRole('navigation', { name: 'series' })
        .getByRole('link', { name: labelOf(second.key), exact: true })
        .click();
      expect(new URL(page.url()).hash).toBe(`#/results?series=${second.key}`);
      await expect.poll(() => page.getByTestId('fan-title').textContent()).toContain(labelOf(second.key));
      await fan.locator('canvas').waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'results-series.png'), fullPage: true });

      const shift = (await page.evaluate('({ layoutShift: window.layoutShift, shifts: window.shifts })')) as {
        layoutShift: number;
        shifts: string[];
      };
      expect(shift.shifts).toEqual([]);
      expect(shift.layoutShift).toBe(0);

      await page.goto(`${server.url}#/results?series=${second.key}`);
      await page.reload();
      await expect.poll(() => page.getByTestId('fan-title').textContent()).toContain(labelOf(second.key));
      await fan.locator('canvas').waitFor();

      // A backtest folder: one fan per metric, drawn over the recorded path.
      const backtestServer = await serveDashboard({ dir, results: backtestOut, host: '127.0.0.1', port: 0 });
      cleanups.push(() => backtestServer.close());
      const doc = JSON.parse(readFileSync(join(backtestOut, 'backtest.json'), 'utf8')) as {
        rows: { metric: string }[];
      };
      const metrics = [...new Set(doc.rows.map((r) => r.metric))];
      await page.goto(`${backtestServer.url}#/results?series=${metrics[1]}`);
      await expect.poll(() => page.getByTestId('fan-title').textContent()).toContain(metrics[1]);
      await fan.locator('canvas').waitFor();
      expect(
        await page.getByRole('navigation', { name: 'series' }).getByRole('link').allTextContents(),
      ).toEqual(metrics);
      expect(await page.locator('.fan-note').textContent()).toContain('the recorded path');
      await page.screenshot({ path: join(ARTIFACTS, 'results-backtest.png'), fullPage: true });

      // Phone width: the page fits; the chart takes the width it has.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${server.url}#/results`);
      await fan.locator('canvas').waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(ARTIFACTS, 'results-phone.png'), fullPage: false });

      // A compare folder: the outcomes side by side, then a variant's own folder in place.
      const compareServer = await serveDashboard({ dir, results: compareOut, host: '127.0.0.1', port: 0 });
      cleanups.push(() => compareServer.close());
      const comparison = JSON.parse(readFileSync(join(compareOut, 'compare.json'), 'utf8')) as {
        outcomes: unknown[];
        forkDay: number | null;
        variants: { name: string }[];
      };
      expect(comparison.forkDay).toBe(FORK_DAY);
      const variantNames = comparison.variants.map((v) => v.name);
      const priceSummary = JSON.parse(
        readFileSync(join(compareOut, 'price', 'summary.json'), 'utf8'),
      ) as SummaryFile;
      const [firstShared, secondShared] = priceSummary.series;
      expect(secondShared).toBeDefined();
      if (firstShared === undefined || secondShared === undefined) return;
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${compareServer.url}#/results`);
      const compared = page.getByTestId('compared-outcomes').locator('tbody tr');
      await expect.poll(() => compared.count()).toBe(comparison.outcomes.length);
      // The branches: one chart, a legend naming every variant, the fork day marked.
      const branchCanvas = page.getByTestId('branch-chart').locator('canvas');
      await branchCanvas.waitFor();
      const box = await branchCanvas.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(0);
      expect(box?.height ?? 0).toBeGreaterThan(0);
      expect(await page.getByTestId('branch-legend').locator('li').allTextContents()).toEqual([
        ...variantNames,
        `fork at day ${FORK_DAY}`,
      ]);
      expect(await page.getByTestId('fork-marker').getAttribute('data-day')).toBe(String(FORK_DAY));
      expect(await page.getByTestId('branch-title').textContent()).toContain(
        priceSummary.shape.series.find((s) => s.key === firstShared.key)?.label ?? firstShared.key,
      );
      // The holder classes: a row per class, a column per variant.
      const across = page.getByTestId('holder-classes-across');
      expect(await across.locator('thead th').allTextContents()).toEqual(['', ...variantNames]);
      expect(await across.locator('tbody tr').count()).toBe(priceSummary.holderClasses.length);
      await page.screenshot({ path: join(ARTIFACTS, 'results-compare.png'), fullPage: true });
      // Another series: the address follows and the chart is drawn again.
      await page
        .getByRole('navigation', { name: 'series' })
        .getByRole('link', {
          name: priceSummary.shape.series.find((s) => s.key === secondShared.key)?.label ?? secondShared.key,
          exact: true,
        })
        .click();
      expect(new URL(page.url()).hash).toBe(`#/results?series=${secondShared.key}`);
      await expect
        .poll(() => page.getByTestId('branch-title').textContent())
        .toContain(
          priceSummary.shape.series.find((s) => s.key === secondShared.key)?.label ?? secondShared.key,
        );
      await branchCanvas.waitFor();
      const compareShift = (await page.evaluate(
        '({ layoutShift: window.layoutShift, shifts: window.shifts })',
      )) as { layoutShift: number; shifts: string[] };
      expect(compareShift.shifts).toEqual([]);
      expect(compareShift.layoutShift).toBe(0);
      // Phone width: the page fits, the tables scroll inside their boxes.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await branchCanvas.waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(ARTIFACTS, 'results-compare-phone.png'), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByRole('navigation', { name: 'variants' }).getByRole('link', { name: 'dtao' }).click();
      expect(new URL(page.url()).hash).toBe('#/results?folder=dtao');
      await fan.locator('canvas').waitFor();
      expect(await page.getByTestId('results-manifest').textContent()).toContain('dtao-2025-02');

      expect(errors).toEqual([]);
    },
    // Three real CLI runs start in parallel with the rest of the suite; on two busy cores they take a minute.
    240_000,
  );
});
