/**
 * `tensormarket compare SCENARIO`: run every variant the scenario lists on the same seeds and write
 * their outputs (a folder per variant) plus compare.json and compare.html side by side. The first Ctrl-C
 * stops starting runs: the variant in progress keeps its partial results and no comparison is written;
 * a second one quits at once.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { runComparison } from '../sim/compare/runComparison.ts';
import { createQueueBackend } from '../sim/queue/queueBackend.ts';
import { printJson, wantsJson } from './commandOutput.ts';
import { runInterruptible } from './interruptController.ts';
import { dim, green, nearPath, yellow } from './output.ts';
import { createProgressView } from './progressView.ts';
import { addRunOptions, OUT_OPTION, type RunOptions, resolveRunOptions } from './runOptions.ts';
import { printCompareShard } from './shardLines.ts';

/** Register the `compare` command. */
export function registerCompare(program: Command): void {
  const command = program
    .command('compare')
    .description("run a scenario's variants (rule packs, mechanisms) on the same seeds and compare them")
    .argument('<scenario>', 'scenario file with a `variants:` list, YAML or JSON');
  addRunOptions(command, 'compare').action(async (file: string, opts: RunOptions) => {
    const { scenario, model, workers, outDir, quiet, shard, queue } = await resolveRunOptions(file, opts);
    const variants = scenario.variants ?? [];
    let view = createProgressView(true);
    let current = -1;
    const result = await runInterruptible(
      {
        label: 'compare',
        lost: 'no comparison is written',
        onStopping: () => view.stopping(),
        onQuit: () => view.stop(),
      },
      async (signal) => {
        const backend = queue === undefined ? undefined : await createQueueBackend({ target: queue, model });
        try {
          return await runComparison({
            model,
            scenario,
            workers,
            ...(backend === undefined ? {} : { backend }),
            outDir,
            outDirField: OUT_OPTION,
            signal,
            ...(shard === undefined ? {} : { shard }),
            onProgress: (k, p) => {
              if (k !== current) {
                view.stop();
                current = k;
                view = createProgressView(
                  quiet,
                  `compare ${variants[k]?.name ?? k} (${k + 1}/${variants.length})`,
                );
              }
              view.update(p);
            },
          });
        } finally {
          await backend?.close();
        }
      },
      () => view.stop(),
    );
    const near = nearPath;
    const report = {
      scenario: scenario.name,
      outDir,
      variants: variants.map((v) => v.name),
      runs: scenario.runs,
    };
    if (shard !== undefined && !result.aborted) {
      printCompareShard({ report, shard, wallTimeMs: result.wallTimeMs, quiet, json: wantsJson(opts) });
      return;
    }
    if (result.comparison === null) {
      process.exitCode = 130;
      if (wantsJson(opts)) {
        printJson('compare', {
          ...report,
          wallTimeMs: null,
          headline: [],
          comparison: null,
          stopped: true,
          shard: null,
        });
        return;
      }
      process.stdout.write(
        `${yellow('stopped')}: partial results of the variants run so far are in ${near(outDir)}/; no comparison written\n`,
      );
      return;
    }
    if (wantsJson(opts)) {
      printJson('compare', {
        ...report,
        wallTimeMs: result.wallTimeMs,
        headline: [...result.comparison.headline],
        comparison: join(outDir, 'compare.html'),
        stopped: false,
        shard: null,
      });
      return;
    }
    if (!quiet) {
      process.stdout.write(
        `${scenario.name}: ${green(`${variants.length} variants`)} x ${scenario.runs} runs on the same seeds in ${(result.wallTimeMs / 1000).toFixed(1)} s\n`,
      );
      for (const line of result.comparison.headline) process.stdout.write(`  ${line}\n`);
    }
    process.stdout.write(
      `outputs in ${near(outDir)}/\n  comparison: ${near(join(outDir, 'compare.html'))}\n`,
    );
    if (!quiet)
      process.stdout.write(
        `${dim(`  compare.json, and one folder per variant: ${variants.map((v) => v.name).join(', ')}`)}\n`,
      );
  });
}
