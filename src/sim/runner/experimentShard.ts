/**
 * A shard of an experiment: the k-th of n contiguous blocks of its run indices, run on its own (on
 * another machine, say) with the same seed, so each run is the same numbers as in the whole experiment
 * and `merge` can assemble the shards into the whole run's outputs.
 */
import { InputError } from '../../engine/errors.ts';

/** Shard `index` of `count` (1-based: 1 … count). */
export interface ExperimentShard {
  readonly index: number;
  readonly count: number;
}

/** The run indices a shard takes: `firstRun … firstRun + runs − 1`. */
export interface ShardBlock {
  readonly firstRun: number;
  readonly runs: number;
}

/** What a shard's manifest records of it. */
export type ShardManifest = ExperimentShard & ShardBlock;

/** How a shard is written on the command line and in messages: `k/n`. */
export const shardText = (shard: ExperimentShard): string => `${shard.index}/${shard.count}`;

/**
 * Check a shard's numbers, or throw an InputError naming `field` (e.g. `--shard`).
 * @example checkShard({ index: 2, count: 3 }, '--shard')
 */
export function checkShard(shard: ExperimentShard, field = 'shard'): ExperimentShard {
  const { index, count } = shard;
  if (!Number.isSafeInteger(count) || count < 1)
    throw new InputError(field, `expected a shard count n ≥ 1 in k/n, got ${count}`);
  if (!Number.isSafeInteger(index) || index < 1 || index > count)
    throw new InputError(
      field,
      `expected k from 1 to ${count} in k/${count}, got ${index}; shards are numbered 1 to n`,
    );
  return shard;
}

/**
 * The contiguous block of run indices shard k of n takes among `runs`: [floor((k−1)·R/n), floor(k·R/n)),
 * so the blocks of 1/n … n/n cover every run once, in order, and differ in size by at most one run.
 * @example shardBlock({ index: 2, count: 3 }, 10) // { firstRun: 3, runs: 3 }
 */
export function shardBlock(shard: ExperimentShard, runs: number): ShardBlock {
  checkShard(shard);
  const at = (k: number) => Math.floor((k * runs) / shard.count);
  const firstRun = at(shard.index - 1);
  return { firstRun, runs: at(shard.index) - firstRun };
}
