/**
 * `tensormarket sweep SCENARIO`: run every point of the scenario's `sweep:` design (grid, zipped lists,
 * Latin hypercube or Sobol' points) as a variation of the scenario on the same seeds, and write
 * sweep.csv, sweep.json, manifest.json, scenario.json and report.html, plus sobol.csv with the Sobol'
 * indices for a sobol design. The first Ctrl-C stops starting runs and waits for those in flight (no
 * sweep is written, the manifest says partial); a second one quits at once. With `--shard k/n` it runs
 * only its block of the points and writes them (sweep-shard.json) for `merge`.
 */
import { relative } from 'node:path';
import type { Command } from 'commander';
import { createQueueBackend } from '../sim/queue/queueBackend.ts';
import { finiteOrNull } from '../sim/report/finiteOrNull.ts';
import { shardText } from '../sim/runner/experimentShard.ts';
import { prepareOutputDir } from '../sim/runner/prepareOutputDir.ts';
import { prepareSweep, runSweep } from '../sim/sweep/runSweep.ts';
import { formatIndex } from '../sim/sweep/sweepReportHtml.ts';
import { writeSweep } from '../sim/sweep/writeSweep.ts';
import { printJson, wantsJson } from './commandOutput.ts';
import { runInterruptible } from './interruptController.ts';
import { dim, green, nearPath, yellow } from './output.ts';
import { createProgressView, seconds } from './progressView.ts';
import { addRunOptions, OUT_OPTION, type RunOptions, resolveRunOptions } from './runOptions.ts';

/** Register the `sweep` command. */
export function registerSweep(program: Command): void {
  const command = program
    .command('sweep')
    .description(
      "run a parameter sweep (grid, zip, Latin hypercube or Sobol' points) on the same seeds; Sobol' indices for a sobol design",
    )
    .argument('<scenario>', 'scenario file with a `sweep:` section, YAML or JSON');
  addRunOptions(command, 'sweep').action(async (file: string, opts: RunOptions) => {
    const { scenario, model, workers, outDir, quiet, queue, shard } = await resolveRunOptions(file, opts);
    // --runs wins over the sweep's own runs, which win over the scenario's.
    const runs = opts.runs !== undefined ? scenario.runs : (scenario.sweep?.runs ?? scenario.runs);
    // A bad sweep or an unusable folder is refused before any run.
    const plan = await prepareSweep({ model, scenario });
    prepareOutputDir({ dir: outDir, field: OUT_OPTION });
    const startedAt = new Date().toISOString();
    const view = createProgressView(
      quiet,
      shard === undefined
        ? `sweep ${plan.points.length} points`
        : `sweep shard ${shardText(shard)} of ${plan.points.length} points`,
    );
    const result = await runInterruptible(
      {
        label: 'sweep',
        lost: 'no sweep is written',
        onStopping: () => view.stopping(),
        onQuit: () => view.stop(),
      },
      async (signal) => {
        // Through a queue every point's runs go to its workers, as simulate's do.
        const backend = queue === undefined ? undefined : await createQueueBackend({ target: queue, model });
        try {
          return await runSweep({
            model,
            scenario,
            runs,
            workers,
            ...(backend === undefined ? {} : { backend }),
            ...(shard === undefined ? {} : { shard }),
            signal,
            onProgress: view.update,
          });
        } finally {
          await backend?.close();
        }
      },
      () => view.stop(),
    );
    const { files } = await writeSweep({
      outDir,
      outDirField: OUT_OPTION,
      model,
      scenario,
      result,
      startedAt,
    });
    const { summary } = result;
    const report = files.find((f) => f.endsWith('report.html')) ?? null;
    process.exitCode = result.aborted ? 130 : result.completed === 0 ? 1 : 0;
    if (wantsJson(opts)) {
      const estimate = (e: { value: number; low: number; high: number }) => ({
        value: finiteOrNull(e.value),
        low: finiteOrNull(e.low),
        high: finiteOrNull(e.high),
      });
      printJson('sweep', {
        scenario: scenario.name,
        outDir,
        method: plan.settings.method,
        points: plan.points.length,
        runsPerPoint: runs,
        completed: result.completed,
        errored: result.errored,
        stopped: result.aborted,
        workers: result.workers,
        wallTimeMs: result.wallTimeMs,
        sobol:
          summary?.sobol?.outcomes.flatMap((o) =>
            o.parameters.map((p) => ({
              outcome: o.outcome.key,
              parameter: p.parameter,
              firstOrder: estimate(p.firstOrder),
              total: estimate(p.totalEffect),
            })),
          ) ?? null,
        report,
        files,
      });
      return;
    }
    if (!quiet) {
      const total = (result.shard?.points ?? plan.points.length) * runs;
      const status = result.aborted
        ? yellow(`stopped: ${result.completed + result.errored} of ${total} runs, no sweep written`)
        : green(
            result.shard === undefined
              ? `${plan.points.length} points x ${runs} paired runs`
              : `shard ${shardText(result.shard)}: points ${result.shard.firstPoint}–${result.shard.firstPoint + result.shard.points - 1} of ${plan.points.length} x ${runs} paired runs; merge every shard with \`tensormarket merge\``,
          );
      process.stdout.write(
        `${scenario.name}: ${plan.settings.method} sweep, ${status} (${result.errored} errored) in ${seconds(result.wallTimeMs)} on ${result.workers} worker${result.workers === 1 ? '' : 's'}\n`,
      );
      for (const o of summary?.sobol?.outcomes ?? []) {
        process.stdout.write(
          `  Sobol' indices of ${o.outcome.label} (first order; total, ${Math.round((summary?.sobol?.level ?? 0) * 100)}% intervals):\n`,
        );
        for (const p of o.parameters)
          process.stdout.write(
            `    ${p.parameter.padEnd(36)} ${formatIndex(p.firstOrder).padEnd(24)} ${formatIndex(p.totalEffect)}\n`,
          );
      }
    }
    process.stdout.write(`outputs in ${nearPath(outDir)}/\n`);
    if (report !== null) process.stdout.write(`  report: ${nearPath(report)}\n`);
    if (!quiet) process.stdout.write(`${dim(`  ${files.map((f) => relative(outDir, f)).join(', ')}`)}\n`);
  });
}
