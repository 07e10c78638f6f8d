/**
 * The marker of a shard of `compare` (`compare-shard.json` beside the variants' shard folders): what
 * `merge` needs to merge each variant and then compare them as `compare` does, and to check that the
 * shards belong together.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../engine/errors.ts';
import type { ExperimentShard } from '../runner/experimentShard.ts';
import { jsonText } from '../runner/jsonText.ts';
import { guardOutputWrite } from '../runner/outputDirError.ts';
import { scenarioHash } from '../scenario/scenarioHash.ts';
import { type Scenario, toScenarioFile } from '../scenario/scenarioSchema.ts';
import type { VariantLabel } from './writeComparison.ts';

/** The name of the marker file. */
export const COMPARE_SHARD_FILE = 'compare-shard.json';

/** What the marker holds. */
export interface CompareShard {
  readonly scenario: { readonly name: string; readonly title: string; readonly description: string };
  /** SHA-256 of the compared scenario (all variants), as a manifest's scenarioHash. */
  readonly scenarioHash: string;
  readonly variants: readonly VariantLabel[];
  readonly forkDay: number | null;
  readonly shard: ExperimentShard;
}

/** The marker of `scenario`'s shard. */
export function compareShard(scenario: Scenario, shard: ExperimentShard): CompareShard {
  return {
    scenario: { name: scenario.name, title: scenario.title, description: scenario.description },
    scenarioHash: scenarioHash(toScenarioFile(scenario)),
    variants: (scenario.variants ?? []).map(({ name, title, description }) => ({ name, title, description })),
    forkDay: scenario.fork?.atDays ?? null,
    shard: { index: shard.index, count: shard.count },
  };
}

/** Write the marker into `where.dir`; returns its path. */
export function writeCompareShard(marker: CompareShard, where: { dir: string; field: string }): string {
  const path = join(where.dir, COMPARE_SHARD_FILE);
  guardOutputWrite(where, () => writeFileSync(path, jsonText(marker)));
  return path;
}

/** Whether `dir` holds a shard of `compare`. */
export const isCompareShard = (dir: string): boolean => existsSync(join(dir, COMPARE_SHARD_FILE));

/**
 * The marker of the compare shard in `dir`, or an InputError naming it.
 * @example readCompareShard('part-1').variants.map((v) => v.name)
 */
export function readCompareShard(dir: string): CompareShard {
  const path = join(dir, COMPARE_SHARD_FILE);
  if (!existsSync(path))
    throw new InputError(
      dir,
      `has no ${COMPARE_SHARD_FILE}: it is not a shard of \`compare\`; pass shards of one command, all of compare or all of simulate`,
    );
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CompareShard;
  } catch (cause) {
    throw new InputError(path, 'cannot be read as JSON; the shard is damaged: run it again', { cause });
  }
}
