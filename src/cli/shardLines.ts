/** What `simulate --shard k/n` prints: which runs the shard took, where they are, and how to merge. */
import type { ExperimentResult } from '../sim/runner/experimentOutputs.ts';
import {
  type ExperimentShard,
  type ShardManifest,
  shardBlock,
  shardText,
} from '../sim/runner/experimentShard.ts';
import { printJson } from './commandOutput.ts';
import { dim, green, nearPath, yellow } from './output.ts';
import { seconds } from './progressView.ts';

/** A shard's block as the console says it. */
const blockText = (shard: ShardManifest, runs: number) =>
  shard.runs === 0 ? 'no runs' : `runs ${shard.firstRun}–${shard.firstRun + shard.runs - 1} of ${runs}`;

/** The hint printed under a shard's outputs. */
const mergeHint = (count: number) =>
  `  once all ${count} shards are done: tensormarket merge <their folders> --out <dir>`;

/**
 * Print a shard's outcome (text or the `simulate` JSON document) and set the exit code: 130 when
 * stopped (the shard cannot be merged then), else 0.
 */
export function printShard({
  result,
  scenario,
  outDir,
  quiet,
  json,
}: {
  result: ExperimentResult;
  scenario: string;
  outDir: string;
  quiet: boolean;
  json: boolean;
}): void {
  const { manifest } = result;
  const shard = manifest.shard;
  if (shard === undefined) return;
  process.exitCode = result.aborted ? 130 : 0;
  if (json) {
    printJson('simulate', {
      scenario,
      outDir,
      runs: manifest.runs,
      completed: manifest.completed,
      errored: manifest.errored,
      stopped: result.aborted,
      workers: manifest.workers,
      wallTimeMs: manifest.wallTimeMs,
      headline: [],
      report: null,
      files: [...result.files],
      sensitivity: null,
      shard,
    });
    return;
  }
  const block = blockText(shard, manifest.runs);
  if (!quiet) {
    const status = result.aborted
      ? yellow(
          `stopped after ${manifest.completed + manifest.errored} of ${shard.runs} runs: run this shard again`,
        )
      : green(`shard ${shardText(shard)}, ${block}`);
    process.stdout.write(
      `${scenario}: ${status} (${manifest.completed} completed, ${manifest.errored} errored) in ${seconds(manifest.wallTimeMs)}\n`,
    );
  }
  process.stdout.write(`outputs in ${nearPath(outDir)}/\n`);
  if (!quiet) process.stdout.write(`${dim(mergeHint(shard.count))}\n`);
}

/**
 * Print the outcome of a shard of `compare` (text or the `compare` JSON document).
 */
export function printCompareShard({
  report,
  shard,
  wallTimeMs,
  quiet,
  json,
}: {
  report: { scenario: string; outDir: string; variants: string[]; runs: number };
  shard: ExperimentShard;
  wallTimeMs: number;
  quiet: boolean;
  json: boolean;
}): void {
  const block = { index: shard.index, count: shard.count, ...shardBlock(shard, report.runs) };
  if (json) {
    printJson('compare', {
      ...report,
      wallTimeMs,
      headline: [],
      comparison: null,
      stopped: false,
      shard: block,
    });
    return;
  }
  if (!quiet)
    process.stdout.write(
      `${report.scenario}: ${green(`shard ${shardText(shard)} of ${report.variants.length} variants`)}, ${blockText(block, report.runs)} each, in ${seconds(wallTimeMs)}\n`,
    );
  process.stdout.write(`outputs in ${nearPath(report.outDir)}/\n`);
  if (!quiet) process.stdout.write(`${dim(mergeHint(shard.count))}\n`);
}
