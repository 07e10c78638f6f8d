/**
 * The shard folders `merge` is given, read and checked to belong to one experiment before anything is
 * written: each is a complete shard of the same scenario, seed, runs and model, every k of n is there
 * exactly once and its block is the one shard k of n takes. Each refusal names the folder and field.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../../engine/errors.ts';
import {
  checkShard,
  type ExperimentShard,
  type ShardManifest,
  shardBlock,
  shardText,
} from './experimentShard.ts';
import type { Manifest } from './manifest.ts';
import { SHARD_RECORDS_FILE } from './shardRecords.ts';

/** A shard's folder and manifest. */
export interface ShardFolder {
  /** The folder as given. */
  readonly dir: string;
  readonly manifest: Manifest & { readonly shard: ShardManifest };
  /** Its records file. */
  readonly records: string;
}

/** Fields every shard of one experiment shares. */
const SHARED = ['scenarioHash', 'seed', 'runs', 'model', 'modelExport'] as const;

const samePlace = (a: string, b: string): boolean => {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
};

function readShard(dir: string): ShardFolder {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path))
    throw new InputError(dir, 'has no manifest.json: pass the folder `simulate --shard k/n --out` wrote');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (cause) {
    throw new InputError(path, 'cannot be read as JSON; the shard is damaged: run it again', { cause });
  }
  const shard = manifest.shard;
  if (typeof shard !== 'object' || shard === null)
    throw new InputError(
      `${path} shard`,
      'is missing: this folder holds a whole run, not a shard; pass the folders of `--shard k/n` runs',
    );
  const block = shardBlock(
    checkShard({ index: shard.index, count: shard.count }, `${path} shard`),
    manifest.runs,
  );
  if (shard.firstRun !== block.firstRun || shard.runs !== block.runs)
    throw new InputError(
      `${path} shard`,
      `says runs ${shard.firstRun}… (${shard.runs}), but shard ${shardText(shard)} of ${manifest.runs} runs takes ${block.firstRun}… (${block.runs}); the manifest was altered: run the shard again`,
    );
  if (manifest.status !== 'complete')
    throw new InputError(
      `${path} status`,
      `is ${manifest.status}: shard ${shardText(shard)} was stopped before its last run; run it again`,
    );
  const records = join(dir, SHARD_RECORDS_FILE);
  if (!existsSync(records))
    throw new InputError(
      dir,
      `has no ${SHARD_RECORDS_FILE}: shard ${shardText(shard)} is incomplete; run it again`,
    );
  return { dir, manifest: { ...manifest, shard }, records };
}

/**
 * Throw an InputError naming `outField` unless there are shards and `out` is none of them.
 * @example refuseShardAsOutput({ dirs: ['s1', 's2'], out: 's1', outField: '--out' }) // throws
 */
export function refuseShardAsOutput({
  dirs,
  out,
  outField,
}: {
  dirs: readonly string[];
  out: string;
  outField: string;
}): void {
  if (dirs.length === 0)
    throw new InputError(
      'DIR',
      'expected the shard folders to merge (the --out folders of `--shard k/n` runs)',
    );
  for (const dir of dirs)
    if (samePlace(dir, out))
      throw new InputError(
        outField,
        `is the shard folder ${dir}; choose another folder so the shard is kept`,
      );
}

/**
 * The shards in `dirs`, checked and sorted by k; `out` (named `outField`) may be none of them.
 * @example readShardSet({ dirs: ['s1', 's2'], out: 'merged', outField: '--out' })[0].manifest.shard.index // 1
 */
export function readShardSet({
  dirs,
  out,
  outField,
}: {
  dirs: readonly string[];
  out: string;
  outField: string;
}): ShardFolder[] {
  refuseShardAsOutput({ dirs, out, outField });
  return orderShardSet(dirs.map(readShard), SHARED);
}

/**
 * Check that `shards` belong together (the same `fields` in every manifest, one split, every k of n
 * once) and return them sorted by k; each refusal names the folder and field.
 * @example orderShardSet([s2, s1], ['scenarioHash', 'seed'])[0] === s1
 */
export function orderShardSet<
  S extends { readonly dir: string; readonly manifest: { readonly shard: ExperimentShard } },
>(shards: readonly S[], fields: readonly (keyof S['manifest'] & string)[]): S[] {
  const [first] = shards;
  if (first === undefined) return [];
  for (const s of shards) {
    for (const field of fields) {
      const [mine, theirs] = [s.manifest, first.manifest].map((m) => (m as S['manifest'])[field]);
      if (mine !== theirs)
        throw new InputError(
          `${join(s.dir, 'manifest.json')} ${field}`,
          `is ${String(mine)}, but ${String(theirs)} in ${first.dir}: every shard must run the same scenario, seed, runs and model; pass shards of one experiment`,
        );
    }
    if (s.manifest.shard.count !== first.manifest.shard.count)
      throw new InputError(
        `${join(s.dir, 'manifest.json')} shard`,
        `is shard ${shardText(s.manifest.shard)}, but ${first.dir} is shard ${shardText(first.manifest.shard)}: pass shards of one split`,
      );
  }
  const count = first.manifest.shard.count;
  const byIndex = new Map<number, S>();
  for (const s of shards) {
    const other = byIndex.get(s.manifest.shard.index);
    if (other !== undefined)
      throw new InputError(
        s.dir,
        `is shard ${shardText(s.manifest.shard)} again (so is ${other.dir}): pass each shard once`,
      );
    byIndex.set(s.manifest.shard.index, s);
  }
  const sorted: S[] = [];
  for (let k = 1; k <= count; k++) {
    const s = byIndex.get(k);
    if (s === undefined) throw new InputError('DIR', `shard ${k} of ${count} is missing: pass its folder`);
    sorted.push(s);
  }
  return sorted;
}
