/**
 * Opens a written report in a real headless browser (Debian's chromium) and takes a screenshot: the
 * page must load from a file:// URL with the network disabled. Skipped where chromium is not installed.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReport } from '../src/sim/report/index.ts';
import { syntheticSummary } from '../src/sim/report/syntheticSummary.ts';
import { CHROMIUM, CHROMIUM_FLAGS, hasChromium } from './support/dashboardBrowser.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('report in a browser', () => {
  it.skipIf(!hasChromium)(
    `opens offline in headless chromium${hasChromium ? '' : ` (skipped: no chromium at ${CHROMIUM})`}`,
    async () => {
      const outDir = await mkdtemp(join(tmpdir(), 'tm-report-browser-'));
      dirs.push(outDir);
      const [page] = await writeReport({
        summary: syntheticSummary(),
        manifest: { seed: 42, runs: 1000 },
        outDir,
      });
      const shot = join(outDir, 'shot.png');
      await promisify(execFile)(
        CHROMIUM,
        [
          '--headless',
          ...CHROMIUM_FLAGS,
          `--user-data-dir=${join(outDir, 'profile')}`,
          `--screenshot=${shot}`,
          '--window-size=1200,2000',
          pathToFileURL(page!).href,
        ],
        { timeout: 60_000 },
      );
      expect(existsSync(shot)).toBe(true);
      const png = await readFile(shot);
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      expect(png.length).toBeGreaterThan(10_000);
    },
  );
});
