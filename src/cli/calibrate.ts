/**
 * `tensormarket calibrate demand [--data DIR]`: estimate the TAO demand parameters (drift, volatility,
 * jumps) from `tao_usd_daily.csv` and print them with their window and the schema defaults they give.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { InputError } from '../engine/errors.ts';
import { readBacktestData } from '../sim/backtest/backtestData.ts';
import { calibrateBacktest } from '../sim/backtest/calibrateBacktest.ts';
import { describeDemandEstimate } from '../sim/calibration/describeDemandEstimate.ts';
import { type DemandEstimate, estimateDemand } from '../sim/calibration/estimateDemand.ts';
import { formatCalibrationFile } from '../sim/calibration/formatCalibrationFile.ts';
import { parseDailyPrices } from '../sim/calibration/parseDailyPrices.ts';
import { DEFAULT_JUMP_THRESHOLD_K } from '../sim/calibration/splitJumps.ts';
import { modelParamsSchema } from '../sim/model/bittensor/params.ts';
import { loadScenario } from '../sim/scenario/loadScenario.ts';
import { dateSchema } from '../sim/scenario/ruleTimeline.ts';
import { BACKTEST_FROM, BACKTEST_SCENARIO } from './backtest.ts';
import { addJsonOptions, type JsonOptions, printJson, wantsJson } from './commandOutput.ts';
import { defaultDataDir } from './defaultDataDir.ts';
import { finiteOrNull, green, nearPath } from './output.ts';
import { seconds } from './progressView.ts';
import { DEFAULT_MODEL, parseWorkers } from './runOptions.ts';

/** The price file the demand defaults are estimated from. */
export const TAO_PRICE_FILE = 'tao_usd_daily.csv';

/** Read and estimate the demand parameters from `DIR/tao_usd_daily.csv`. */
export function calibrateDemand(opts: { dataDir?: string; k?: number }): {
  file: string;
  estimate: DemandEstimate;
  lines: string[];
} {
  const file = join(opts.dataDir ?? defaultDataDir(), TAO_PRICE_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new InputError(file, 'cannot be read; pass --data DIR with tao_usd_daily.csv', { cause });
  }
  let estimate: DemandEstimate;
  try {
    estimate = estimateDemand(parseDailyPrices(text), opts.k ?? DEFAULT_JUMP_THRESHOLD_K);
  } catch (cause) {
    throw new InputError(file, cause instanceof Error ? cause.message : String(cause), { cause });
  }
  return { file, estimate, lines: describeDemandEstimate(estimate, `../shared/data/${TAO_PRICE_FILE}`) };
}

/** Default evaluations of the fit (about 20 minutes on 2 cores with the default runs). */
export const DEFAULT_MAX_EVALUATIONS = 240;

/** Default runs per evaluation: enough for a stable median, few enough for the time budget. */
export const DEFAULT_CALIBRATION_RUNS = 16;

/** Options of `calibrate [SCENARIO]`. */
interface CalibrateCliOptions extends JsonOptions {
  runs: string;
  seed: string;
  out?: string;
  from: string;
  data?: string;
  workers: number;
  maxEvaluations: string;
  quiet?: boolean;
}

/** A positive whole number from an option. */
function positiveInt(field: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new InputError(field, `expected a whole number ≥ 1, got "${text}"`);
  return n;
}

/** Register the `calibrate` command and its `demand` subcommand. */
export function registerCalibrate(program: Command): void {
  const calibrate = program
    .command('calibrate')
    .description(
      'fit the behaviour and market parameters to the recorded dTAO network (backtest to 2025-06-30, last 30 days held out), or estimate TAO demand (`calibrate demand`)',
    )
    .argument('[scenario]', 'scenario to fit (default: scenarios/backtest-dtao.yaml)')
    .option('--runs <n>', 'runs per evaluation (the same seeds every time)', String(DEFAULT_CALIBRATION_RUNS))
    .option('--seed <n>', 'master seed', '1')
    .option('--out <file>', 'calibration file to write (default: out/<scenario>/calibration.json)')
    .option('--from <date>', 'first fitted day, a day of the price panel', BACKTEST_FROM)
    .option('--data <dir>', 'folder with the recorded files (default: ../shared/data)')
    .option('--workers <n>', 'worker threads, or auto for all cores', parseWorkers, parseWorkers('auto'))
    .option('--max-evaluations <n>', 'objective evaluations of the fit', String(DEFAULT_MAX_EVALUATIONS))
    .option('--quiet', 'no progress')
    // Its options before `demand` only: both take --json-output.
    .enablePositionalOptions();
  addJsonOptions(calibrate).action(async (file: string | undefined, opts: CalibrateCliOptions) => {
    const runs = positiveInt('--runs', opts.runs);
    const seed = Number(opts.seed);
    if (!Number.isInteger(seed) || seed < 0)
      throw new InputError('--seed', `expected a whole number ≥ 0, got "${opts.seed}"`);
    const maxEvaluations = positiveInt('--max-evaluations', opts.maxEvaluations);
    if (!dateSchema.safeParse(opts.from).success)
      throw new InputError('--from', `expected a calendar date YYYY-MM-DD, got "${opts.from}"`);
    const modelSchema = modelParamsSchema;
    // The scenario as written, without the calibration it may name: every fit starts from the same
    // values, so the same command writes the same file.
    const scenario = loadScenario({ file: file ?? BACKTEST_SCENARIO, modelSchema });
    const outFile = resolve(opts.out ?? join('out', scenario.name, 'calibration.json'));
    mkdirSync(dirname(outFile), { recursive: true });
    const data = readBacktestData(resolve(opts.data ?? defaultDataDir()));
    const started = performance.now();
    let lastLine = 0;
    const result = await calibrateBacktest({
      model: DEFAULT_MODEL,
      modelSchema,
      scenario,
      data,
      from: opts.from,
      runs,
      seed,
      workers: opts.workers,
      maxEvaluations,
      onProgress: (p) => {
        const now = performance.now();
        if (opts.quiet || (now - lastLine < 5000 && p.evaluation !== p.evaluations)) return;
        lastLine = now;
        process.stderr.write(
          `calibrate: ${p.stage} ${p.evaluation}/${p.evaluations}, best objective ${p.best.toPrecision(4)}, ${seconds(now - started)}\n`,
        );
      },
    });
    writeFileSync(outFile, formatCalibrationFile(result));
    if (wantsJson(opts)) {
      printJson('calibrate', { file: outFile, calibration: result });
      return;
    }
    const out = (line = '') => process.stdout.write(`${line}\n`);
    out(
      `calibrate ${scenario.name}: fitted ${result.window.fitFrom} → ${result.window.fitTo}, held out → ${result.window.heldOutTo}; ${result.objective.evaluations} evaluations × ${runs} runs, ${seconds(performance.now() - started)}`,
    );
    out(
      `objective: in-sample ${result.objective.inSample.toPrecision(4)}, held-out ${result.objective.heldOut.toPrecision(4)}`,
    );
    for (const p of result.parameters)
      out(
        `  ${p.name} = ${Number(p.value.toPrecision(4))}${p.sd === null ? ' (not identified)' : ` ± ${Number(p.sd.toPrecision(2))}`}  [${p.bounds.join(', ')}], from ${Number(p.start.toPrecision(4))}`,
      );
    out(green(`wrote ${nearPath(outFile)}`));
  });
  const demand = calibrate
    .command('demand')
    .description('estimate TAO demand drift, volatility and jumps from daily TAO/USD prices')
    .option('--data <dir>', 'folder holding tao_usd_daily.csv (default: ../shared/data)')
    .option('--k <n>', 'jump threshold in robust standard deviations', String(DEFAULT_JUMP_THRESHOLD_K));
  addJsonOptions(demand).action((opts: { data?: string; k: string } & JsonOptions) => {
    const k = Number(opts.k);
    if (!(Number.isFinite(k) && k > 0)) throw new InputError('--k', `expected a number > 0, got "${opts.k}"`);
    const { file, estimate, lines } = calibrateDemand({
      ...(opts.data === undefined ? {} : { dataDir: opts.data }),
      k,
    });
    if (wantsJson(opts))
      printJson('calibrate demand', {
        file: resolve(file),
        estimate: {
          ...estimate,
          jumpMean: finiteOrNull(estimate.jumpMean),
          jumpStdev: finiteOrNull(estimate.jumpStdev),
          jumpRms: finiteOrNull(estimate.jumpRms),
        },
      });
    else for (const line of lines) process.stdout.write(`${line}\n`);
  });
}
