/**
 * Assemble a sweep from its shards (`sweep --shard k/n` folders): their points, in point order, go
 * through the same summary and writer a whole sweep uses, so sweep.csv, sobol.csv and sweep.json are the
 * bytes of one machine's sweep; the manifest differs in wall time, workers, start time and `mergedFrom`.
 * Nothing is written into a shard's folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { InputError } from '../../engine/errors.ts';
import { checkShard, shardBlock, shardText } from '../runner/experimentShard.ts';
import { PROJECT_ROOT } from '../runner/manifest.ts';
import { loadModel, parseModelRef } from '../runner/modelRef.ts';
import { readShardScenario } from '../runner/readShardScenario.ts';
import { orderShardSet, refuseShardAsOutput } from '../runner/readShardSet.ts';
import type { Scenario } from '../scenario/scenarioSchema.ts';
import { decodeExactNumbers } from './exactNumberJson.ts';
import { planSweep } from './planSweep.ts';
import { type SweepResult, type SweepShardManifest, summarizeSweep } from './runSweep.ts';
import type { SweepManifest } from './sweepManifest.ts';
import type { SweepPoint } from './sweepSummary.ts';
import { SWEEP_FILES, SWEEP_SHARD_FILE, type SweepShardFile, writeSweep } from './writeSweep.ts';

/** A sweep shard's folder, manifest and points. */
interface SweepShardFolder {
  readonly dir: string;
  readonly manifest: SweepManifest & { readonly shard: SweepShardManifest };
  readonly points: readonly SweepPoint[];
}

/** Whether `dir` holds a shard of `sweep`. */
export const isSweepShard = (dir: string): boolean => existsSync(join(dir, SWEEP_SHARD_FILE));

const readJson = (path: string): unknown => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new InputError(path, 'cannot be read as JSON; the shard is damaged: run it again', { cause });
  }
};

function readSweepShard(dir: string): SweepShardFolder {
  const path = join(dir, SWEEP_FILES.manifest);
  if (!existsSync(path))
    throw new InputError(dir, 'has no manifest.json: pass the folder `sweep --shard k/n --out` wrote');
  const manifest = readJson(path) as SweepManifest;
  if (typeof manifest.sweep !== 'object' || manifest.sweep === null)
    throw new InputError(
      `${path} sweep`,
      'is missing: this folder is not a sweep; pass shards of one command, all of sweep',
    );
  const shard = manifest.shard;
  if (typeof shard !== 'object' || shard === null)
    throw new InputError(
      `${path} shard`,
      'is missing: this folder holds a whole sweep, not a shard; pass the folders of `sweep --shard k/n` runs',
    );
  const block = shardBlock(
    checkShard({ index: shard.index, count: shard.count }, `${path} shard`),
    manifest.sweep.points,
  );
  if (shard.firstPoint !== block.firstRun || shard.points !== block.runs)
    throw new InputError(
      `${path} shard`,
      `says points ${shard.firstPoint}… (${shard.points}), but shard ${shardText(shard)} of ${manifest.sweep.points} points takes ${block.firstRun}… (${block.runs}); the manifest was altered: run the shard again`,
    );
  if (manifest.status !== 'complete')
    throw new InputError(
      `${path} status`,
      `is ${manifest.status}: shard ${shardText(shard)} was stopped before its last run; run it again`,
    );
  const pointsPath = join(dir, SWEEP_SHARD_FILE);
  const file = readJson(pointsPath) as SweepShardFile;
  const points = (Array.isArray(file.points) ? file.points : []).map(
    (p) => decodeExactNumbers(p) as SweepPoint,
  );
  const wrong = points.findIndex((p, i) => p?.index !== shard.firstPoint + i);
  if (points.length !== shard.points || wrong !== -1)
    throw new InputError(
      `${pointsPath} points`,
      `should hold points ${shard.firstPoint}–${shard.firstPoint + shard.points - 1} in order; the file is altered or cut: run shard ${shardText(shard)} again`,
    );
  return { dir, manifest: { ...manifest, shard }, points };
}

/** The sweep fields every shard of one sweep shares (beside scenario, seed, runs and model). */
const SHARED_SWEEP = ['method', 'points', 'runsPerPoint'] as const;

/**
 * Merge sweep shards into one sweep's outputs in `outDir`, as `sweep` writes them.
 * @example const { summary } = await mergeSweepShards({ dirs: ['out/s-1', 'out/s-2'], outDir: 'out/s' })
 */
export async function mergeSweepShards(options: {
  /** The shards' folders, in any order. */
  readonly dirs: readonly string[];
  /** Folder for the merged outputs (created if missing); none of the shards'. */
  readonly outDir: string;
  /** How errors about the folder name it (default `outDir`). */
  readonly outDirField?: string;
}): Promise<{ result: SweepResult; scenario: Scenario; manifest: SweepManifest; files: string[] }> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const outField = options.outDirField ?? 'outDir';
  refuseShardAsOutput({ dirs: options.dirs, out: options.outDir, outField });
  const read = options.dirs.map(readSweepShard);
  const [head] = read;
  if (head === undefined) throw new InputError('DIR', 'expected the shard folders to merge');
  for (const s of read)
    for (const field of SHARED_SWEEP)
      if (s.manifest.sweep[field] !== head.manifest.sweep[field])
        throw new InputError(
          `${join(s.dir, SWEEP_FILES.manifest)} sweep.${field}`,
          `is ${String(s.manifest.sweep[field])}, but ${String(head.manifest.sweep[field])} in ${head.dir}: pass shards of one sweep`,
        );
  const shards = orderShardSet(read, ['scenarioHash', 'seed', 'runs', 'model', 'modelExport']);
  const first = shards[0]!;
  const ref = parseModelRef(first.manifest.modelExport, PROJECT_ROOT);
  const model = await loadModel(ref);
  const scenario = readShardScenario(
    join(first.dir, SWEEP_FILES.scenario),
    first.manifest.scenarioHash,
    model.schema,
  );
  const plan = planSweep({ model, scenario });
  if (plan.points.length !== first.manifest.sweep.points)
    throw new InputError(
      `${join(first.dir, SWEEP_FILES.manifest)} sweep.points`,
      `is ${first.manifest.sweep.points}, but the scenario's sweep has ${plan.points.length} points; the shard was altered: run it again`,
    );
  const points = shards.flatMap((s) => s.points);
  const runsPerPoint = first.manifest.sweep.runsPerPoint;
  const summary = summarizeSweep({ plan, scenario, runs: runsPerPoint, points });
  const result: SweepResult = {
    summary,
    points,
    plan,
    runsPerPoint,
    aborted: false,
    completed: summary.completed,
    errored: summary.errored,
    workers: 1,
    wallTimeMs: Math.round(performance.now() - started),
  };
  const { manifest, files } = await writeSweep({
    outDir: options.outDir,
    outDirField: outField,
    model: ref,
    scenario,
    result,
    startedAt,
    mergedFrom: shards.map((s) => ({ dir: s.dir, shard: s.manifest.shard })),
  });
  return { result, scenario, manifest, files };
}
