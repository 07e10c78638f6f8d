/**
 * `tensormarket simulate [SCENARIO]`: run thousands of seeded futures of a scenario on all cores and
 * write runs.csv, summary.json, manifest.json, scenario.json and the report; when the scenario asks for
 * it (`sensitivity:`), then a one-at-a-time sensitivity screen (sensitivity.csv, the report's tornado).
 * The first Ctrl-C stops starting runs, waits for those in flight and writes partial results (stopped
 * in the screen: the main results and the report, without the screen); a second one quits at once.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../engine/errors.ts';
import { sensitivityLines } from '../sim/report/sensitivityLines.ts';
import type { Backend } from '../sim/runner/backend.ts';
import { PROJECT_ROOT } from '../sim/runner/manifest.ts';
import { printJson, wantsJson } from './commandOutput.ts';
import { holderClassLines } from './holderClassLines.ts';
import { runInterruptible } from './interruptController.ts';
import { dim, green, nearPath, yellow } from './output.ts';
import { createProgressView, seconds } from './progressView.ts';
import { addRunOptions, OUT_OPTION, type RunOptions, resolveRunOptions } from './runOptions.ts';
import { printShard } from './shardLines.ts';
import { type SimulationPhase, simulateScenario } from './simulateScenario.ts';
import { keepRunThreads, startRunThreads } from './startRunThreads.ts';

/** What a second Ctrl-C leaves unwritten, by the step it interrupts. */
const LOST: Readonly<Record<SimulationPhase, string>> = {
  main: 'no summary or report is written',
  sensitivity: 'no sensitivity screen or report is written',
  report: 'the report is not written',
};

/** Top parameters of the sensitivity screen the console lists. */
const CONSOLE_TOP = 3;

/** The scenario run when none is given. */
export const DEFAULT_SCENARIO = join(PROJECT_ROOT, 'scenarios', 'default.yaml');

/** Register the `simulate` command. */
export function registerSimulate(program: Command): void {
  const command = program
    .command('simulate')
    .description('run a Monte Carlo experiment: seeded futures of a scenario, summarised and reported')
    .argument('[scenario]', 'scenario file, YAML or JSON (default: the shipped scenarios/default.yaml)');
  addRunOptions(command, 'simulate').option(
    '--sensitivity-runs <n>',
    "paired runs per variation of the sensitivity screen; 0 turns it off (default: the scenario's sensitivity.runs, off without one)",
  );
  command.action(async (file: string | undefined, opts: RunOptions) => {
    if (file === undefined && !existsSync(DEFAULT_SCENARIO))
      throw new InputError(
        'SCENARIO',
        `no scenario given and ${DEFAULT_SCENARIO} is missing; pass a scenario file`,
      );
    // The threads import the model while the scenario is read (closed once the runs are done).
    const early = startRunThreads(opts);
    try {
      await simulateCommand(file, opts, early);
    } finally {
      await early?.close();
    }
  });
}

/** Resolve the options, run the simulation (on `early` threads when given) and print what it wrote. */
async function simulateCommand(
  file: string | undefined,
  opts: RunOptions,
  early: Backend | undefined,
): Promise<void> {
  const { scenario, model, workers, outDir, quiet, shard, queue } = await resolveRunOptions(
    file ?? DEFAULT_SCENARIO,
    opts,
  );
  const threads = await keepRunThreads(early, scenario.runs);

  let view = createProgressView(quiet);
  let phase: SimulationPhase = 'main';
  const { result, screen, summary, files, reportError } = await runInterruptible(
    {
      label: 'simulate',
      get lost() {
        return LOST[phase];
      },
      onStopping: () => view.stopping(),
      onQuit: () => view.stop(),
    },
    (signal) =>
      simulateScenario({
        model,
        scenario,
        workers,
        outDir,
        outDirField: OUT_OPTION,
        signal,
        onPhase: (next) => {
          phase = next;
          if (next === 'main') return;
          view.stop();
          if (next === 'sensitivity') view = createProgressView(quiet, 'sensitivity');
          else if (!quiet) process.stderr.write('simulate: writing the report...\n');
        },
        onProgress: (p) => view.update(p),
        ...(shard === undefined ? {} : { shard }),
        ...(queue === undefined ? {} : { queue }),
        ...(threads === undefined ? {} : { threads }),
      }),
    () => view.stop(),
  );
  if (shard !== undefined) {
    printShard({ result, scenario: scenario.name, outDir, quiet, json: wantsJson(opts) });
    return;
  }
  if (reportError !== undefined)
    process.stderr.write(`simulate: the report could not be written: ${reportError.message}\n`);
  const reportFailed = reportError !== undefined;

  const { runs, completed, errored, wallTimeMs } = result.manifest;
  const screenStopped = screen?.aborted === true;
  const near = nearPath;
  const shown = near(outDir);
  const html = files.find((f) => f.endsWith('report.html'));
  process.exitCode = result.aborted || screenStopped ? 130 : completed === 0 || reportFailed ? 1 : 0;
  if (wantsJson(opts)) {
    printJson('simulate', {
      scenario: scenario.name,
      outDir,
      runs,
      completed,
      errored,
      stopped: result.aborted,
      workers: result.manifest.workers,
      wallTimeMs,
      headline: [...result.summary.headline],
      report: html ?? null,
      files: [...files],
      sensitivity:
        screen === null
          ? null
          : {
              variations: screen.variations,
              runs: screen.runs,
              completed: screen.completed,
              errored: screen.errored,
              stopped: screenStopped,
            },
      shard: null,
    });
    return;
  }
  if (!quiet) {
    const { workers: used, queue: through } = result.manifest;
    const where =
      through === undefined ? `on ${used} worker${used === 1 ? '' : 's'}` : `through ${through.url}`;
    const status = result.aborted
      ? yellow(`stopped: partial results, ${completed + errored} of ${runs} runs`)
      : green(`${runs} runs`);
    process.stdout.write(
      `${scenario.name}: ${status} (${completed} completed, ${errored} errored) in ${seconds(wallTimeMs)} ${where}\n`,
    );
    for (const line of result.summary.headline) process.stdout.write(`  ${line}\n`);
    for (const line of holderClassLines(result.summary)) process.stdout.write(`  ${line}\n`);
    if (errored > 0)
      process.stdout.write(
        `${dim('  errored runs are listed in summary.json and runs.csv, with where they were thrown in errors.txt')}\n`,
      );
    if (screen !== null) {
      const total = screen.completed + screen.errored;
      const status = screenStopped
        ? yellow(`stopped: ${total} of ${screen.runs * screen.variations} runs, no screen written`)
        : green(`${screen.variations} variations x ${screen.runs} paired runs`);
      process.stdout.write(
        `sensitivity: ${status} (${screen.errored} errored) in ${seconds(screen.wallTimeMs)}\n`,
      );
    }
    if (summary.sensitivity !== undefined)
      for (const line of sensitivityLines(summary.sensitivity, CONSOLE_TOP))
        process.stdout.write(`  ${line}\n`);
  }
  process.stdout.write(`outputs in ${shown}/\n`);
  if (html !== undefined) process.stdout.write(`  report: ${near(html)}\n`);
  if (!quiet) {
    const names = files.filter((f) => !f.includes(join('charts', ''))).map((f) => relative(outDir, f));
    const charts = files.length - names.length;
    const listing = `  ${names.join(', ')}${charts > 0 ? `, charts/ (${charts} files)` : ''}`;
    process.stdout.write(`${dim(listing)}\n`);
  }
}
