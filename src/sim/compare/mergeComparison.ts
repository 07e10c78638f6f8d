/**
 * Merge the shards of `compare` (each a folder of variant shard folders and a marker): every variant's
 * shards are merged as a simulate's are, reported, and the variants compared as `compare` does, so
 * compare.json and each variant's runs.csv and summary.json are the whole comparison's bytes.
 */
import { join } from 'node:path';
import { InputError } from '../../engine/errors.ts';
import { shardText } from '../runner/experimentShard.ts';
import { type MergeResult, mergeShards } from '../runner/mergeShards.ts';
import { prepareOutputDir } from '../runner/prepareOutputDir.ts';
import { refuseShardAsOutput } from '../runner/readShardSet.ts';
import { COMPARE_SHARD_FILE, type CompareShard, readCompareShard } from './compareShard.ts';
import type { Comparison, VariantResult } from './compareVariants.ts';
import { reportVariant, writeComparison } from './writeComparison.ts';

/** Inputs of {@link mergeComparison}. */
export interface MergeComparisonOptions {
  /** The compare shards' folders, in any order. */
  readonly dirs: readonly string[];
  readonly outDir: string;
  /** How errors about the folder name it (e.g. `--out`; default `outDir`). */
  readonly outDirField?: string;
  /** The scenario file, when it starts from a snapshot (see mergeShards). */
  readonly scenarioFile?: string | undefined;
  readonly scenarioField?: string;
}

/** What a merged comparison produced. */
export interface MergedComparison {
  readonly comparison: Comparison;
  readonly marker: CompareShard;
  /** Each variant's merged experiment, in the scenario's order. */
  readonly variants: readonly MergeResult[];
  readonly files: readonly string[];
}

/** The markers of `dirs`, checked to be shards of one comparison. */
function readMarkers(dirs: readonly string[]): CompareShard {
  const markers = dirs.map((dir) => ({ dir, marker: readCompareShard(dir) }));
  const [first] = markers;
  if (first === undefined) throw new InputError('DIR', 'expected the shard folders to merge');
  const names = (m: CompareShard) => m.variants.map((v) => v.name).join(', ');
  for (const { dir, marker } of markers) {
    const where = `${join(dir, COMPARE_SHARD_FILE)}`;
    if (marker.scenarioHash !== first.marker.scenarioHash)
      throw new InputError(
        `${where} scenarioHash`,
        `is ${marker.scenarioHash}, but ${first.marker.scenarioHash} in ${first.dir}: pass shards of one comparison (same scenario and options)`,
      );
    if (names(marker) !== names(first.marker))
      throw new InputError(
        `${where} variants`,
        `are ${names(marker)}, but ${names(first.marker)} in ${first.dir}: pass shards of one comparison`,
      );
    if (marker.shard.count !== first.marker.shard.count)
      throw new InputError(
        `${where} shard`,
        `is shard ${shardText(marker.shard)}, but ${first.dir} is shard ${shardText(first.marker.shard)}: pass shards of one split`,
      );
  }
  return first.marker;
}

/**
 * Merge compare shards into `outDir`: a folder per variant (runs.csv, summary.json, manifest.json,
 * scenario.json, report) and compare.json, compare.html.
 * @example const merged = await mergeComparison({ dirs: ['c-1', 'c-2'], outDir: 'out/packs' })
 */
export async function mergeComparison(options: MergeComparisonOptions): Promise<MergedComparison> {
  const where = { dir: options.outDir, field: options.outDirField ?? 'outDir' };
  refuseShardAsOutput({ dirs: options.dirs, out: options.outDir, outField: where.field });
  const marker = readMarkers(options.dirs);
  const variants: MergeResult[] = [];
  const results: VariantResult[] = [];
  const files: string[] = [];
  prepareOutputDir(where);
  for (const variant of marker.variants) {
    // Each variant's shards are checked as a simulate's are: every k once, same scenario, complete.
    const merged = await mergeShards({
      dirs: options.dirs.map((dir) => join(dir, variant.name)),
      outDir: join(options.outDir, variant.name),
      outDirField: where.field,
      scenarioFile: options.scenarioFile,
      ...(options.scenarioField === undefined ? {} : { scenarioField: options.scenarioField }),
    });
    variants.push(merged);
    files.push(...merged.files);
    const reported = await reportVariant({
      variant,
      summary: merged.summary,
      manifest: merged.manifest,
      where,
    });
    files.push(...reported.files);
    results.push(reported.result);
  }
  const { comparison, files: written } = await writeComparison({
    scenario: marker.scenario,
    variants: results,
    forkDay: marker.forkDay,
    where,
  });
  files.push(...written);
  return { comparison, marker, variants, files };
}
