/**
 * `tensormarket compare SCENARIO`: run every variant the scenario lists on the same seeds and write
 * their outputs (a folder per variant) plus compare.json and compare.html side by side. Ctrl-C stops
 * starting runs; the variant in progress keeps its partial results and no comparison is written.
 */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { runComparison } from '../sim/compare/runComparison.ts';
import { parseModelRef } from '../sim/runner/modelRef.ts';
import { loadScenario } from '../sim/scenario/loadScenario.ts';
import { overrideScenario } from '../sim/scenario/overrideScenario.ts';
import { dim, green, nearPath, yellow } from './output.ts';
import { resolveModelSchema } from './scenario.ts';
import { createProgressView, DEFAULT_MODEL, parseWorkers } from './simulate.ts';

/** Options of the command, as commander parses them. */
interface CompareOptions {
  runs?: string;
  horizon?: string;
  seed?: string;
  workers: string;
  out?: string;
  quiet?: boolean;
  model?: string;
}

/** Register the `compare` command. */
export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description("run a scenario's variants (rule packs, mechanisms) on the same seeds and compare them")
    .argument('<scenario>', 'scenario file with a `variants:` list, YAML or JSON')
    .option('--runs <n>', "runs per variant (default: the scenario's)")
    .option('--horizon <duration>', "simulated time, e.g. 2y, 180d (default: the scenario's)")
    .option('--seed <n>', "master seed shared by every variant (default: the scenario's)")
    .option('--workers <n>', 'worker threads, or auto for all cores; 1 runs in the main thread', 'auto')
    .option('--out <dir>', 'output folder (default: out/<scenario name>)')
    .option('--quiet', 'no progress; print only where the outputs are')
    .option('--model <module#export>', 'run another model (module path and export name)')
    .action(async (file: string, opts: CompareOptions) => {
      const workers = parseWorkers(opts.workers);
      const modelSchema = await resolveModelSchema(opts);
      const scenario = overrideScenario(loadScenario({ file, modelSchema }), {
        runs: opts.runs,
        horizon: opts.horizon,
        seed: opts.seed,
      });
      const model = opts.model === undefined ? DEFAULT_MODEL : parseModelRef(opts.model);
      const outDir = resolve(opts.out ?? join('out', scenario.name));
      const quiet = opts.quiet === true;
      const variants = scenario.variants ?? [];
      const controller = new AbortController();
      let view = createProgressView(true);
      let current = -1;
      const onInterrupt = () => {
        controller.abort();
        view.stopping();
      };
      process.on('SIGINT', onInterrupt);
      let result: Awaited<ReturnType<typeof runComparison>>;
      try {
        result = await runComparison({
          model,
          scenario,
          workers,
          outDir,
          signal: controller.signal,
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
        view.stop();
        process.off('SIGINT', onInterrupt);
      }
      const near = nearPath;
      if (result.comparison === null) {
        process.stdout.write(
          `${yellow('stopped')}: partial results of the variants run so far are in ${near(outDir)}/; no comparison written\n`,
        );
        process.exitCode = 130;
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
