/**
 * `tensormarket simulate [SCENARIO]`: run thousands of seeded futures of a scenario on all cores and
 * write runs.csv, summary.json, manifest.json, scenario.json and the report. The first Ctrl-C stops
 * starting runs, waits for those in flight and writes partial results; a second one quits at once.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../engine/errors.ts';
import { writeReport } from '../sim/report/index.ts';
import { PROJECT_ROOT } from '../sim/runner/manifest.ts';
import { runExperiment } from '../sim/runner/runExperiment.ts';
import { holderClassLines } from './holderClassLines.ts';
import { runInterruptible } from './interruptController.ts';
import { dim, green, nearPath, yellow } from './output.ts';
import { createProgressView, seconds } from './progressView.ts';
import { addRunOptions, OUT_OPTION, type RunOptions, resolveRunOptions } from './runOptions.ts';

/** The scenario run when none is given. */
export const DEFAULT_SCENARIO = join(PROJECT_ROOT, 'scenarios', 'default.yaml');

/** Register the `simulate` command. */
export function registerSimulate(program: Command): void {
  const command = program
    .command('simulate')
    .description('run a Monte Carlo experiment: seeded futures of a scenario, summarised and reported')
    .argument('[scenario]', 'scenario file, YAML or JSON (default: the shipped scenarios/default.yaml)');
  addRunOptions(command, 'simulate').action(async (file: string | undefined, opts: RunOptions) => {
    if (file === undefined && !existsSync(DEFAULT_SCENARIO))
      throw new InputError(
        'SCENARIO',
        `no scenario given and ${DEFAULT_SCENARIO} is missing; pass a scenario file`,
      );
    const { scenario, model, workers, outDir, quiet } = await resolveRunOptions(
      file ?? DEFAULT_SCENARIO,
      opts,
    );

    const view = createProgressView(quiet);
    const result = await runInterruptible(
      {
        label: 'simulate',
        lost: 'no summary or report is written',
        onStopping: () => view.stopping(),
        onQuit: () => view.stop(),
      },
      (signal) =>
        runExperiment({
          model,
          scenario,
          workers,
          outDir,
          outDirField: OUT_OPTION,
          signal,
          onProgress: view.update,
        }),
      () => view.stop(),
    );

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
      for (const line of holderClassLines(result.summary)) process.stdout.write(`  ${line}\n`);
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
