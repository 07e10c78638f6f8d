/**
 * `tensormarket merge DIR... --out DIR`: combine the shards of an experiment (the folders of
 * `simulate --shard k/n` runs, in any order) into the outputs one machine's run writes: runs.csv and
 * summary.json byte for byte, manifest.json, scenario.json and the report. Shards of `compare` merge
 * into a folder per variant and compare.json, compare.html, as `compare` writes them; shards of `sweep`
 * into sweep.csv, sobol.csv, sweep.json (byte for byte), manifest.json, scenario.json and report.html.
 */
import { dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { isCompareShard } from '../sim/compare/compareShard.ts';
import { mergeComparison } from '../sim/compare/mergeComparison.ts';
import { writeReport } from '../sim/report/index.ts';
import { mergeShards } from '../sim/runner/mergeShards.ts';
import { isSweepShard, mergeSweepShards } from '../sim/sweep/mergeSweepShards.ts';
import { addJsonOptions, type JsonOptions, printJson, wantsJson } from './commandOutput.ts';
import { dim, green, nearPath } from './output.ts';
import { seconds } from './progressView.ts';
import { OUT_OPTION } from './runOptions.ts';

/** The option naming the scenario file, needed when the shards' scenario starts from a snapshot. */
const SCENARIO_OPTION = '--scenario';

interface MergeCliOptions extends JsonOptions {
  out: string;
  scenario?: string;
  quiet?: boolean;
}

/** Register the `merge` command. */
export function registerMerge(program: Command): void {
  const command = program
    .command('merge')
    .description(
      'combine the shards of an experiment (`simulate`, `compare` or `sweep --shard k/n` folders, any order) into the outputs of one whole run',
    )
    .argument('<dir...>', 'the shard folders, every k of n once')
    .requiredOption(`${OUT_OPTION} <dir>`, 'output folder for the merged experiment (none of the shards)')
    .option(
      `${SCENARIO_OPTION} <file>`,
      'the scenario file the shards ran, to read a snapshot start (start:) from instead of the start.json each shard keeps',
    )
    .option('--quiet', 'print only where the outputs are');
  addJsonOptions(command).action(async (dirs: string[], opts: MergeCliOptions) => {
    const outDir = resolve(opts.out);
    if (dirs[0] !== undefined && isCompareShard(dirs[0])) {
      await mergeCompareShards(dirs, outDir, opts);
      return;
    }
    if (dirs[0] !== undefined && isSweepShard(dirs[0])) {
      await mergeSweep(dirs, outDir, opts);
      return;
    }
    const result = await mergeShards({
      dirs,
      outDir,
      outDirField: OUT_OPTION,
      scenarioFile: opts.scenario,
      scenarioField: SCENARIO_OPTION,
    });
    const quiet = opts.quiet === true;
    const files = [...result.files];
    let reportFailed = false;
    if (!quiet && !wantsJson(opts)) process.stderr.write('merge: writing the report...\n');
    try {
      files.push(...(await writeReport({ summary: result.summary, manifest: result.manifest, outDir })));
    } catch (error) {
      reportFailed = true;
      process.stderr.write(`merge: the report could not be written: ${(error as Error).message}\n`);
    }
    const { runs, completed, errored, mergedFrom = [] } = result.manifest;
    process.exitCode = completed === 0 || reportFailed ? 1 : 0;
    const html = files.find((f) => f.endsWith('report.html'));
    if (wantsJson(opts)) {
      printJson('merge', {
        scenario: result.scenario.name,
        outDir,
        runs,
        completed,
        errored,
        variants: null,
        shards: [...mergedFrom],
        headline: [...result.summary.headline],
        report: html ?? null,
        files,
      });
      return;
    }
    if (!quiet) {
      process.stdout.write(
        `${result.scenario.name}: ${green(`${mergedFrom.length} shards merged`)}, ${runs} runs (${completed} completed, ${errored} errored) in ${seconds(result.manifest.wallTimeMs)}\n`,
      );
      for (const line of result.summary.headline) process.stdout.write(`  ${line}\n`);
    }
    process.stdout.write(`outputs in ${nearPath(outDir)}/\n`);
    if (html !== undefined) process.stdout.write(`  report: ${nearPath(html)}\n`);
    if (!quiet) {
      const names = result.files.map((f) => relative(outDir, f));
      process.stdout.write(`${dim(`  ${names.join(', ')}, report.html, charts/`)}\n`);
    }
  });
}

/** `merge` of compare shards: each variant merged and reported, then compared. */
async function mergeCompareShards(dirs: string[], outDir: string, opts: MergeCliOptions): Promise<void> {
  const started = Date.now();
  const merged = await mergeComparison({
    dirs,
    outDir,
    outDirField: OUT_OPTION,
    scenarioFile: opts.scenario,
    scenarioField: SCENARIO_OPTION,
  });
  const { comparison, marker, variants } = merged;
  const html = join(outDir, 'compare.html');
  const names = marker.variants.map((v) => v.name);
  // The shards' top folders, in run order: each variant's merge names the variant's folder inside one.
  const shards = (variants[0]?.manifest.mergedFrom ?? []).map((m) => ({
    dir: dirname(m.dir),
    shard: m.shard,
  }));
  const runs = variants[0]?.manifest.runs ?? 0;
  const completed = variants.reduce((n, v) => n + v.manifest.completed, 0);
  const errored = variants.reduce((n, v) => n + v.manifest.errored, 0);
  process.exitCode = completed === 0 ? 1 : 0;
  if (wantsJson(opts)) {
    printJson('merge', {
      scenario: marker.scenario.name,
      outDir,
      runs,
      completed,
      errored,
      variants: names,
      shards,
      headline: [...comparison.headline],
      report: html,
      files: [...merged.files],
    });
    return;
  }
  const quiet = opts.quiet === true;
  if (!quiet) {
    process.stdout.write(
      `${marker.scenario.name}: ${green(`${shards.length} shards merged`)}, ${names.length} variants x ${runs} runs in ${seconds(Date.now() - started)}\n`,
    );
    for (const line of comparison.headline) process.stdout.write(`  ${line}\n`);
  }
  process.stdout.write(`outputs in ${nearPath(outDir)}/\n  comparison: ${nearPath(html)}\n`);
  if (!quiet)
    process.stdout.write(`${dim(`  compare.json, and one folder per variant: ${names.join(', ')}`)}\n`);
}

/** `merge` of sweep shards: the points summarised and written as `sweep` writes them. */
async function mergeSweep(dirs: string[], outDir: string, opts: MergeCliOptions): Promise<void> {
  const { result, scenario, manifest, files } = await mergeSweepShards({
    dirs,
    outDir,
    outDirField: OUT_OPTION,
  });
  const mergedFrom = manifest.mergedFrom ?? [];
  const { runsPerPoint } = result;
  process.exitCode = result.completed === 0 ? 1 : 0;
  const report = files.find((f) => f.endsWith('report.html')) ?? null;
  if (wantsJson(opts)) {
    printJson('merge', {
      scenario: scenario.name,
      outDir,
      runs: manifest.runs,
      completed: result.completed,
      errored: result.errored,
      variants: null,
      // A block of points is the block of their runs, point after point.
      shards: mergedFrom.map((m) => ({
        dir: m.dir,
        shard: {
          index: m.shard.index,
          count: m.shard.count,
          firstRun: m.shard.firstPoint * runsPerPoint,
          runs: m.shard.points * runsPerPoint,
        },
      })),
      headline: [],
      report,
      files,
    });
    return;
  }
  if (opts.quiet !== true)
    process.stdout.write(
      `${scenario.name}: ${green(`${mergedFrom.length} sweep shards merged`)}, ${result.points.length} points x ${runsPerPoint} paired runs (${result.completed} completed, ${result.errored} errored)\n`,
    );
  process.stdout.write(`outputs in ${nearPath(outDir)}/\n`);
  if (report !== null) process.stdout.write(`  report: ${nearPath(report)}\n`);
  if (opts.quiet !== true)
    process.stdout.write(`${dim(`  ${files.map((f) => relative(outDir, f)).join(', ')}`)}\n`);
}
