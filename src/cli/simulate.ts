/**
 * `tensormarket simulate [SCENARIO]`: run thousands of seeded futures of a scenario on all cores and
 * write runs.csv, summary.json, manifest.json, scenario.json and the report. The first Ctrl-C stops
 * starting runs, waits for those in flight and writes partial results; a second one quits at once.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { InputError } from '../engine/errors.ts';
import { writeReport } from '../sim/report/index.ts';
import { PROJECT_ROOT } from '../sim/runner/manifest.ts';
import { type ModelRef, parseModelRef } from '../sim/runner/modelRef.ts';
import { type ExperimentProgress, runExperiment } from '../sim/runner/runExperiment.ts';
import { loadScenario } from '../sim/scenario/loadScenario.ts';
import { overrideScenario } from '../sim/scenario/overrideScenario.ts';
import { dim, green, nearPath, yellow } from './output.ts';
import { resolveModelSchema } from './scenario.ts';

/** The scenario run when none is given. */
export const DEFAULT_SCENARIO = join(PROJECT_ROOT, 'scenarios', 'default.yaml');

/** The model run unless `--model` names another. */
export const DEFAULT_MODEL: ModelRef = {
  module: join(PROJECT_ROOT, 'src', 'sim', 'model', 'index.ts'),
  exportName: 'bittensorModel',
};

/** Options of the command, as commander parses them. */
interface SimulateOptions {
  runs?: string;
  horizon?: string;
  seed?: string;
  workers: string;
  out?: string;
  quiet?: boolean;
  model?: string;
}

/**
 * Worker threads for `--workers`: `auto` is every core the process may use.
 * @example parseWorkers('auto') // os.availableParallelism()
 */
export function parseWorkers(text: string): number {
  if (text === 'auto') return availableParallelism();
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 1024)
    throw new InputError('--workers', `expected auto or an integer between 1 and 1024, got "${text}"`);
  return n;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Progress on stderr: a bar with ETA on a terminal, a line every 10% otherwise. */
export function createProgressView(quiet: boolean, label = 'simulate') {
  if (quiet) return { update: (_p: ExperimentProgress) => {}, stopping: () => {}, stop: () => {} };
  if (process.stderr.isTTY === true) {
    const bar = new cliProgress.SingleBar(
      {
        format: '{bar} {percentage}% | {value}/{total} runs | {errored} errored | ETA {eta_formatted} {note}',
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    let note = '';
    return {
      update(p: ExperimentProgress) {
        if (!started) {
          bar.start(p.total, p.done, { errored: p.errored, note });
          started = true;
        } else bar.update(p.done, { errored: p.errored, note });
      },
      stopping() {
        note = '| stopping: finishing runs in flight (Ctrl-C again to quit now)';
        if (started) bar.update({ note });
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let lastTenth = -1;
  return {
    update(p: ExperimentProgress) {
      const tenth = p.total === 0 ? 10 : Math.floor((10 * p.done) / p.total);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      process.stderr.write(
        `${label}: ${tenth * 10}% (${p.done}/${p.total} runs, ${p.errored} errored, ${seconds(p.elapsedMs)})\n`,
      );
    },
    stopping() {
      process.stderr.write(
        `${label}: stopping: finishing the runs in flight, then writing partial results\n`,
      );
    },
    stop() {},
  };
}

/** Register the `simulate` command. */
export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('run a Monte Carlo experiment: seeded futures of a scenario, summarised and reported')
    .argument('[scenario]', 'scenario file, YAML or JSON (default: the shipped scenarios/default.yaml)')
    .option('--runs <n>', "number of runs (default: the scenario's)")
    .option('--horizon <duration>', "simulated time, e.g. 2y, 180d, 26w (default: the scenario's)")
    .option('--seed <n>', "master seed (default: the scenario's, 1 unless it says otherwise)")
    .option('--workers <n>', 'worker threads, or auto for all cores; 1 runs in the main thread', 'auto')
    .option('--out <dir>', 'output folder (default: out/<scenario name>)')
    .option('--quiet', 'no progress; print only where the outputs are')
    .option('--model <module#export>', 'run another model (module path and export name)')
    .action(async (file: string | undefined, opts: SimulateOptions) => {
      if (file === undefined && !existsSync(DEFAULT_SCENARIO))
        throw new InputError(
          'SCENARIO',
          `no scenario given and ${DEFAULT_SCENARIO} is missing; pass a scenario file`,
        );
      const workers = parseWorkers(opts.workers);
      const modelSchema = await resolveModelSchema(opts);
      const scenario = overrideScenario(loadScenario({ file: file ?? DEFAULT_SCENARIO, modelSchema }), {
        runs: opts.runs,
        horizon: opts.horizon,
        seed: opts.seed,
      });
      const model = opts.model === undefined ? DEFAULT_MODEL : parseModelRef(opts.model);
      const outDir = resolve(opts.out ?? join('out', scenario.name));
      const quiet = opts.quiet === true;

      const controller = new AbortController();
      const view = createProgressView(quiet);
      let interrupts = 0;
      const onInterrupt = () => {
        interrupts += 1;
        if (interrupts > 1) {
          view.stop();
          process.stderr.write(
            '\nsimulate: interrupted twice; quitting now (no summary or report is written)\n',
          );
          process.exit(130);
        }
        controller.abort();
        view.stopping();
      };
      process.on('SIGINT', onInterrupt);
      let result: Awaited<ReturnType<typeof runExperiment>>;
      try {
        result = await runExperiment({
          model,
          scenario,
          workers,
          outDir,
          signal: controller.signal,
          onProgress: view.update,
        });
      } finally {
        view.stop();
        process.off('SIGINT', onInterrupt);
      }

      const files = [...result.files];
      let reportFailed = false;
      if (!quiet) process.stderr.write('simulate: writing the report...\n');
      try {
        files.push(...(await writeReport({ summary: result.summary, manifest: result.manifest, outDir })));
      } catch (error) {
        reportFailed = true;
        process.stderr.write(`simulate: the report could not be written: ${(error as Error).message}\n`);
      }

      const { runs, completed, errored, wallTimeMs } = result.manifest;
      const near = nearPath;
      const shown = near(outDir);
      if (!quiet) {
        const status = result.aborted
          ? yellow(`stopped: partial results, ${completed + errored} of ${runs} runs`)
          : green(`${runs} runs`);
        process.stdout.write(
          `${scenario.name}: ${status} (${completed} completed, ${errored} errored) in ${seconds(wallTimeMs)} on ${result.manifest.workers} worker${result.manifest.workers === 1 ? '' : 's'}\n`,
        );
        for (const line of result.summary.headline) process.stdout.write(`  ${line}\n`);
        if (errored > 0)
          process.stdout.write(`${dim('  errored runs are listed in summary.json and runs.csv')}\n`);
      }
      process.stdout.write(`outputs in ${shown}/\n`);
      const html = files.find((f) => f.endsWith('report.html'));
      if (html !== undefined) process.stdout.write(`  report: ${near(html)}\n`);
      if (!quiet) {
        const names = files.filter((f) => !f.includes(join('charts', ''))).map((f) => relative(outDir, f));
        const charts = files.length - names.length;
        const listing = `  ${names.join(', ')}${charts > 0 ? `, charts/ (${charts} files)` : ''}`;
        process.stdout.write(`${dim(listing)}\n`);
      }
      process.exitCode = result.aborted ? 130 : completed === 0 || reportFailed ? 1 : 0;
    });
}
