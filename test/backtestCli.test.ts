/**
 * `tensormarket backtest` end to end on the recorded data (../shared/data), over a short window with few
 * runs: the files it writes checked against the data files themselves, its determinism, and its refusals.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../src/cli/defaultDataDir.ts';
import { BACKTEST_FILES } from '../src/sim/backtest/backtestData.ts';
import type { BacktestDocument } from '../src/sim/backtest/backtestJson.ts';
import { BACKTEST_METRICS } from '../src/sim/backtest/backtestMetrics.ts';
import { recordedDataFile } from './support/recordedDataFile.ts';
import { type CliResult, runCliAsync } from './support/runCli.ts';
import { createTempDirs } from './support/tempDirs.ts';

const dir = createTempDirs('tm-backtest-')();
const dataDir = defaultDataDir();
const FROM = '2025-02-20';
const TO = '2025-03-06';

/** `npx tensormarket backtest` over the short window, writing to `out`, with `extra` options. */
const backtest = (out: string, extra: string[] = []) =>
  runCliAsync(['backtest', '--from', FROM, '--to', TO, '--runs', '3', '--out', join(dir, out), ...extra], {
    cwd: dir,
  });

const read = (out: string, name: string) => readFileSync(join(dir, out, name), 'utf8');

const empty = join(dir, 'empty');
mkdirSync(empty);

// Every command of the file starts at once (most of each one's time is start-up); each test awaits its own.
let runs: Record<
  'main' | 'again' | 'two' | 'badDay' | 'beforePanel' | 'horizon' | 'noData',
  Promise<CliResult>
>;
let main: CliResult;
beforeAll(async () => {
  runs = {
    main: backtest('a', ['--workers', '1']),
    again: backtest('again', ['--workers', '1']),
    two: backtest('two', ['--workers', '2']),
    badDay: backtest('bad-day', ['--from', '2025-13-01']),
    beforePanel: backtest('before-panel', ['--from', '2024-01-01']),
    horizon: backtest('horizon', ['--horizon', '10d']),
    noData: backtest('no-data', ['--data', empty]),
  };
  main = await runs.main;
});

/** A data file's lines split at commas (none of these files quotes a field), header first. */
function table(name: string): string[][] {
  return readFileSync(join(dataDir, name), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(','));
}

/** Every day from `from` to `to`, inclusive. */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The panel's rows of `date` for subnets emitting that day (glitch 0), as named columns. */
function emittingOn(date: string): Record<string, string>[] {
  const [header, ...rows] = table(BACKTEST_FILES.panel);
  return rows
    .map((r) => Object.fromEntries(header!.map((h, k) => [h, r[k] ?? ''])))
    .filter((r) => r.date === date && r.glitch === '0');
}

describe('tensormarket backtest', () => {
  it('exits 0 and says where it wrote backtest.csv, backtest.json and backtest.html', () => {
    expect(main.stderr).not.toMatch(/^error/m);
    expect(main.status).toBe(0);
    for (const name of ['backtest.csv', 'backtest.json', 'backtest.html']) {
      expect(existsSync(join(dir, 'a', name))).toBe(true);
      expect(main.stdout).toContain(`wrote ${join('a', name)}\n`);
    }
  });

  it('writes backtest.csv: a row per date and metric, the record beside the quantiles', () => {
    const [header, ...lines] = read('a', 'backtest.csv').trimEnd().split('\n');
    expect(header).toBe('date,metric,p5,p25,p50,p75,p95,recorded');
    const rows = lines.map((l) => l.split(','));
    const dates = days(FROM, TO);
    expect(dates.length).toBe(15);
    expect(rows.map((r) => `${r[0]} ${r[1]}`)).toEqual(
      dates.flatMap((d) => BACKTEST_METRICS.map((m) => `${d} ${m}`)),
    );
    for (const r of rows) {
      const [p5, p25, p50, p75, p95] = r.slice(2, 7).map(Number) as [number, number, number, number, number];
      expect([p5, p25, p50, p75, p95].every(Number.isFinite), r.join(',')).toBe(true);
      expect(p5 <= p25 && p25 <= p50 && p50 <= p75 && p75 <= p95, r.join(',')).toBe(true);
    }
    // No record of chain buys; a record of every other metric on every date.
    for (const r of rows) expect(r[7] === '', r.join(',')).toBe(r[1] === 'chainBuyShare');
    // The record is the panel's: the sum of the emitting subnets' first prices (2.3180 on 2025-02-20 by
    // the data's README), and the TAO/USD close of the day.
    const recorded = (date: string, metric: string) =>
      Number(rows.find((r) => r[0] === date && r[1] === metric)![7]);
    for (const date of [FROM, TO]) {
      const sum = emittingOn(date).reduce((s, r) => s + Number(r.price_first), 0);
      expect(recorded(date, 'sumAlphaPrices')).toBeCloseTo(sum, 12);
      expect(recorded(date, 'activeSubnets')).toBe(emittingOn(date).length);
      const close = table(BACKTEST_FILES.taoUsd).find((r) => r[0] === date)!;
      expect(recorded(date, 'taoPriceUsd')).toBe(Number(close[1]));
    }
    expect(recorded(FROM, 'sumAlphaPrices')).toBeCloseTo(2.318, 3);
  });

  it('writes backtest.json: settings, the data files by hash, error figures and facts, the same rows as the CSV', () => {
    const doc = JSON.parse(read('a', 'backtest.json')) as BacktestDocument;
    expect(doc).toMatchObject({
      format: 'tensormarket/backtest',
      version: 1,
      scenario: 'backtest-dtao',
      from: FROM,
      to: TO,
      runs: 3,
      seed: 1,
    });
    // The issuance table opens with a line of empty fields: no row.
    expect(doc.dataFiles).toEqual(
      [BACKTEST_FILES.panel, BACKTEST_FILES.issuance, BACKTEST_FILES.taoUsd].map((name) =>
        recordedDataFile(dataDir, name),
      ),
    );
    for (const metric of BACKTEST_METRICS) {
      const all = doc.errors.find((e) => e.metric === metric && e.window === 'all')!;
      if (metric === 'chainBuyShare') {
        expect(all).toMatchObject({ dates: 0, coverage: null, mdape: null });
        continue;
      }
      expect(all, metric).toMatchObject({ from: FROM, to: TO, dates: 15, lastDate: TO });
      expect(all.coverage, metric).toBeGreaterThanOrEqual(0);
      expect(all.coverage, metric).toBeLessThanOrEqual(1);
      expect(all.mdape, metric).toBeGreaterThanOrEqual(0);
    }
    expect(doc.facts.length).toBeGreaterThan(0);
    for (const f of doc.facts) expect(Number.isFinite(f.recorded), f.name).toBe(true);
    // The lowest daily sum of median prices over emitting subnets, recomputed from the panel.
    const [header, ...rows] = table(BACKTEST_FILES.panel);
    const col = (name: string) => header!.indexOf(name);
    const sums = new Map<string, number>();
    for (const r of rows)
      if (r[col('glitch')] === '0')
        sums.set(r[col('date')]!, (sums.get(r[col('date')]!) ?? 0) + Number(r[col('price_median')]));
    const lowest = Math.min(...sums.values());
    const fact = doc.facts.find((f) => f.name === 'sumAlphaPricesMin2025H1')!;
    expect(fact.recorded).toBeCloseTo(lowest, 12);
    expect(fact.date).toBe([...sums.entries()].find(([, s]) => s === lowest)![0]);
    // The document's rows are the CSV's.
    const csv = read('a', 'backtest.csv').trimEnd().split('\n').slice(1);
    const cell = (x: number | null) => (x === null ? '' : String(x));
    expect(
      doc.rows.map(
        (r) => `${r.date},${r.metric},${[r.p5, r.p25, r.p50, r.p75, r.p95, r.recorded].map(cell).join(',')}`,
      ),
    ).toEqual(csv);
  });

  it('writes backtest.html: one chart per metric with the record drawn', () => {
    const html = read('a', 'backtest.html');
    expect(html.match(/<svg/g)?.length).toBe(BACKTEST_METRICS.length);
    for (const metric of BACKTEST_METRICS) {
      const figure = html.indexOf(`<figure id="chart-backtest-${metric}">`);
      expect(figure, metric).toBeGreaterThanOrEqual(0);
      expect(html.slice(figure, html.indexOf('</figure>', figure)), metric).toContain('<svg');
    }
    expect(html).toContain('Recorded');
  });

  it('prints the error figures and the stylized facts', () => {
    const doc = JSON.parse(read('a', 'backtest.json')) as BacktestDocument;
    expect(main.stdout).toMatch(
      new RegExp(`^backtest backtest-dtao: ${FROM} → ${TO}, 3 runs \\(0 errored\\)`),
    );
    expect(main.stdout).toMatch(/^sumAlphaPrices\s+all\s+15\s/m);
    const lines = main.stdout.split('\n');
    const facts = lines.indexOf('stylized facts (not fitted): recorded | simulated');
    expect(facts).toBeGreaterThan(0);
    for (const f of doc.facts)
      expect(
        lines.slice(facts + 1).some((l) => l.startsWith(`  ${f.name}: `)),
        f.name,
      ).toBe(true);
  });

  it('writes the same backtest.csv and backtest.json when run again, and the same backtest.csv with 2 workers', async () => {
    const [again, two] = await Promise.all([runs.again, runs.two]);
    expect(again.status).toBe(0);
    expect(read('again', 'backtest.csv')).toBe(read('a', 'backtest.csv'));
    expect(read('again', 'backtest.json')).toBe(read('a', 'backtest.json'));
    expect(two.status).toBe(0);
    expect(read('two', 'backtest.csv')).toBe(read('a', 'backtest.csv'));
  });

  it.each([
    ['a date that does not exist', 'badDay', '2025-13-01', 'bad-day'],
    ['a date before the recorded panel', 'beforePanel', '2024-01-01', 'before-panel'],
  ] as const)('refuses --from with %s, naming --from, exit 2', async (_what, run, from, out) => {
    const r = await runs[run];
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error \\[INVALID_INPUT\\] --from: .*${from}`));
    expect(existsSync(join(dir, out, 'backtest.csv'))).toBe(false);
  });

  it('refuses --horizon, naming it, exit 2', async () => {
    const r = await runs.horizon;
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--horizon: a backtest runs from --from to --to/);
  });

  it('refuses a --data folder without the recorded files, naming the file, exit 2', async () => {
    const r = await runs.noData;
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`--data: cannot read ${BACKTEST_FILES.panel} in ${empty}`));
    expect(existsSync(join(dir, 'no-data', 'backtest.csv'))).toBe(false);
  });
});
