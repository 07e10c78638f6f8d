/**
 * `tensormarket calibrate` end to end on the recorded data (../shared/data), with a small budget (2 runs,
 * 9 evaluations of the fit): the file it writes, what it prints, `calibrate demand`, and a refusal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../src/cli/defaultDataDir.ts';
import { BACKTEST_FILES } from '../src/sim/backtest/backtestData.ts';
import type { CalibrationFile } from '../src/sim/calibration/calibrationFile.ts';
import { readCalibrationFile } from '../src/sim/calibration/readCalibrationFile.ts';
import { recordedDataFile } from './support/recordedDataFile.ts';
import { type CliResult, runCliAsync } from './support/runCli.ts';
import { createTempDirs } from './support/tempDirs.ts';

const dir = createTempDirs('tm-calibrate-')();
const dataDir = defaultDataDir();
const cli = (args: string[]) => runCliAsync(args, { cwd: dir });

// The commands start at once (the two short ones mostly start up); each test awaits its own.
let runs: Record<'fit' | 'demand' | 'noRuns', Promise<CliResult>>;
let fit: CliResult;
beforeAll(async () => {
  runs = {
    fit: cli(['calibrate', '--runs', '2', '--max-evaluations', '9', '--out', 'c.json']),
    demand: cli(['calibrate', 'demand']),
    noRuns: cli(['calibrate', '--runs', '0', '--out', 'none.json']),
  };
  fit = await runs.fit;
});

/** The calibration file the fit wrote, as the reader accepts it. */
const written = (): CalibrationFile =>
  readCalibrationFile(readFileSync(join(dir, 'c.json'), 'utf8'), 'c.json');

describe('tensormarket calibrate', () => {
  it('exits 0 and writes a calibration file the reader accepts', () => {
    expect(fit.stderr).not.toMatch(/^error/m);
    expect(fit.status).toBe(0);
    expect(fit.stdout).toMatch(/^wrote c\.json$/m);
    expect(() => written()).not.toThrow();
  });

  it('records the windows, the settings and the data files by hash', () => {
    const file = written();
    // Fitted to 2025-05-31; the last 30 days of the fit data, to 2025-06-30, held out.
    expect(file.window).toEqual({
      fitFrom: '2025-02-20',
      fitTo: '2025-05-31',
      heldOutFrom: '2025-06-01',
      heldOutTo: '2025-06-30',
    });
    expect({ seed: file.seed, runs: file.runs }).toEqual({ seed: 1, runs: 2 });
    expect(file.createdFor.scenario).toBe('backtest-dtao');
    expect(file.files).toEqual(
      [BACKTEST_FILES.panel, BACKTEST_FILES.issuance, BACKTEST_FILES.taoUsd].map((name) =>
        recordedDataFile(dataDir, name),
      ),
    );
  });

  it('fits eight distinct parameters, each within its bounds', () => {
    const { parameters } = written();
    expect(parameters).toHaveLength(8);
    expect(new Set(parameters.map((p) => p.name)).size).toBe(8);
    for (const p of parameters) {
      const [low, high] = p.bounds;
      expect(p.value, p.name).toBeGreaterThanOrEqual(low);
      expect(p.value, p.name).toBeLessThanOrEqual(high);
    }
  });

  it('prints the windows, the evaluations and a line per parameter', () => {
    const file = written();
    expect(fit.stdout).toMatch(
      new RegExp(
        `^calibrate backtest-dtao: fitted 2025-02-20 → 2025-05-31, held out → 2025-06-30; ${file.objective.evaluations} evaluations × 2 runs`,
      ),
    );
    // The fit's 9 evaluations and the uncertainty's own.
    expect(file.objective.evaluations).toBeGreaterThan(9);
    const lines = fit.stdout.split('\n');
    for (const p of file.parameters) {
      const line = lines.find((l) => l.startsWith(`  ${p.name} = `));
      expect(line, p.name).toBeDefined();
      expect(line).toContain(`[${p.bounds.join(', ')}]`);
    }
  });

  it('still estimates demand with `calibrate demand`, printing its source', async () => {
    const r = await runs.demand;
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toContain('source: ../shared/data/tao_usd_daily.csv');
  });

  it('refuses --runs 0, naming --runs, exit 2', async () => {
    const r = await runs.noRuns;
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--runs: expected a whole number ≥ 1, got "0"/);
    expect(existsSync(join(dir, 'none.json'))).toBe(false);
  });
});
