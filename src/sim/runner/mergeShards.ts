/**
 * Assemble an experiment from its shards: their records, in run-index order (shard 1's file, then
 * shard 2's, …), go through the very outputs path a whole run uses, so runs.csv and summary.json are
 * the same bytes as one machine's run; the manifest differs only in wall time, workers, start time
 * and `mergedFrom`. Nothing is written into a shard's folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { InputError } from '../../engine/errors.ts';
import type { RunRecord } from '../collect/runRecord.ts';
import type { parseScenario } from '../scenario/parseScenario.ts';
import type { Scenario } from '../scenario/scenarioSchema.ts';
import { checkScenarioStart } from '../start/checkScenarioStart.ts';
import { readStartingState } from '../start/readStartingState.ts';
import type { StartingState } from '../start/startingState.ts';
import { type ExperimentResult, openExperimentOutputs } from './experimentOutputs.ts';
import { PROJECT_ROOT } from './manifest.ts';
import { loadModel, parseModelRef } from './modelRef.ts';
import { prepareOutputDir } from './prepareOutputDir.ts';
import { readShardScenario } from './readShardScenario.ts';
import { readShardSet, type ShardFolder } from './readShardSet.ts';
import { readShardRecords, SHARD_START_FILE } from './shardRecords.ts';

/** Inputs of {@link mergeShards}. */
export interface MergeOptions {
  /** The shards' folders, in any order. */
  readonly dirs: readonly string[];
  /** Folder for the merged outputs (created if missing); none of the shards'. */
  readonly outDir: string;
  /** How errors about the folder name it (e.g. `--out`; default `outDir`). */
  readonly outDirField?: string;
  /**
   * The scenario file the shards ran, needed only when it starts from a snapshot (`start:`, a path
   * relative to that file), and named in errors as `scenarioField`.
   */
  readonly scenarioFile?: string | undefined;
  readonly scenarioField?: string;
}

/** What a merge produced: the experiment's result and its scenario. */
export interface MergeResult extends ExperimentResult {
  readonly scenario: Scenario;
}

// Records go to the collectors in batches, as the runner hands them over in chunks.
const BATCH = 64;

/** The scenario the shards ran, from shard 1's scenario.json, checked against the manifests' hash. */
function shardScenario(
  shard: ShardFolder,
  modelSchema: Parameters<typeof parseScenario>[0]['modelSchema'],
  scenarioFile: string | undefined,
  scenarioField: string,
): Scenario {
  const scenario = readShardScenario(
    join(shard.dir, 'scenario.json'),
    shard.manifest.scenarioHash,
    modelSchema,
  );
  if (scenario.start === undefined) return scenario;
  if (scenarioFile === undefined) {
    // The state the shard ran from, kept beside its records.
    const kept = join(shard.dir, SHARD_START_FILE);
    const read = readStartingState(kept);
    if (read.ok) return { ...scenario, startingState: read.state };
    throw new InputError(
      scenarioField,
      `the shards' scenario starts from ${scenario.start} and ${read.message}; pass the scenario file so the merge can read the starting state`,
    );
  }
  let startingState: StartingState | undefined;
  const problem = checkScenarioStart(scenarioFile, (state) => {
    startingState = state;
  })(scenario.start);
  if (problem !== null || startingState === undefined)
    throw new InputError(scenarioField, problem ?? `cannot read the starting state ${scenario.start}`);
  return { ...scenario, startingState };
}

/**
 * Merge shards into one experiment's outputs in `outDir`: runs.csv, summary.json, manifest.json,
 * scenario.json (the report is the caller's, as for a whole run).
 * @example const merged = await mergeShards({ dirs: ['out/a-1', 'out/a-2'], outDir: 'out/a' })
 */
export async function mergeShards(options: MergeOptions): Promise<MergeResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const where = { dir: options.outDir, field: options.outDirField ?? 'outDir' };
  const shards = readShardSet({ dirs: options.dirs, out: options.outDir, outField: where.field });
  const [first] = shards;
  if (first === undefined) throw new InputError('DIR', 'expected the shard folders to merge');
  const ref = parseModelRef(first.manifest.modelExport, PROJECT_ROOT);
  const model = await loadModel(ref);
  const scenario = shardScenario(
    first,
    model.schema,
    options.scenarioFile,
    options.scenarioField ?? 'scenarioFile',
  );
  if (scenario.start !== undefined && options.scenarioFile === undefined) {
    // Every shard must have run from the same state as the first (the scenario's hash names only its path).
    const startOf = (dir: string): string | undefined => {
      try {
        return readFileSync(join(dir, SHARD_START_FILE), 'utf8');
      } catch {
        return undefined;
      }
    };
    const expected = startOf(first.dir);
    for (const shard of shards.slice(1))
      if (startOf(shard.dir) !== expected)
        throw new InputError(
          join(shard.dir, SHARD_START_FILE),
          `is missing or not the starting state shard ${first.manifest.shard.index} ran from; run this shard again from the same scenario file, or pass it with the scenario file`,
        );
  }
  prepareOutputDir(where);

  const outputs = openExperimentOutputs({ model, ref, scenario, where });
  try {
    let next = 0;
    for (const shard of shards) {
      const { firstRun, runs } = shard.manifest.shard;
      let batch: RunRecord[] = [];
      let line = 0;
      for await (const record of readShardRecords(shard.records)) {
        line += 1;
        if (record.runIndex !== next || line > runs)
          throw new InputError(
            `${shard.records} line ${line}`,
            `holds run ${record.runIndex}, expected run ${next} (shard ${shard.manifest.shard.index} takes runs ${firstRun}–${firstRun + runs - 1}); the file is altered: run this shard again`,
          );
        batch.push(record);
        next += 1;
        if (batch.length === BATCH) {
          outputs.add(batch);
          batch = [];
        }
      }
      outputs.add(batch);
      if (line !== runs)
        throw new InputError(
          shard.records,
          `holds ${line} runs, its manifest ${runs}; the file is cut: run shard ${shard.manifest.shard.index} again`,
        );
    }
  } finally {
    outputs.close();
  }
  const result = outputs.finish({
    aborted: false,
    workers: 1,
    wallTimeMs: Math.round(performance.now() - started),
    startedAt,
    mergedFrom: shards.map((s) => ({ dir: s.dir, shard: s.manifest.shard })),
  });
  return { ...result, scenario };
}
