/**
 * `tensormarket backtest [SCENARIO] --from DATE --to DATE [--data DIR] --runs N --seed S --out DIR`:
 * replay the recorded dTAO network from a day of the price panel under the scenario's rule timeline and
 * behaviour, and write backtest.csv, backtest.json and backtest.html (the recorded path over the
 * simulated fans, error figures, stylized facts); the figures and facts are also printed.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../engine/errors.ts';
import { renderBacktestCharts } from '../sim/backtest/backtestCharts.ts';
import { backtestCsv } from '../sim/backtest/backtestCsv.ts';
import { readBacktestData } from '../sim/backtest/backtestData.ts';
import { backtestHtml } from '../sim/backtest/backtestHtml.ts';
import { backtestDocument, backtestJson } from '../sim/backtest/backtestJson.ts';
import { backtestWindows } from '../sim/backtest/backtestWindows.ts';
import { readRecordedFacts } from '../sim/backtest/readRecordedFacts.ts';
import { runBacktest } from '../sim/backtest/runBacktest.ts';
import { stylizedFactRows } from '../sim/backtest/simulatedFacts.ts';
import { summarizeRun } from '../sim/backtest/summarizeRun.ts';
import { PROJECT_ROOT } from '../sim/runner/manifest.ts';
import { prepareOutputDir } from '../sim/runner/prepareOutputDir.ts';
import { dateSchema } from '../sim/scenario/ruleTimeline.ts';
import { printJson, wantsJson } from './commandOutput.ts';
import { defaultDataDir } from './defaultDataDir.ts';
import { dim, finiteOrNull, green, nearPath } from './output.ts';
import { createProgressView, seconds } from './progressView.ts';
import { addRunOptions, OUT_OPTION, type RunOptions, resolveRunOptions } from './runOptions.ts';

/** The scenario a backtest runs when none is given. */
export const BACKTEST_SCENARIO = join(PROJECT_ROOT, 'scenarios', 'backtest-dtao.yaml');

/** The replayed window unless `--from` and `--to` say otherwise. */
export const BACKTEST_FROM = '2025-02-20';
export const BACKTEST_TO = '2025-10-29';

/** A `--from`/`--to` date, checked. */
function parseDate(field: string, text: string): string {
  if (!dateSchema.safeParse(text).success)
    throw new InputError(field, `expected a calendar date YYYY-MM-DD, got "${text}"`);
  return text;
}

/** A figure as printed: 3 significant digits, or `-`. */
const fig = (x: number | null) => (x === null ? '-' : Number(x.toPrecision(3)).toString());
const pct = (x: number | null) => (x === null ? '-' : `${(100 * x).toFixed(1)}%`);

/** Options of `backtest` beyond the shared run options. */
interface BacktestCliOptions extends RunOptions {
  from: string;
  to: string;
  data?: string;
}

/** Register the `backtest` command. */
export function registerBacktest(program: Command): void {
  const command = program
    .command('backtest')
    .description(
      'replay the recorded dTAO network from a recorded day and compare the futures with the record',
    )
    .argument(
      '[scenario]',
      'scenario file with the rule timeline and behaviour (default: scenarios/backtest-dtao.yaml)',
    )
    .option('--from <date>', 'first day, a day of the price panel', BACKTEST_FROM)
    .option('--to <date>', 'last day simulated (the record may end earlier)', BACKTEST_TO)
    .option('--data <dir>', 'folder with the recorded files (default: ../shared/data)');
  addRunOptions(command, 'simulate', { without: ['shard', 'queue'] });
  command.action(async (file: string | undefined, opts: BacktestCliOptions) => {
    const from = parseDate('--from', opts.from);
    const to = parseDate('--to', opts.to);
    const dataDir = resolve(opts.data ?? defaultDataDir());
    if (opts.horizon !== undefined)
      throw new InputError('--horizon', 'a backtest runs from --from to --to; drop --horizon');
    const { scenario, model, workers, quiet } = await resolveRunOptions(file ?? BACKTEST_SCENARIO, opts);
    const outDir = resolve(opts.out ?? join('out', scenario.name));
    const data = readBacktestData(dataDir);
    const facts = readRecordedFacts(dataDir, data.panel);
    prepareOutputDir({ dir: outDir, field: OUT_OPTION });
    const view = createProgressView(quiet, 'backtest');
    const run = await runBacktest({
      model,
      scenario,
      data,
      from,
      to,
      runs: scenario.runs,
      seed: scenario.seed,
      workers,
      onProgress: view.update,
    });
    view.stop();
    const futures = run.variations[0]!;
    if (futures.completed === 0)
      throw new InputError(
        'scenario',
        `every run failed; the first said: ${futures.firstError ?? 'nothing'}`,
      );
    const summary = summarizeRun(run, backtestWindows(from, to));
    const factRows = stylizedFactRows(facts, run, futures);
    const document = backtestDocument({
      scenario: scenario.name,
      from,
      to,
      runs: scenario.runs,
      seed: scenario.seed,
      dataFiles: [data.files.panel, data.files.issuance, data.files.taoUsd],
      summary,
      facts: factRows,
    });
    const files = {
      csv: join(outDir, 'backtest.csv'),
      json: join(outDir, 'backtest.json'),
      html: join(outDir, 'backtest.html'),
    };
    writeFileSync(files.csv, backtestCsv(summary.rows));
    writeFileSync(files.json, backtestJson(document));
    writeFileSync(files.html, backtestHtml({ document, charts: await renderBacktestCharts(summary.rows) }));
    if (wantsJson(opts)) {
      printJson('backtest', {
        scenario: scenario.name,
        from,
        to,
        seed: scenario.seed,
        completed: futures.completed,
        errored: futures.errored,
        wallTimeMs: run.wallTimeMs,
        errors: summary.errors.map((e) => ({
          ...e,
          coverage: finiteOrNull(e.coverage),
          mdape: finiteOrNull(e.mdape),
          lastError: finiteOrNull(e.lastError),
        })),
        facts: factRows.map((f) => ({
          ...f,
          recorded: finiteOrNull(f.recorded),
          simulated: finiteOrNull(f.simulated),
        })),
        files,
      });
      return;
    }

    const out = (line = '') => process.stdout.write(`${line}\n`);
    out(
      `backtest ${scenario.name}: ${from} → ${to}, ${futures.completed} runs (${futures.errored} errored), seed ${scenario.seed}, ${seconds(run.wallTimeMs)}`,
    );
    out();
    out('metric               window     dates  coverage p5–p95  MdAPE p50  last recorded (error)');
    for (const e of summary.errors) {
      if (e.dates === 0) continue;
      out(
        `${e.metric.padEnd(20)} ${e.window.padEnd(10)} ${String(e.dates).padStart(5)}  ${pct(e.coverage).padStart(15)}  ${pct(e.mdape).padStart(9)}  ${e.lastDate ?? '-'} (${pct(e.lastError)})`,
      );
    }
    out();
    out('stylized facts (not fitted): recorded | simulated');
    for (const f of factRows) {
      out(`  ${f.name}: ${fig(f.recorded)} ${f.unit} (${f.date}; ${f.source}) | ${fig(f.simulated)}`);
      out(dim(`    ${f.note}`));
    }
    out();
    for (const path of Object.values(files)) out(green(`wrote ${nearPath(path)}`));
  });
}
