/** The sweep's `manifest.json`: what produced its outputs, to reproduce or compare them. */
import type { Manifest } from '../runner/manifest.ts';
import type { SweepMethod } from '../scenario/sweepSchema.ts';
import type { SweepShardManifest } from './runSweep.ts';

/** One shard a merged sweep was assembled from. */
export interface MergedSweepShard {
  /** The shard's folder as the merge was given it. */
  readonly dir: string;
  readonly shard: SweepShardManifest;
}

/**
 * The experiment manifest's fields (runs, completed and errored over all points) and the sweep's design;
 * `seed` is every point's.
 */
export interface SweepManifest extends Omit<Manifest, 'sensitivity' | 'shard' | 'mergedFrom'> {
  readonly sweep: {
    readonly method: SweepMethod;
    readonly points: number;
    readonly runsPerPoint: number;
    readonly parameters: readonly string[];
    readonly outcomes: readonly string[];
    /** Sobol' base sample size N, or null for other methods. */
    readonly sobolN: number | null;
  };
  /** Set on a shard's manifest: which block of the points it ran (`sweep.points` is the whole sweep's). */
  readonly shard?: SweepShardManifest;
  /** Set on a merged sweep: the shard folders it was assembled from, in point order. */
  readonly mergedFrom?: readonly MergedSweepShard[];
}
