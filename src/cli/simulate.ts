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
import { createQueueBackend } from '../sim/queue/queueBackend.ts';
import { writeReport } from '../sim/report/index.ts';
import { sensitivityLines } from '../sim/report/sensitivityLines.ts';
import { createBackend } from '../sim/runner/createBackend.ts';
import { PROJECT_ROOT } from '../sim/runner/manifest.ts';
import { runExperiment } from '../sim/runner/runExperiment.ts';
import { prepareSensitivityScreen, runSensitivityScreen } from '../sim/sensitivity/runSensitivityScreen.ts';
import type { SummaryWithSensitivity } from '../sim/sensitivity/sensitivityScreen.ts';
import { writeSensitivity } from '../sim/sensitivity/writeSensitivity.ts';
import { printJson, wantsJson } from './commandOutput.ts';
import { holderClassLines } from './holderClassLines.ts';
import { runInterruptible } from './interruptController.ts';
import { dim, green, nearPath, yellow } from './output.ts';
import { createProgressView, seconds } from './progressView.ts';
import { addRunOptions, OUT_OPTION, type RunOptions, resolveRunOptions } from './runOptions.ts';

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
    const { scenario, model, workers, queue, outDir, quiet } = await resolveRunOptions(
      file ?? DEFAULT_SCENARIO,
      opts,
    );

    const sensitivity = scenario.sensitivity;
    // A screen the model cannot run is refused before the main runs, not after them.
    if (sensitivity !== undefined) await prepareSensitivityScreen({ model, scenario });

    let view = createProgressView(quiet);
    let phase: 'main' | 'sensitivity' = 'main';
    const { result, screen } = await runInterruptible(
      {
        label: 'simulate',
        get lost() {
          return phase === 'main'
            ? 'no summary or report is written'
            : 'no sensitivity screen or report is written';
        },
        onStopping: () => view.stopping(),
        onQuit: () => view.stop(),
      },
      async (signal) => {
        // With a screen, its runs go to the main runs' threads, already started and warm.
        const backend =
          queue !== undefined
            ? await createQueueBackend({ target: queue, model })
            : sensitivity === undefined
              ? undefined
              : await createBackend({ model, workers });
        try {
          const result = await runExperiment({
            model,
            scenario,
            workers,
            ...(backend === undefined ? {} : { backend }),
            outDir,
            outDirField: OUT_OPTION,
            signal,
            onProgress: view.update,
          });
          if (sensitivity === undefined || result.aborted || result.summary.runs.completed === 0)
            return { result, screen: null };
          view.stop();
          phase = 'sensitivity';
          view = createProgressView(quiet, 'sensitivity');
          const screen = await runSensitivityScreen({
            model,
            scenario,
            runs: sensitivity.runs,
            top: sensitivity.top,
            backend,
            signal,
            onProgress: view.update,
          });
          return { result, screen };
        } finally {
          await backend?.close();
        }
      },
      () => view.stop(),
    );

    let summary: SummaryWithSensitivity = result.summary;
    let manifest = result.manifest;
    const files = [...result.files];
    if (screen !== null) {
      const written = writeSensitivity({
        outDir,
        outDirField: OUT_OPTION,
        summary,
        manifest,
        result: screen,
      });
      ({ summary, manifest } = written);
      files.push(...written.files);
    }
    let reportFailed = false;
    if (!quiet) process.stderr.write('simulate: writing the report...\n');
    try {
      files.push(...(await writeReport({ summary, manifest, outDir })));
    } catch (error) {
      reportFailed = true;
      process.stderr.write(`simulate: the report could not be written: ${(error as Error).message}\n`);
    }

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
        files,
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
        process.stdout.write(`${dim('  errored runs are listed in summary.json and runs.csv')}\n`);
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
  });
}
