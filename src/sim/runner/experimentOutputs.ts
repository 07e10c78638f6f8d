/**
 * What every experiment writes once its runs are known, in one place for the runner and for `merge`:
 * scenario.json at the start, then each run, in run-index order, into the collectors and runs.csv (or,
 * for a shard, into its records file), then summary.json with the model's headline and manifest.json.
 * Fed the same records in the same order, it writes the same bytes whoever runs the runs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLOCKS_PER_DAY } from '../../engine/chainConstants.ts';
import { TensormarketError } from '../../engine/errors.ts';
import { createExperimentCollector } from '../collect/experimentCollector.ts';
import type { RunRecord } from '../collect/runRecord.ts';
import { createRunsCsvWriter } from '../collect/runsCsvWriter.ts';
import type { Summary } from '../collect/summary.ts';
import { type CheckedShape, checkModelShape } from '../contract/checkModelShape.ts';
import type { Model, ModelDescription, ModelShape } from '../contract/types.ts';
import { scenarioHash } from '../scenario/scenarioHash.ts';
import { type Scenario, STEP_BLOCKS, toScenarioFile } from '../scenario/scenarioSchema.ts';
import { writeStartingState } from '../start/writeStartingState.ts';
import type { ShardManifest } from './experimentShard.ts';
import { jsonText } from './jsonText.ts';
import { type Manifest, type MergedShard, packageInfo } from './manifest.ts';
import { type ModelRef, modelRefText } from './modelRef.ts';
import { guardOutputWrite } from './outputDirError.ts';
import { errorMessage } from './runChunk.ts';
import { createShardRecordsWriter, SHARD_RECORDS_FILE, SHARD_START_FILE } from './shardRecords.ts';

/** What an experiment produced. */
export interface ExperimentResult {
  /** For a shard, the figures of its own runs only (not written: only the merge's summary is the experiment's). */
  readonly summary: Summary;
  readonly manifest: Manifest;
  /** Paths of the files written. */
  readonly files: readonly string[];
  /** True when stopped by the signal before every run finished. */
  readonly aborted: boolean;
  /** Bytes held by the collectors at the end (structural measure; flat in the number of runs). */
  readonly collectorBytes: number;
}

/** Inputs of {@link openExperimentOutputs}. */
export interface ExperimentOutputsOptions {
  readonly model: Model<unknown>;
  /** Where the model was imported from (absolute), for the manifest. */
  readonly ref: ModelRef;
  /** The resolved scenario with the experiment's runs and seed. */
  readonly scenario: Scenario;
  /** The output folder, checked writable, and how errors name it. */
  readonly where: { readonly dir: string; readonly field: string };
  /** Set when the runs are one shard's block: its records are written for `merge`, no summary. */
  readonly shard?: ShardManifest | undefined;
}

/** How the runs ended, for the manifest. */
export interface ExperimentEnd {
  /** Runs collected, of the experiment's (or the shard's) runs. */
  readonly aborted: boolean;
  /** Threads on this machine; 0 when the runs went through a queue. */
  readonly workers: number;
  /** The queue the runs went through (URL without its password). */
  readonly queue?: { readonly url: string };
  readonly wallTimeMs: number;
  readonly startedAt: string;
  /** The shards a merged experiment was assembled from. */
  readonly mergedFrom?: readonly MergedShard[];
}

/** An experiment's outputs being written. */
export interface ExperimentOutputs {
  readonly shape: CheckedShape;
  /** Add the next runs, in run-index order. */
  add(records: readonly RunRecord[]): void;
  counts(): { completed: number; errored: number };
  /** Flush and close the streamed file (runs.csv or the records); safe to call twice. */
  close(): void;
  /** Close, write summary.json (not for a shard) and manifest.json, and say what was written. */
  finish(end: ExperimentEnd): ExperimentResult;
}

/** The file listing errored runs with their stack traces. */
export const ERRORS_FILE = 'errors.txt';
/** Errored runs listed in it at most (the count of all is in summary.json). */
const MAX_ERRORS_FILED = 100;

/** Each errored run: its index and message, then where it was thrown, indented. */
function errorsText(thrown: readonly Extract<RunRecord, { ok: false }>[], errored: number): string {
  const entries = thrown.map((r) => {
    const where = (r.stack ?? '(no stack trace: the run threw something that is not an Error)')
      .split('\n')
      .map((line) => `    ${line.trim()}`)
      .join('\n');
    return `run ${r.runIndex}: ${r.message}\n${where}\n`;
  });
  const more =
    errored > thrown.length
      ? `… and ${errored - thrown.length} more errored runs (runs.csv lists all)\n`
      : '';
  return `${entries.join('\n')}${more}`;
}

/**
 * Check the model's shape for the scenario, write scenario.json and open the streamed file.
 * @example const out = openExperimentOutputs({ model, ref, scenario, where: { dir, field: '--out' } })
 */
export function openExperimentOutputs(options: ExperimentOutputsOptions): ExperimentOutputs {
  const { model, ref, scenario, where, shard } = options;
  const write = <T>(fn: () => T): T => guardOutputWrite(where, fn);
  let declared: ModelShape;
  let description: ModelDescription;
  try {
    declared = model.shape(scenario);
    description = model.describe(scenario);
  } catch (cause) {
    throw new TensormarketError(
      'MODEL_FAILED',
      `the model's shape or description failed: ${errorMessage(cause)}`,
      { cause },
    );
  }
  // Before anything is written: a shape that names a missing outcome is the model's bug, said at once.
  const shape: CheckedShape = checkModelShape({ shape: declared, model: model.name });

  const streamed = shard === undefined ? 'runs.csv' : SHARD_RECORDS_FILE;
  // A shard keeps the starting state it ran from beside its records, so a merge needs no scenario file.
  const keepsStart = shard !== undefined && scenario.startingState !== undefined;
  const names = [
    streamed,
    ...(shard === undefined ? ['summary.json'] : []),
    'manifest.json',
    'scenario.json',
    ...(keepsStart ? [SHARD_START_FILE] : []),
  ];
  const path = (name: string) => join(where.dir, name);
  const file = toScenarioFile(scenario);
  write(() => writeFileSync(path('scenario.json'), jsonText(file)));
  if (keepsStart && scenario.startingState !== undefined)
    writeStartingState(path(SHARD_START_FILE), scenario.startingState, where.field);
  const stream = write(() =>
    shard === undefined
      ? createRunsCsvWriter({ path: path(streamed), shape })
      : createShardRecordsWriter(path(streamed)),
  );
  const collector = createExperimentCollector({
    shape,
    scenario,
    requested: shard?.runs ?? scenario.runs,
    horizonDays: scenario.horizonDays,
    daysPerStep: STEP_BLOCKS[scenario.step] / BLOCKS_PER_DAY,
  });
  const close = () => write(() => stream.close());
  // Errored runs with where they were thrown: for the person fixing the model, not for the figures.
  const thrown: Extract<RunRecord, { ok: false }>[] = [];

  return {
    shape,
    add(records) {
      write(() => {
        // A shard keeps the records as the model returned them: the merge's collector decides, as the
        // whole run's does, which ones do not fit the shape of the experiment's first run.
        for (const record of records) {
          if (!record.ok && thrown.length < MAX_ERRORS_FILED) thrown.push(record);
          const counted = collector.add(record);
          stream.write(shard === undefined ? counted : record);
        }
      });
    },
    counts: () => collector.counts(),
    close,
    finish(end) {
      close();
      const partial = collector.summary();
      let headline: string[];
      try {
        headline = model.headline(partial, scenario);
      } catch (error) {
        headline = [`(the model could not write its headline: ${errorMessage(error)})`];
      }
      const summary: Summary = { ...partial, headline };
      if (shard === undefined && thrown.length > 0) {
        write(() => writeFileSync(path(ERRORS_FILE), errorsText(thrown, summary.runs.errored)));
        names.push(ERRORS_FILE);
      }
      const pkg = packageInfo();
      const manifest: Manifest = {
        package: pkg.name,
        version: pkg.version,
        model: model.name,
        modelExport: modelRefText(ref),
        rulePack: description.rulePack,
        scenario: scenario.name,
        scenarioHash: scenarioHash(file),
        seed: scenario.seed,
        runs: scenario.runs,
        completed: summary.runs.completed,
        errored: summary.runs.errored,
        status: end.aborted ? 'partial' : 'complete',
        workers: end.workers,
        ...(end.queue === undefined ? {} : { queue: end.queue }),
        wallTimeMs: end.wallTimeMs,
        node: process.version,
        startedAt: end.startedAt,
        files: names,
        ...(shard === undefined ? {} : { shard }),
        ...(end.mergedFrom === undefined ? {} : { mergedFrom: end.mergedFrom }),
      };
      write(() => {
        if (shard === undefined) writeFileSync(path('summary.json'), jsonText(summary));
        writeFileSync(path('manifest.json'), jsonText(manifest));
      });
      return {
        summary,
        manifest,
        files: names.map(path),
        aborted: end.aborted,
        collectorBytes: collector.sizeBytes(),
      };
    },
  };
}
