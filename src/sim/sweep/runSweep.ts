/**
 * Run a sweep: every point of the plan as one variation of the scenario through the paired-variation
 * runner (runVariations, the building block of the sensitivity screen), all points on run indices
 * 0 … runs − 1 of the scenario's seed, so the points differ by their parameters and not by their luck.
 * Each point's figures are over its runs; for a Sobol' design a point's response is the mean of its runs.
 */
import { type ExperimentShard, shardBlock } from '../runner/experimentShard.ts';
import { loadModel, type ModelRef } from '../runner/modelRef.ts';
import type { Scenario } from '../scenario/scenarioSchema.ts';
import { quantileSorted } from '../stats/quantileSorted.ts';
import { runVariations, type Variation, type VariationsOptions } from '../vary/runVariations.ts';
import { planSweep, type SweepPlan } from './planSweep.ts';
import { sobolIndices } from './sobolIndices.ts';
import type { PointFigures, SweepPoint, SweepSobol, SweepSummary } from './sweepSummary.ts';

/** The estimators named in sweep.json and the report. */
export const SOBOL_ESTIMATORS =
  'Saltelli et al. (2010) first order, Jansen (1999) total effect, on Saltelli’s design of Sobol’ points; percentile bootstrap intervals over the design rows';

/** Inputs of {@link runSweep}: the runner's options of {@link runVariations}, and the sweep's own. */
export interface SweepOptions
  extends Pick<VariationsOptions, 'model' | 'workers' | 'backend' | 'signal' | 'onProgress'> {
  /** The resolved scenario with a `sweep` section; its seed is every point's. */
  readonly scenario: Scenario;
  /** Paired runs per point. */
  readonly runs: number;
  /** Run only this shard's block of points (summarised later, by merging every shard). */
  readonly shard?: ExperimentShard;
}

/** What a sweep shard's manifest records of it: shard k of n and its block of points. */
export interface SweepShardManifest extends ExperimentShard {
  readonly firstPoint: number;
  readonly points: number;
}

/** What the sweep produced. */
export interface SweepResult {
  /** Null when stopped before every run finished, or for a shard. */
  readonly summary: SweepSummary | null;
  /** Every point (a shard's: its block) with its figures (empty when stopped). */
  readonly points: readonly SweepPoint[];
  /** Set for a shard: which block of the plan's points it ran. */
  readonly shard?: SweepShardManifest;
  readonly plan: SweepPlan;
  /** Paired runs per point. */
  readonly runsPerPoint: number;
  readonly aborted: boolean;
  readonly completed: number;
  readonly errored: number;
  readonly workers: number;
  /** The queue the runs went through, when the backend was one (URL without its password). */
  readonly queue?: { readonly url: string };
  readonly wallTimeMs: number;
}

/** The variation name of point `index`. */
export const pointName = (index: number) => `point-${index}`;

/** Mean, median, 5th and 95th percentiles of the finite values (NaN for all when none is finite). */
export function pointFigures(column: ArrayLike<number>): PointFigures {
  const sorted = Float64Array.from(column).filter(Number.isFinite).sort();
  const mean = sorted.length === 0 ? Number.NaN : sorted.reduce((s, x) => s + x, 0) / sorted.length;
  return {
    mean,
    median: quantileSorted(sorted, 0.5),
    p5: quantileSorted(sorted, 0.05),
    p95: quantileSorted(sorted, 0.95),
  };
}

/**
 * The plan of a scenario's sweep for a model by reference, so a command can refuse a bad sweep before
 * any run; throws as {@link planSweep} does.
 */
export async function prepareSweep({ model, scenario }: { model: ModelRef; scenario: Scenario }) {
  return planSweep({ model: await loadModel(model), scenario });
}

/**
 * Run every point of the scenario's sweep and summarise it.
 * @example const { summary } = await runSweep({ model, scenario, runs: 4, workers: 2 });
 */
export async function runSweep(options: SweepOptions): Promise<SweepResult> {
  const { scenario, runs, shard } = options;
  const plan = await prepareSweep(options);
  const block =
    shard === undefined ? { firstRun: 0, runs: plan.points.length } : shardBlock(shard, plan.points.length);
  const indices = Array.from({ length: block.runs }, (_, i) => block.firstRun + i);
  // Every point runs on the same seed and run indices, so a shard's points are a whole sweep's.
  const variations: Variation[] = indices.map((i) => ({
    name: pointName(i),
    overrides: plan.parameters.map((p, d) => ({ path: p.path, value: plan.points[i]![d]! })),
  }));
  const result = await runVariations({
    model: options.model,
    scenario,
    variations,
    runs,
    seed: scenario.seed,
    workers: options.workers ?? 1,
    backend: options.backend,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  const completed = result.variations.reduce((n, v) => n + v.completed, 0);
  const errored = result.variations.reduce((n, v) => n + v.errored, 0);
  const done = {
    plan,
    runsPerPoint: runs,
    aborted: result.aborted,
    completed,
    errored,
    workers: result.workers,
    ...(options.backend?.queue === undefined ? {} : { queue: { url: options.backend.queue.url } }),
    ...(shard === undefined
      ? {}
      : {
          shard: {
            index: shard.index,
            count: shard.count,
            firstPoint: block.firstRun,
            points: block.runs,
          },
        }),
    wallTimeMs: result.wallTimeMs,
  };
  if (result.aborted) return { summary: null, points: [], ...done };

  const points: SweepPoint[] = result.variations.map((v, i) => ({
    index: indices[i]!,
    values: plan.points[indices[i]!]!,
    outcomes: Object.fromEntries(
      plan.outcomes.map((o) => [o.key, pointFigures(v.outcomes[o.key]!)] as const),
    ),
    completed: v.completed,
    errored: v.errored,
  }));
  if (shard !== undefined) return { summary: null, points, ...done };
  return { summary: summarizeSweep({ plan, scenario, runs, points }), points, ...done };
}

/**
 * The summary of a sweep from every point's figures, in point order: the Sobol' indices (for a sobol
 * design) from the points' means, and the design. A whole sweep and a merge of its shards both call it.
 * @example summarizeSweep({ plan, scenario, runs: 2, points }).sobol?.outcomes[0]?.parameters
 */
export function summarizeSweep({
  plan,
  scenario,
  runs,
  points,
}: {
  plan: SweepPlan;
  scenario: Scenario;
  /** Paired runs per point. */
  runs: number;
  points: readonly SweepPoint[];
}): SweepSummary {
  let sobol: SweepSobol | null = null;
  if (plan.saltelliN !== null) {
    const n = plan.saltelliN;
    const estimates = plan.outcomes.map((outcome) => {
      const e = sobolIndices({
        responses: points.map((p) => p.outcomes[outcome.key]!.mean),
        n,
        parameters: plan.parameters.length,
        seed: scenario.seed,
      });
      return { outcome, e };
    });
    sobol = {
      n,
      resamples: estimates[0]?.e.resamples ?? 0,
      level: estimates[0]?.e.level ?? 0,
      estimators: SOBOL_ESTIMATORS,
      outcomes: estimates.map(({ outcome, e }) => ({
        outcome,
        variance: e.variance,
        rows: e.rows,
        parameters: e.parameters.map((p, d) => ({ parameter: plan.parameters[d]!.path, ...p })),
      })),
    };
  }
  return {
    scenario: { name: scenario.name, title: scenario.title, description: scenario.description },
    method: plan.settings.method,
    seed: scenario.seed,
    runsPerPoint: runs,
    points: points.length,
    parameters: plan.parameters,
    outcomes: plan.outcomes,
    sobol,
    completed: points.reduce((n, p) => n + p.completed, 0),
    errored: points.reduce((n, p) => n + p.errored, 0),
  };
}
