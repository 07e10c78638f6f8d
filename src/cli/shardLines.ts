/** What `simulate --shard k/n` prints: which runs the shard took, where they are, and how to merge. */
import type { ExperimentResult } from '../sim/runner/experimentOutputs.ts';
import { shardText } from '../sim/runner/experimentShard.ts';
import { printJson } from './commandOutput.ts';
import { dim, green, nearPath, yellow } from './output.ts';
import { seconds } from './progressView.ts';

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
  const last = shard.firstRun + shard.runs - 1;
  const block = shard.runs === 0 ? 'no runs' : `runs ${shard.firstRun}–${last} of ${manifest.runs}`;
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
  if (!quiet)
    process.stdout.write(
      `${dim(`  records of these runs; once all ${shard.count} shards are done: tensormarket merge <their folders> --out <dir>`)}\n`,
    );
}
