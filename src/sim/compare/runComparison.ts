/**
 * Run every variant of a scenario on the same seeds (one experiment each, outputs in a folder per
 * variant) and write the side-by-side comparison: `compare.json` and `compare.html`.
 */
import { join } from 'node:path';
import { InputError } from '../../engine/errors.ts';
import type { Backend } from '../runner/backend.ts';
import type { ExperimentShard } from '../runner/experimentShard.ts';
import type { ModelRef } from '../runner/modelRef.ts';
import { prepareOutputDir } from '../runner/prepareOutputDir.ts';
import { type ExperimentProgress, runExperiment } from '../runner/runExperiment.ts';
import type { Scenario, ScenarioVariant } from '../scenario/scenarioSchema.ts';
import { compareShard, writeCompareShard } from './compareShard.ts';
import type { Comparison, VariantResult } from './compareVariants.ts';
import { reportVariant, writeComparison } from './writeComparison.ts';

/** Inputs of {@link runComparison}. */
export interface ComparisonOptions {
  readonly model: ModelRef;
  /** A scenario with at least two variants. */
  readonly scenario: Scenario;
  readonly workers?: number;
  /** Where every variant's runs go instead (left open; a queue's, for one). Default: `workers` threads. */
  readonly backend?: Backend | undefined;
  readonly outDir: string;
  /** How errors about the folder name it (e.g. `--out`; default `outDir`). */
  readonly outDirField?: string;
  readonly signal?: AbortSignal;
  /** Progress of the variant being run (0-based index among the variants). */
  readonly onProgress?: (variant: number, progress: ExperimentProgress) => void;
  /**
   * Run only this shard of every variant: each variant's folder is then a shard for `merge`, with a
   * marker beside them, and nothing is compared.
   */
  readonly shard?: ExperimentShard;
}

/** What a comparison produced. */
export interface ComparisonResult {
  /** Null when stopped early, or for a shard. */
  readonly comparison: Comparison | null;
  readonly files: readonly string[];
  /** True when stopped before every variant finished (no comparison is written then). */
  readonly aborted: boolean;
  readonly wallTimeMs: number;
}

/**
 * The scenario one variant runs: the scenario's settings with the variant's model; with a fork point,
 * the first variant's model until the fork.
 */
export function variantScenario(scenario: Scenario, variant: ScenarioVariant): Scenario {
  const { variants: all, fork, ...rest } = scenario;
  const base = all?.[0];
  return {
    ...rest,
    title: `${scenario.title}: ${variant.title}`,
    description: variant.description === '' ? scenario.description : variant.description,
    model: variant.model,
    ...(fork === undefined || base === undefined
      ? {}
      : { fork: { atDays: fork.atDays, baseModel: base.model } }),
  };
}

/**
 * Run the variants one after another (each on all workers) and compare them.
 * @example await runComparison({ model, scenario, workers: 2, outDir: 'out/packs' })
 */
export async function runComparison(options: ComparisonOptions): Promise<ComparisonResult> {
  const { scenario, outDir } = options;
  const variants = scenario.variants ?? [];
  if (variants.length < 2)
    throw new InputError(
      'variants',
      `expected at least two variants to compare, got ${variants.length}; list them under \`variants:\` in the scenario (the first is the baseline)`,
    );
  const where = { dir: outDir, field: options.outDirField ?? 'outDir' };
  prepareOutputDir(where);
  const started = Date.now();
  const files: string[] = [];
  const results: VariantResult[] = [];
  for (const [k, variant] of variants.entries()) {
    const dir = join(outDir, variant.name);
    const result = await runExperiment({
      model: options.model,
      scenario: variantScenario(scenario, variant),
      workers: options.workers ?? 1,
      ...(options.backend === undefined ? {} : { backend: options.backend }),
      outDir: dir,
      outDirField: where.field,
      ...(options.shard === undefined ? {} : { shard: options.shard }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: (p) => options.onProgress?.(k, p) }),
    });
    files.push(...result.files);
    if (result.aborted) {
      return {
        comparison: null,
        files,
        aborted: true,
        wallTimeMs: Date.now() - started,
      };
    }
    if (options.shard !== undefined) continue;
    const reported = await reportVariant({
      variant,
      summary: result.summary,
      manifest: result.manifest,
      where,
    });
    files.push(...reported.files);
    results.push(reported.result);
  }
  if (options.shard !== undefined) {
    files.push(writeCompareShard(compareShard(scenario, options.shard), where));
    return { comparison: null, files, aborted: false, wallTimeMs: Date.now() - started };
  }
  const { comparison, files: written } = await writeComparison({
    scenario,
    variants: results,
    forkDay: scenario.fork?.atDays ?? null,
    where,
  });
  files.push(...written);
  return { comparison, files, aborted: false, wallTimeMs: Date.now() - started };
}
